import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';
import type { Clock } from '../lib/clock.ts';
import { DAY_MS } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';

/** PCI DSS 8.2.6: a user without a login for this many days is deactivated. */
export const INACTIVITY_DAYS = 90;

/**
 * The moment a user last showed activity: the last login, else the creation; an administrator's
 * reactivation (its audit entry) counts too, so a user switched on again is not switched off the
 * next night.
 */
const lastActivity = sql<Date>`greatest(
  coalesce(${users.lastLoginAt}, ${users.createdAt}),
  (select max(a.occurred_at) from audit_log a
    where a.account_id = ${users.accountId} and a.event_type = 'user.reactivate' and a.object = 'user:' || ${users.id}::text))`;

/**
 * The daily inactive-user job (PCI DSS 8.2.6, issue 9 item 5): deactivates every active user
 * whose last activity is more than 90 days before `clock.now()`, except API users and except
 * the last active administrator of an account (of an account whose administrators are all
 * inactive, the most recently active one stays). Each user gets deactivated_reason 'inactivity'
 * and deactivated_at, loses its sessions, and one audit entry 'user.deactivate' by the system
 * with { reason: 'inactivity', days }. One transaction per account, holding the account's row
 * like an administrator's deactivation does. Returns how many users were deactivated.
 */
export async function deactivateInactiveUsers(deps: { db: Db; clock: Clock; log: Logger }): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - INACTIVITY_DAYS * DAY_MS);
  const inactive = and(
    eq(users.active, true),
    eq(users.isApiUser, false),
    sql`${lastActivity} < ${cutoff.toISOString()}::timestamptz`,
  );
  const found = await deps.db.selectDistinct({ accountId: users.accountId }).from(users).where(inactive);
  let deactivated = 0;
  for (const { accountId } of found) {
    deactivated += await deps.db.transaction(async (tx) => {
      await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
      const candidates = await tx
        .select({
          id: users.id,
          userid: users.userid,
          profile: users.profile,
          version: users.version,
          days: sql<number>`floor(extract(epoch from (${now.toISOString()}::timestamptz - ${lastActivity})) / 86400)::int`,
        })
        .from(users)
        .where(and(eq(users.accountId, accountId), inactive))
        .orderBy(asc(lastActivity));
      const [admins] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(
          and(eq(users.accountId, accountId), eq(users.profile, 'admin'), eq(users.active, true), eq(users.isApiUser, false)),
        );
      let adminsLeft = admins?.n ?? 0;
      let count = 0;
      for (const user of candidates) {
        if (user.profile === 'admin') {
          if (adminsLeft <= 1) continue;
          adminsLeft -= 1;
        }
        await tx
          .update(users)
          .set({ active: false, deactivatedReason: 'inactivity', deactivatedAt: now, updatedAt: now, version: user.version + 1 })
          .where(and(eq(users.accountId, accountId), eq(users.id, user.id)));
        await deleteUserSessions(tx, accountId, user.id);
        await recordAudit(
          { db: tx, clock: deps.clock },
          {
            accountId,
            actor: 'system',
            eventType: 'user.deactivate',
            success: true,
            object: `user:${user.id}`,
            details: { target: user.userid, reason: 'inactivity', days: user.days },
          },
        );
        count += 1;
      }
      return count;
    });
  }
  return deactivated;
}

import type { Authenticated } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/audit.ts';
import type { User } from '../db/schema/users.ts';
import type { Clock } from '../lib/clock.ts';

export type AuditEvent = {
  accountId: string | null;
  userId?: string | null;
  actor?: string | null;
  eventType: string;
  success: boolean;
  ip?: string | null;
  object?: string | null;
  details?: Record<string, unknown>;
};

/** Appends one entry to the audit log, in the caller's transaction when `db` is one. */
export async function recordAudit(db: Db, clock: Clock, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    accountId: event.accountId,
    userId: event.userId ?? null,
    actor: event.actor ?? null,
    eventType: event.eventType,
    occurredAt: clock.now(),
    success: event.success,
    ip: event.ip ?? null,
    object: event.object ?? null,
    details: event.details ?? {},
  });
}

/**
 * An event a signed-in user caused on one of the account's users (possibly themselves): the
 * actor and the object are filled in; `details.target` names the other user when there is one.
 */
export function recordUserEvent(
  db: Db,
  clock: Clock,
  actor: Authenticated,
  target: Pick<User, 'id' | 'userid'>,
  eventType: string,
  success: boolean,
  ip: string | null,
  details: Record<string, unknown> = {},
) {
  return recordAudit(db, clock, {
    accountId: actor.account.id,
    userId: actor.user.id,
    actor: actor.user.userid,
    eventType,
    success,
    ip,
    object: `user:${target.id}`,
    details: target.id === actor.user.id ? details : { target: target.userid, ...details },
  });
}

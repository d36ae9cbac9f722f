import { recordAudit } from '../audit/service.ts';
import type { Authenticated } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import type { Language } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import type { Clock } from '../lib/clock.ts';
import { userRow } from './queries.ts';

/** A user changes the language of their own interface (and of the mails sent to them). */
export async function changeOwnLanguage(db: Db, clock: Clock, actor: Authenticated, language: Language, ip: string | null) {
  const before = actor.user.language;
  if (before === language) return;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ language, updatedAt: clock.now() }).where(userRow(actor.user));
    await recordAudit(tx, clock, {
      accountId: actor.account.id,
      userId: actor.user.id,
      actor: actor.user.userid,
      eventType: 'user.language_changed',
      success: true,
      ip,
      object: `user:${actor.user.id}`,
      details: { before, after: language },
    });
  });
}

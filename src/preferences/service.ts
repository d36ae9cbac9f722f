import { recordEvent } from '../audit/service.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import { users } from '../db/schema/users.ts';
import type { Language } from '../i18n/languages.ts';
import { userRow } from '../users/queries.ts';

/** T2: a user changes the language of their own interface (and of the mails sent to them); audited with before and after. */
export async function changeOwnLanguage(ctx: ActorContext, language: Language): Promise<void> {
  const { user } = ctx.actor;
  const before = user.language;
  if (before === language) return;
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ language, updatedAt: tx.clock.now() }).where(userRow(user));
    await recordEvent(tx, { type: 'user.language_changed', details: { before, after: language } }, { user });
  });
}

import { eq } from 'drizzle-orm';
import { recordEvent } from '../audit/service.ts';
import { can } from '../auth/permissions.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import { accounts } from '../db/schema/accounts.ts';
import { Forbidden, RuleBroken } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { reloadUser } from '../users/queries.ts';

/**
 * B5: the account setting that makes two-factor authentication mandatory for every user of the
 * actor's account (users without it are sent to the setup page at their next request, src/auth/stage.ts).
 * Audited as `account.two_factor_required` on the account, with `before` and `after`; nothing
 * happens (and nothing is audited) when the setting already has that value.
 *
 * Throws Forbidden without `account:security`; RuleBroken `otp.requiredOwnFirst` on the field
 * `required` when it would be switched on while the actor's own 2FA is off (they would be sent
 * to its setup at once, the setting out of reach: set up your own first).
 */
export async function setTwoFactorRequired(ctx: ActorContext, required: boolean): Promise<void> {
  const { account, user } = ctx.actor;
  if (!can(user.profile, 'account:security')) throw new Forbidden('account:security');
  const before = account.twoFactorRequired;
  if (before === required) return;
  if (required && !(await reloadUser(ctx.db, user)).totpEnabledAt) {
    throw new RuleBroken(message('otp.requiredOwnFirst'), 'required');
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(accounts).set({ twoFactorRequired: required }).where(eq(accounts.id, account.id));
    await recordEvent(tx, { type: 'account.two_factor_required', details: { before, after: required } }, { account });
  });
}

import { recordEvent } from '../audit/service.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import { RuleBroken } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { reloadUser } from '../users/queries.ts';
import { generateRecoveryCodes } from './recovery-codes.ts';
import type { CodeAndPassword, SecondFactor } from './step-up.ts';
import { confirmCodeAndPassword } from './step-up.ts';
import { clearTotp, openTotpSecret, replaceRecoveryCodes } from './storage.ts';

/**
 * B4, a user managing their own active 2FA: switching it off and making new recovery codes. Both
 * ask for the password and a current code from the app, its time step claimed like a login's, or
 * one of the user's recovery codes, spent (confirmCodeAndPassword): a lost phone is when they
 * are needed.
 */

/** The step-up check against the user's active seed; a refusal is audited as `eventType` and thrown. */
function stepUp(ctx: ActorContext, user: User, input: CodeAndPassword, eventType: string): Promise<SecondFactor> {
  const secret = openTotpSecret(ctx.secretKey, user.totpSecret!, user);
  return confirmCodeAndPassword(
    ctx,
    user,
    { secret, lastUsedStep: user.totpLastStep, eventType, acceptRecoveryCode: true },
    input,
  );
}

/**
 * Switches the actor's own 2FA off (nothing to do when it is off already): seed and recovery
 * codes go. Audited as `otp.disable` with the `method` used (`totp` or `recovery`), failures
 * included.
 *
 * Throws RuleBroken on the field `code`: `otp.requiredByAccount` while the account requires 2FA
 * (B5), or the step-up check's refusal.
 */
export async function deactivateTotp(ctx: ActorContext, input: CodeAndPassword): Promise<void> {
  const user = await reloadUser(ctx.db, ctx.actor.user);
  if (!user.totpEnabledAt) return;
  if (ctx.actor.account.twoFactorRequired) throw new RuleBroken(message('otp.requiredByAccount'), 'code');
  const { method } = await stepUp(ctx, user, input, 'otp.disable');
  await inTransaction(ctx, async (tx) => {
    await clearTotp(tx.db, user);
    await recordEvent(tx, { type: 'otp.disable', details: { method } }, { user });
  });
}

/**
 * Makes 10 new recovery codes for the actor (the old ones stop working) and returns them, shown
 * once. Audited as `otp.recovery_codes_regenerate`, failures included.
 *
 * Throws RuleBroken on the field `code`: `otp.notActive` while 2FA is off, or the step-up
 * check's refusal.
 */
export async function regenerateRecoveryCodes(ctx: ActorContext, input: CodeAndPassword): Promise<string[]> {
  const user = await reloadUser(ctx.db, ctx.actor.user);
  if (!user.totpEnabledAt) throw new RuleBroken(message('otp.notActive'), 'code');
  const { method } = await stepUp(ctx, user, input, 'otp.recovery_codes_regenerate');
  const codes = generateRecoveryCodes();
  await inTransaction(ctx, async (tx) => {
    await replaceRecoveryCodes(tx.db, tx.clock.now(), user, codes);
    await recordEvent(tx, { type: 'otp.recovery_codes_regenerate', details: { method } }, { user });
  });
  return codes;
}

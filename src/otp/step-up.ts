import { recordEvent } from '../audit/service.ts';
import { auditLockout, claimAttempt, releaseAttempt } from '../auth/attempts.ts';
import type { ActorContext } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import { RuleBroken } from '../errors.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import { verifyPassword } from '../lib/password-hash.ts';
import { normalizeRecoveryCode } from './recovery-codes.ts';
import { claimStep, spendRecoveryCode } from './storage.ts';
import { verifyTotp } from './totp.ts';

/** What the 2FA forms ask for: a code (from the app, or a recovery code where accepted) and the account password, as typed. */
export type CodeAndPassword = { code: string; password: string };

/** The second factor a step-up check accepted: an app code (with its time step), or a recovery code (now spent). */
export type SecondFactor = { method: 'totp'; step: number } | { method: 'recovery' };

/**
 * The step-up check of the 2FA forms (turn on, switch off, new recovery codes; DESIGN.md,
 * Security: "changing 2FA needs the password and a current code"): a current code of `secret`
 * (base32) and the user's password. It counts toward the lockout like a login, and a failure
 * does not say which of the two was wrong. With `lastUsedStep` (2FA already on), the code's time
 * step is claimed, so a code is accepted once; a new seed (`null`) has no step used yet.
 *
 * With `acceptRecoveryCode` (2FA already on: a lost phone is when these forms are needed), one of
 * the user's unused recovery codes may replace the app's code, as at login: it is spent only when
 * the password is right too, and audited as `otp.recovery_code_used` with `for: eventType`.
 *
 * Returns the factor accepted. A refusal is audited as `eventType` failed, with the message key
 * as its reason, then thrown as RuleBroken on the field `code`: `otp.codeMalformed` for anything
 * but 6 digits (`otp.codeOrRecoveryCode` when recovery codes are accepted: nor a recovery code),
 * else `otp.codeOrPasswordWrong` (`otp.recoveryCodeOrPasswordWrong` for a recovery code, also
 * when it was used already), also while the user is locked.
 */
export async function confirmCodeAndPassword(
  ctx: ActorContext,
  user: User,
  check: { secret: string; lastUsedStep: number | null; eventType: string; acceptRecoveryCode?: boolean },
  input: CodeAndPassword,
): Promise<SecondFactor> {
  const refuse = async (problem: PlainKey): Promise<never> => {
    await recordEvent(ctx, { type: check.eventType, success: false, details: { reason: problem } }, { user });
    throw new RuleBroken(message(problem), 'code');
  };
  const recovery = check.acceptRecoveryCode ? normalizeRecoveryCode(input.code) : null;
  const verification = recovery ? null : verifyTotp(check.secret, input.code, ctx.clock.now(), check.lastUsedStep);
  if (verification && !verification.ok && verification.reason === 'malformed') {
    return refuse(check.acceptRecoveryCode ? 'otp.codeOrRecoveryCode' : 'otp.codeMalformed');
  }
  const wrong: PlainKey = recovery ? 'otp.recoveryCodeOrPasswordWrong' : 'otp.codeOrPasswordWrong';
  const claim = await claimAttempt(ctx, user);
  if (!claim) return refuse(wrong);
  if (await verifyPassword(user.passwordHash, input.password)) {
    if (recovery && (await spendRecoveryCode(ctx.db, ctx.clock.now(), user, recovery))) {
      await releaseAttempt(ctx, user);
      await recordEvent(ctx, { type: 'otp.recovery_code_used', details: { for: check.eventType } }, { user });
      return { method: 'recovery' };
    }
    if (verification?.ok && (check.lastUsedStep === null || (await claimStep(ctx.db, user, verification.step)))) {
      await releaseAttempt(ctx, user);
      return { method: 'totp', step: verification.step };
    }
  }
  await auditLockout(ctx, user, claim);
  return refuse(wrong);
}

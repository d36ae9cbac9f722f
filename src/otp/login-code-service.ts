import { recordEvent } from '../audit/service.ts';
import { auditLockout, claimAttempt, MAX_FAILED_LOGINS, MAX_OTP_FAILURES, releaseAttempt } from '../auth/attempts.ts';
import { trustedDevice } from '../auth/device-cookie.ts';
import { completeLogin } from '../auth/login-service.ts';
import { deleteSession } from '../auth/sessions.ts';
import { claimThrottle, releaseThrottle } from '../auth/throttle.ts';
import type { ActorContext } from '../context.ts';
import { users } from '../db/schema/users.ts';
import { RuleBroken } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { reloadUser, userRow } from '../users/queries.ts';
import { normalizeRecoveryCode } from './recovery-codes.ts';
import { claimStep, openTotpSecret, spendRecoveryCode } from './storage.ts';
import { verifyTotp } from './totp.ts';

/** How the code step ended when it did not refuse the code: signed in, or the half-open session ended. */
export type LoginCodeOutcome = 'signedIn' | 'sessionEnded';

/**
 * B4, the login's code step. `ctx.actor` is the half-open session left by the password step
 * (stage `otp`); `sessionToken` is its cookie's token. The code is a TOTP code (each time step
 * accepted once, ±1 step) or an unused recovery code (spent). Every attempt is audited as
 * `login.otp`; a recovery code also as `otp.recovery_code_used`.
 *
 * Each code counts toward the user's lockout before it is checked (src/auth/attempts.ts). After
 * MAX_OTP_FAILURES wrong codes in a row, or once the user is locked, the half-open session ends
 * and the answer is `sessionEnded`: the login starts again with the password. A right code
 * completes the login (`signedIn`); the caller then rotates the session's token.
 *
 * Throws RuleBroken on the field `code` for a wrong code that leaves the session open:
 * `otp.codeOrRecoveryCode` (neither 6 digits nor a recovery code's 16 characters, as a mistyped
 * recovery code often is), `otp.recoveryCodeWrong` (a recovery code not among the unused ones)
 * or `otp.codeWrong`.
 */
export async function verifyLoginCode(
  ctx: ActorContext,
  input: { code: string; sessionToken: string; deviceCookie?: string },
): Promise<LoginCodeOutcome> {
  const user = await reloadUser(ctx.db, ctx.actor.user);
  const now = ctx.clock.now();
  const audit = (success: boolean, details: Record<string, unknown>) =>
    recordEvent(ctx, { type: 'login.otp', success, details }, { user });
  const endSession = async () => {
    await deleteSession(ctx.db, input.sessionToken);
    await ctx.db.update(users).set({ otpFailures: 0 }).where(userRow(user));
  };
  // Decision record 0018: from the user's own device a code counts for that device; any other
  // client passes the login's address and global limits first (TooManyAttempts), as at the password.
  const device = trustedDevice(ctx.secretKey, input.deviceCookie, user.id, now);
  const throttle = device ? null : await claimThrottle(ctx, (scope) => audit(false, { reason: `rate_limited_${scope}` }));
  // Counted before it is checked, so parallel guesses cannot outrun either limit.
  const claim = await claimAttempt(ctx, user, { otp: true, device });
  if (!claim || claim.otpFailures > MAX_OTP_FAILURES) {
    await endSession();
    await audit(false, { reason: claim ? 'too_many_codes' : 'locked' });
    return 'sessionEnded';
  }
  const recovery = normalizeRecoveryCode(input.code);
  let accepted: 'totp' | 'recovery' | null = null;
  let malformed = false;
  if (recovery) {
    if (await spendRecoveryCode(ctx.db, now, user, recovery)) accepted = 'recovery';
  } else if (user.totpSecret) {
    const verification = verifyTotp(openTotpSecret(ctx.secretKey, user.totpSecret, user), input.code, now, user.totpLastStep);
    malformed = !verification.ok && verification.reason === 'malformed';
    if (verification.ok && (await claimStep(ctx.db, user, verification.step))) accepted = 'totp';
  }
  if (accepted) {
    await releaseAttempt(ctx, user, { otp: true, claim });
    if (throttle) await releaseThrottle(ctx, throttle);
    await completeLogin(ctx, user, { device });
    await audit(true, { method: accepted });
    if (accepted === 'recovery') await recordEvent(ctx, { type: 'otp.recovery_code_used' }, { user });
    return 'signedIn';
  }
  await auditLockout(ctx, user, claim);
  await audit(false, { reason: malformed ? 'malformed' : 'wrong_code' });
  if (claim.otpFailures >= MAX_OTP_FAILURES || claim.failedLoginCount >= MAX_FAILED_LOGINS) {
    await endSession();
    return 'sessionEnded';
  }
  throw new RuleBroken(
    message(malformed ? 'otp.codeOrRecoveryCode' : recovery ? 'otp.recoveryCodeWrong' : 'otp.codeWrong'),
    'code',
  );
}

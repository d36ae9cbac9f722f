import { recordEvent } from '../audit/service.ts';
import { auditLockout, claimAttempt, releaseAttempt } from '../auth/attempts.ts';
import type { ActorContext } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import { RuleBroken } from '../errors.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import { verifyPassword } from '../lib/password-hash.ts';
import { claimStep } from './storage.ts';
import { verifyTotp } from './totp.ts';

/** What the 2FA forms ask for: a code from the app (6 digits, spaces allowed) and the account password, as typed. */
export type CodeAndPassword = { code: string; password: string };

/**
 * The step-up check of the 2FA forms (turn on, turn off, new recovery codes; DESIGN.md,
 * Security: "changing 2FA needs the password and a current code"): a current code of `secret`
 * (base32) and the user's password. It counts toward the lockout like a login, and a failure
 * does not say which of the two was wrong. With `lastUsedStep` (2FA already on), the code's time
 * step is claimed, so a code is accepted once; a new seed (`null`) has no step used yet.
 *
 * Returns the code's time step. A refusal is audited as `eventType` failed, with the message
 * key as its reason, then thrown as RuleBroken on the field `code`: `otp.codeMalformed` for
 * anything but 6 digits, else `otp.codeOrPasswordWrong` (also while the user is locked).
 */
export async function confirmCodeAndPassword(
  ctx: ActorContext,
  user: User,
  check: { secret: string; lastUsedStep: number | null; eventType: string },
  input: CodeAndPassword,
): Promise<number> {
  const refuse = async (problem: PlainKey): Promise<never> => {
    await recordEvent(ctx, { type: check.eventType, success: false, details: { reason: problem } }, { user });
    throw new RuleBroken(message(problem), 'code');
  };
  const verification = verifyTotp(check.secret, input.code, ctx.clock.now(), check.lastUsedStep);
  if (!verification.ok && verification.reason === 'malformed') return refuse('otp.codeMalformed');
  const claim = await claimAttempt(ctx, user);
  if (!claim) return refuse('otp.codeOrPasswordWrong');
  const passwordRight = await verifyPassword(user.passwordHash, input.password);
  if (verification.ok && passwordRight && (check.lastUsedStep === null || (await claimStep(ctx.db, user, verification.step)))) {
    await releaseAttempt(ctx, user);
    return verification.step;
  }
  await auditLockout(ctx, user, claim);
  return refuse('otp.codeOrPasswordWrong');
}

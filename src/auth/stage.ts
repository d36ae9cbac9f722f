import type { Account, Environment } from '../db/schema/accounts.ts';
import type { Session } from '../db/schema/sessions.ts';
import type { User } from '../db/schema/users.ts';
import { DAY_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';

/** A self-chosen password must be changed after 90 days; a notice shows from 14 days before. */
export const PASSWORD_MAX_AGE_MS = 90 * DAY_MS;
export const PASSWORD_NOTICE_MS = 14 * DAY_MS;

/**
 * Where a signed-in session stands. Only 'full' reaches the back office; each other stage
 * reaches only its own page (and logout).
 */
export type Stage = 'otp' | 'password_change' | 'otp_setup' | 'full';

/** When the user's password stops working for a normal login; null for API users and issued passwords. */
export function passwordExpiresAt(user: Pick<User, 'isApiUser' | 'passwordIssued' | 'passwordChangedAt'>): Date | null {
  if (user.isApiUser || user.passwordIssued) return null;
  return new Date(user.passwordChangedAt.getTime() + PASSWORD_MAX_AGE_MS);
}

/** The expiry date when it falls within the notice period (the next 14 days, not past), else null. */
export function passwordExpiringSoon(
  user: Pick<User, 'isApiUser' | 'passwordIssued' | 'passwordChangedAt'>,
  now: Date,
): Date | null {
  const expires = passwordExpiresAt(user);
  if (!expires) return null;
  const left = expires.getTime() - now.getTime();
  return left > 0 && left <= PASSWORD_NOTICE_MS ? expires : null;
}

/** Where a session stands now: the first step it still has to do, else 'full'. */
export function sessionStage(session: Session, user: User, account: Account, now: Date): Stage {
  if (session.otpPending) return 'otp';
  const expires = passwordExpiresAt(user);
  if (session.passwordChangeRequired || (expires !== null && expires.getTime() <= now.getTime())) return 'password_change';
  if (account.twoFactorRequired && !user.totpEnabledAt) return 'otp_setup';
  return 'full';
}

/** The one page a session in this stage may see; a full session's is Home. */
export function stagePath(env: Environment, stage: Stage): string {
  switch (stage) {
    case 'otp':
      return paths.loginCode(env);
    case 'password_change':
      return paths.password.change(env);
    case 'otp_setup':
      return paths.otp.page(env);
    case 'full':
      return paths.home(env);
  }
}

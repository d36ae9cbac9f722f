import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { RequestContext } from '../context.ts';
import type { Account, Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { RuleBroken } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { rehashFromRawForm, verifyAgainstDummy, verifyPassword } from '../lib/password-hash.ts';
import { withinRateLimit } from '../lib/rate-limit.ts';
import { userRow } from '../users/queries.ts';
import { auditLockout, claimAttempt, clearDeviceAttempts, LOCKOUT_MS, releaseAttempt } from './attempts.ts';
import { trustedDevice } from './device-cookie.ts';
import { claimThrottle, releaseThrottle } from './throttle.ts';
import { typedIdentityHash, unknownUserActor } from './typed-identity.ts';

export type LoginAttempt = {
  environment: Environment;
  pspid: string;
  /** Absent for the PSPID form: the account's default administrator, whose USERID is the PSPID. */
  userid?: string;
  password: string;
  /** The browser's device cookie, as sent (src/auth/device-cookie.ts). */
  deviceCookie?: string;
};

/** Why a login failed: written to the audit log only, never shown (the user sees one message). */
export type LoginFailure =
  | 'unknown_account'
  | 'unknown_user'
  | 'wrong_password'
  | 'issued_password_used'
  | 'locked'
  | 'inactive'
  | 'api_user'
  | 'rate_limited_address'
  | 'rate_limited_global';

export type LoginSuccess = {
  user: User;
  account: Account;
  /** A system-issued or one-time password was used: the password must be changed before anything else. */
  passwordChangeRequired: boolean;
};

/** What a login needs from the request context: the database, the clock, the client's address and the server key. */
export type LoginContext = Pick<RequestContext, 'db' | 'clock' | 'ip' | 'secretKey'>;

/**
 * Checks a login (A2). Every attempt costs the same two hash checks (against dummy hashes where
 * there is nothing to check), is counted toward the lockout before it is checked
 * (src/auth/attempts.ts), and is audited with its reason. Without 2FA a success completes the
 * login (completeLogin); with 2FA the code step does.
 *
 * Decision record 0018: a browser with a valid device cookie for the user counts its failures
 * for itself and is not stopped by the user's lock; any other client is counted against the
 * user, and first against the per-address and global limits. What was typed as PSPID or USERID
 * is recorded only when it names an account or user; otherwise "unknown user" and a keyed hash.
 *
 * @throws TooManyAttempts (a RuleBroken without field) past the per-address or global limit.
 * @throws RuleBroken `login.failed` for every other kind of failure alike (the user never learns
 *   which part was wrong), on the first field of the form used: `userid` for the USERID form,
 *   `pspid` for the PSPID form.
 */
export async function attemptLogin(ctx: LoginContext, attempt: LoginAttempt): Promise<LoginSuccess> {
  const { db, clock } = ctx;
  const userid = attempt.userid ?? attempt.pspid;
  const form = attempt.userid === undefined ? 'pspid' : 'userid';
  // The reason goes to the audit log only: every refusal reads the same.
  const refused = () => new RuleBroken(message('login.failed'), form);

  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.environment, attempt.environment), eq(sql`lower(${accounts.pspid})`, attempt.pspid.toLowerCase())));
  const [user] = account
    ? await db
        .select()
        .from(users)
        .where(and(eq(users.accountId, account.id), eq(sql`lower(${users.userid})`, userid.toLowerCase())))
    : [];

  const now = clock.now();
  const identity = typedIdentityHash(ctx.secretKey, attempt);
  const device = user ? trustedDevice(ctx.secretKey, attempt.deviceCookie, user.id, now) : null;
  const audit = (success: boolean, details: { reason?: LoginFailure } & Record<string, unknown>) =>
    recordAudit(ctx, {
      accountId: account?.id ?? null,
      userId: user?.id ?? null,
      // What was typed is written down only when it names a user (or, for the PSPID, an account).
      actor: user ? user.userid : unknownUserActor(identity),
      eventType: 'login',
      success,
      ip: ctx.ip,
      object: user ? `user:${user.id}` : null,
      details: { form, ...(account ? { pspid: account.pspid } : {}), ...(device ? { device: 'trusted' } : {}), ...details },
    });
  // Clients the user's device cookie does not vouch for pass the address and global limits first.
  const throttle = device ? null : await claimThrottle(ctx, (scope) => audit(false, { reason: `rate_limited_${scope}` }));

  if (!account || !user) {
    // The same work as a known user: two hash checks and one counter write.
    await verifyAgainstDummy(attempt.password);
    await verifyAgainstDummy(attempt.password);
    await withinRateLimit(db, clock, `login:unknown:${identity}`, 0, LOCKOUT_MS);
    await audit(false, { reason: account ? 'unknown_user' : 'unknown_account' });
    throw refused();
  }

  // The attempt is counted first: parallel guesses cannot outrun the lockout.
  const claim = await claimAttempt(ctx, user, { device });
  const matched = await matchPassword(user, attempt.password, now);
  const refusal: LoginFailure | null = !claim
    ? 'locked'
    : !matched
      ? 'wrong_password'
      : !user.active
        ? 'inactive'
        : user.isApiUser
          ? 'api_user'
          : !(await spendOneTimePassword(ctx, user, matched))
            ? 'issued_password_used'
            : null;

  if (refusal || !claim) {
    if (claim) await auditLockout(ctx, user, claim);
    await audit(false, { reason: refusal ?? 'locked' });
    throw refused();
  }

  await releaseAttempt(ctx, user, { claim });
  if (throttle) await releaseThrottle(ctx, throttle);
  // A hash stored before passwords were normalised (NFKC) is replaced by the first login it matches.
  const passwordHash = matched === 'current' ? await rehashFromRawForm(user.passwordHash, attempt.password) : null;
  const [updated] = await db
    .update(users)
    // A one-time password is spent by any login, and so is one still pending.
    .set({ otpFailures: 0, resetPasswordHash: null, resetPasswordExpiresAt: null, ...(passwordHash ? { passwordHash } : {}) })
    .where(userRow(user))
    .returning();
  await audit(true, matched === 'reset' ? { password: 'one-time' } : {});
  // With 2FA the login is complete only after the code step: until then failures keep counting.
  const completed = user.totpEnabledAt === null ? await completeLogin(ctx, updated ?? user, { device }) : (updated ?? user);
  return { user: completed, account, passwordChangeRequired: matched === 'reset' || user.passwordIssued };
}

/**
 * The one login of a system-issued password, or of a "Password forgotten?" one, claimed
 * atomically: false when a parallel login spent it first. Other passwords always pass.
 */
async function spendOneTimePassword(
  { db, clock }: Pick<RequestContext, 'db' | 'clock'>,
  user: User,
  matched: 'current' | 'reset',
): Promise<boolean> {
  if (matched === 'reset') {
    const spent = await db
      .update(users)
      .set({ resetPasswordHash: null, resetPasswordExpiresAt: null })
      .where(and(userRow(user), eq(users.resetPasswordHash, user.resetPasswordHash!)))
      .returning({ id: users.id });
    return spent.length === 1;
  }
  if (!user.passwordIssued) return true;
  const spent = await db
    .update(users)
    .set({ passwordIssuedUsedAt: clock.now() })
    .where(and(userRow(user), isNull(users.passwordIssuedUsedAt)))
    .returning({ id: users.id });
  return spent.length === 1;
}

/**
 * A login that passed every step: the failure counter starts again (Home shows how many
 * failures preceded it), and the previous login time is kept for Home. From a `device` (0018),
 * that device's counter starts again and the user's own, which counts strangers' attempts, and
 * its lock stay as they are: the owner's login does not give a guesser ten more tries.
 */
export async function completeLogin(
  ctx: Pick<RequestContext, 'db' | 'clock'>,
  user: User,
  options: { device?: string | null } = {},
): Promise<User> {
  const { db, clock } = ctx;
  if (options.device) await clearDeviceAttempts(ctx, user, options.device);
  const [updated] = await db
    .update(users)
    .set({
      failedSinceLastLogin: sql`${users.failuresSinceLogin}`,
      failuresSinceLogin: 0,
      ...(options.device ? {} : { failedLoginCount: 0, lockedUntil: null }),
      previousLoginAt: sql`${users.lastLoginAt}`,
      lastLoginAt: clock.now(),
    })
    .where(userRow(user))
    .returning();
  return updated ?? user;
}

/**
 * Which of the user's passwords this is: the current one, or a one-time password still valid.
 * Both checks always run (the second against a dummy hash when there is no one-time password),
 * so the time taken says nothing about a pending "Password forgotten?" request.
 */
async function matchPassword(user: User, password: string, now: Date): Promise<'current' | 'reset' | null> {
  const current = await verifyPassword(user.passwordHash, password);
  const resetValid = user.resetPasswordHash !== null && user.resetPasswordExpiresAt !== null && user.resetPasswordExpiresAt > now;
  const reset = resetValid ? await verifyPassword(user.resetPasswordHash!, password) : await verifyAgainstDummy(password);
  return current ? 'current' : reset ? 'reset' : null;
}

import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { recordAudit, recordEvent, recordUserEvent } from '../audit/service.ts';
import { auditLockout, claimAttempt, MAX_FAILED_LOGINS, MAX_OTP_FAILURES, releaseAttempt } from '../auth/attempts.ts';
import { completeLogin } from '../auth/login-service.ts';
import { can } from '../auth/permissions.ts';
import type { Authenticated } from '../auth/sessions.ts';
import { deleteSession, deleteUserSessions } from '../auth/sessions.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { Db } from '../db/client.ts';
import { accounts } from '../db/schema/accounts.ts';
import { recoveryCodes } from '../db/schema/passwords.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { Forbidden, NotFound } from '../errors.ts';
import type { MessageKey, PlainKey } from '../i18n/catalogue.ts';
import type { Clock } from '../lib/clock.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { verifyPassword } from '../lib/password-hash.ts';
import { openSecret, sealSecret } from '../lib/secret-box.ts';
import { findUser, reloadUser, userRow } from '../users/queries.ts';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes.ts';
import { generateTotpSecret, totpUri, verifyTotp } from './totp.ts';

/** A QR code shown on the setup page can be used for 15 minutes. */
export const PENDING_SECRET_TTL_MS = 15 * MINUTE_MS;

type Errors = Partial<Record<'code' | 'password', MessageKey>>;
type Ip = string | null;

const sealContext = (user: Pick<User, 'id'>) => `totp:${user.id}`;

/** Each visit of the setup page makes a new secret: only the newest QR code's codes will work. */
export async function preparePendingSecret(db: Db, clock: Clock, key: Buffer, actor: Authenticated) {
  const secret = generateTotpSecret();
  await db
    .update(users)
    .set({ totpPendingSecret: sealSecret(key, secret, sealContext(actor.user)), totpPendingCreatedAt: clock.now() })
    .where(userRow(actor.user));
  const uri = totpUri(secret, { issuer: 'Guichet', label: `${actor.account.pspid}:${actor.user.userid}` });
  return { secret, uri };
}

/** The pending secret still valid (to show the same QR code again after a mistake), or null. */
export async function currentPendingSecret(db: Db, clock: Clock, key: Buffer, actor: Authenticated) {
  const user = await reloadUser(db, actor.user);
  const created = user.totpPendingCreatedAt;
  if (!user.totpPendingSecret || !created || clock.now().getTime() - created.getTime() > PENDING_SECRET_TTL_MS) return null;
  const secret = openSecret(key, user.totpPendingSecret, sealContext(user));
  return { secret, uri: totpUri(secret, { issuer: 'Guichet', label: `${actor.account.pspid}:${actor.user.userid}` }) };
}

/** How many recovery codes the user has not used yet. */
export async function unusedRecoveryCodeCount(db: Db, user: Pick<User, 'accountId' | 'id'>): Promise<number> {
  const rows = await db
    .select({ codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, user.accountId), eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

/** B5: the account setting that makes 2FA mandatory for every user. */
export async function setTwoFactorRequired(db: Db, clock: Clock, actor: Authenticated, required: boolean, ip: Ip): Promise<void> {
  if (!can(actor.user.profile, 'account:security')) throw new Forbidden('account:security');
  const before = actor.account.twoFactorRequired;
  if (before === required) return;
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ twoFactorRequired: required }).where(eq(accounts.id, actor.account.id));
    await recordAudit(
      { db: tx, clock: clock },
      {
        accountId: actor.account.id,
        userId: actor.user.id,
        actor: actor.user.userid,
        eventType: 'account.two_factor_required',
        success: true,
        ip,
        object: `account:${actor.account.id}`,
        details: { before, after: required },
      },
    );
  });
}

/**
 * Turns 2FA on with the newest pending secret, after a current code from it and the account
 * password. Returns the recovery codes, shown once.
 */
export async function activateTotp(
  db: Db,
  clock: Clock,
  key: Buffer,
  actor: Authenticated,
  input: { code: string; password: string },
  ip: Ip,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; errors: Errors }> {
  const user = await reloadUser(db, actor.user);
  if (user.totpEnabledAt) return { ok: false, errors: { code: 'otp.alreadyActive' } };
  const now = clock.now();
  const pendingValid =
    user.totpPendingSecret &&
    user.totpPendingCreatedAt &&
    now.getTime() - user.totpPendingCreatedAt.getTime() <= PENDING_SECRET_TTL_MS;
  if (!pendingValid) return { ok: false, errors: { code: 'otp.pendingExpired' } };
  const secret = openSecret(key, user.totpPendingSecret!, sealContext(user));
  const check = await checkPasswordAndCode(db, clock, user, secret, null, input, ip);
  if ('errors' in check) {
    await recordUserEvent(db, clock, actor, user, 'otp.enable', false, ip, { reason: check.errors.code });
    return { ok: false, errors: check.errors };
  }
  const codes = generateRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: sealSecret(key, secret, sealContext(user)),
        totpEnabledAt: now,
        totpLastStep: check.step,
        totpPendingSecret: null,
        totpPendingCreatedAt: null,
        otpFailures: 0,
      })
      .where(userRow(user));
    await replaceRecoveryCodes(tx, now, user, codes);
    await recordUserEvent(tx, clock, actor, user, 'otp.enable', true, ip);
  });
  return { ok: true, recoveryCodes: codes };
}

/** Turns the user's own 2FA off, with a current code and the password. */
export async function deactivateTotp(
  db: Db,
  clock: Clock,
  key: Buffer,
  actor: Authenticated,
  input: { code: string; password: string },
  ip: Ip,
): Promise<{ ok: true } | { ok: false; errors: Errors }> {
  const user = await reloadUser(db, actor.user);
  if (!user.totpEnabledAt) return { ok: true };
  if (actor.account.twoFactorRequired) return { ok: false, errors: { code: 'otp.requiredByAccount' } };
  const refused = await stepUp(db, clock, key, actor, user, input, ip, 'otp.disable');
  if (refused) return refused;
  await db.transaction(async (tx) => {
    await clearTotp(tx, user);
    await recordUserEvent(tx, clock, actor, user, 'otp.disable', true, ip);
  });
  return { ok: true };
}

/** New recovery codes (the old ones stop working), with a current code and the password. */
export async function regenerateRecoveryCodes(
  db: Db,
  clock: Clock,
  key: Buffer,
  actor: Authenticated,
  input: { code: string; password: string },
  ip: Ip,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; errors: Errors }> {
  const user = await reloadUser(db, actor.user);
  if (!user.totpEnabledAt) return { ok: false, errors: { code: 'otp.notActive' } };
  const refused = await stepUp(db, clock, key, actor, user, input, ip, 'otp.recovery_codes_regenerate');
  if (refused) return refused;
  const codes = generateRecoveryCodes();
  await db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, clock.now(), user, codes);
    await recordUserEvent(tx, clock, actor, user, 'otp.recovery_codes_regenerate', true, ip);
  });
  return { ok: true, recoveryCodes: codes };
}

/** A change to active 2FA asks for a current code and the password; a refusal is audited under `eventType`. */
async function stepUp(
  db: Db,
  clock: Clock,
  key: Buffer,
  actor: Authenticated,
  user: User,
  input: { code: string; password: string },
  ip: Ip,
  eventType: string,
): Promise<{ ok: false; errors: Errors } | null> {
  const secret = openSecret(key, user.totpSecret!, sealContext(user));
  const check = await checkPasswordAndCode(db, clock, user, secret, user.totpLastStep, input, ip);
  if (!('errors' in check)) return null;
  await recordUserEvent(db, clock, actor, user, eventType, false, ip, { reason: check.errors.code });
  return { ok: false, errors: check.errors };
}

export type LoginCodeResult = { ok: true } | { ok: false; error: PlainKey; sessionEnded: boolean };

/**
 * The login's code step: a TOTP code (each accepted once) or an unused recovery code. A wrong
 * code counts toward the user's lockout; after 5 in a row, or once the user is locked, the
 * half-open session ends and the login starts again.
 */
export async function verifyLoginCode(
  db: Db,
  clock: Clock,
  key: Buffer,
  actor: Authenticated,
  code: string,
  sessionToken: string,
  ip: Ip,
): Promise<LoginCodeResult> {
  const user = await reloadUser(db, actor.user);
  const now = clock.now();
  const endSession = async () => {
    await deleteSession(db, sessionToken);
    await db.update(users).set({ otpFailures: 0 }).where(userRow(user));
  };
  // Counted before it is checked, so parallel guesses cannot outrun either limit.
  const claim = await claimAttempt({ db, clock }, user, { otp: true });
  if (!claim || claim.otpFailures > MAX_OTP_FAILURES) {
    await endSession();
    await recordUserEvent(db, clock, actor, user, 'login.otp', false, ip, { reason: claim ? 'too_many_codes' : 'locked' });
    return { ok: false, error: 'otp.tooManyFailures', sessionEnded: true };
  }
  const recovery = normalizeRecoveryCode(code);
  let accepted: 'totp' | 'recovery' | null = null;
  let malformed = false;
  if (recovery) {
    const [used] = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.accountId, user.accountId),
          eq(recoveryCodes.userId, user.id),
          eq(recoveryCodes.codeHash, hashRecoveryCode(recovery)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ codeHash: recoveryCodes.codeHash });
    if (used) accepted = 'recovery';
  } else if (user.totpSecret) {
    const verification = verifyTotp(openSecret(key, user.totpSecret, sealContext(user)), code, now, user.totpLastStep);
    malformed = !verification.ok && verification.reason === 'malformed';
    if (verification.ok && (await claimStep(db, user, verification.step))) accepted = 'totp';
  }
  if (accepted) {
    await releaseAttempt({ db }, user, { otp: true });
    await completeLogin({ db, clock }, user);
    await recordUserEvent(db, clock, actor, user, 'login.otp', true, ip, { method: accepted });
    if (accepted === 'recovery') await recordUserEvent(db, clock, actor, user, 'otp.recovery_code_used', true, ip);
    return { ok: true };
  }
  await auditLockout({ db, clock, ip }, user, claim);
  await recordUserEvent(db, clock, actor, user, 'login.otp', false, ip, { reason: malformed ? 'malformed' : 'wrong_code' });
  if (claim.otpFailures >= MAX_OTP_FAILURES || claim.failedLoginCount >= MAX_FAILED_LOGINS) {
    await endSession();
    return { ok: false, error: 'otp.tooManyFailures', sessionEnded: true };
  }
  return { ok: false, error: malformed ? 'otp.codeMalformed' : 'otp.codeWrong', sessionEnded: false };
}

/**
 * B5: an administrator with the user-management right switches off another user's 2FA; that
 * user's sessions end.
 */
export async function switchOffOtpForUser(ctx: ActorContext, targetUserId: string): Promise<void> {
  const { actor } = ctx;
  if (!can(actor.user.profile, 'users:manage')) throw new Forbidden('users:manage');
  const target = await findUser(ctx.db, actor.account.id, targetUserId);
  if (!target) throw new NotFound('user');
  if (target.id === actor.user.id) throw new Forbidden('own 2FA is changed on the one-time password page');
  await inTransaction(ctx, async (tx) => {
    await clearTotp(tx.db, target);
    await deleteUserSessions(tx.db, target.accountId, target.id);
    await recordEvent(
      tx,
      { type: 'otp.disabled_by_admin', details: { wasActive: target.totpEnabledAt !== null } },
      { user: target },
    );
  });
}

/**
 * The step-up check of the 2FA forms: a current code of `secret` and the account password. It
 * counts toward the lockout like a login, and a failure does not say which of the two was wrong.
 */
async function checkPasswordAndCode(
  db: Db,
  clock: Clock,
  user: User,
  secret: string,
  lastUsedStep: number | null,
  input: { code: string; password: string },
  ip: Ip,
): Promise<{ errors: Errors } | { step: number }> {
  const verification = verifyTotp(secret, input.code, clock.now(), lastUsedStep);
  if (!verification.ok && verification.reason === 'malformed') return { errors: { code: 'otp.codeMalformed' } };
  const claim = await claimAttempt({ db, clock }, user);
  if (!claim) return { errors: { code: 'otp.codeOrPasswordWrong' } };
  const passwordRight = await verifyPassword(user.passwordHash, input.password);
  if (verification.ok && passwordRight && (lastUsedStep === null || (await claimStep(db, user, verification.step)))) {
    await releaseAttempt({ db }, user);
    return { step: verification.step };
  }
  await auditLockout({ db, clock, ip }, user, claim);
  return { errors: { code: 'otp.codeOrPasswordWrong' } };
}

/** Records a code's time step as used, atomically: false when this step (or a later one) was used already. */
async function claimStep(db: Db, user: User, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(userRow(user), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

async function clearTotp(db: Db, user: User): Promise<void> {
  await db
    .update(users)
    .set({
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      totpPendingSecret: null,
      totpPendingCreatedAt: null,
      otpFailures: 0,
    })
    .where(userRow(user));
  await db.delete(recoveryCodes).where(and(eq(recoveryCodes.accountId, user.accountId), eq(recoveryCodes.userId, user.id)));
}

async function replaceRecoveryCodes(db: Db, now: Date, user: User, codes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(and(eq(recoveryCodes.accountId, user.accountId), eq(recoveryCodes.userId, user.id)));
  await db.insert(recoveryCodes).values(
    codes.map((code) => ({
      accountId: user.accountId,
      userId: user.id,
      codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!),
      createdAt: now,
    })),
  );
}

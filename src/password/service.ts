import { and, desc, eq, notInArray } from 'drizzle-orm';
import { recordUserEvent } from '../audit/service.ts';
import { auditLockout, claimAttempt, releaseAttempt } from '../auth/attempts.ts';
import { can } from '../auth/permissions.ts';
import type { Authenticated } from '../auth/sessions.ts';
import { deleteOtherSessions, deleteUserSessions, rotateSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { passwordHistory } from '../db/schema/passwords.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { Forbidden, NotFound } from '../errors.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Clock } from '../lib/clock.ts';
import { hashPassword, verifyPassword } from '../lib/password-hash.ts';
import { reloadUser, userRow } from '../users/queries.ts';
import { passwordProblems } from './policy.ts';

/** A new password may not be the current one nor one of the 3 before it: the last 4. */
export const PASSWORD_HISTORY_SIZE = 4;

export type PasswordErrors = Partial<Record<'current' | 'next' | 'confirmation', MessageKey>>;
type NewPassword = { next: string; confirmation: string };
type Ip = string | null;

/**
 * B1/B2: a user changes their own password. `current` is required unless the session was opened
 * with a system-issued or one-time password. On success every other session of the user ends
 * and this one gets a new token (returned for the cookie).
 */
export async function changeOwnPassword(
  db: Db,
  clock: Clock,
  actor: Authenticated,
  input: NewPassword & { current?: string },
  ip: Ip,
): Promise<{ ok: true; token: string } | { ok: false; errors: PasswordErrors }> {
  const user = await reloadUser(db, actor.user);
  const errors: PasswordErrors = {};
  const forced = actor.session.passwordChangeRequired;
  if (!forced) {
    if (!input.current) errors.current = 'password.currentRequired';
    else {
      // Counted like a login, so this form is no way around the lockout.
      const claim = await claimAttempt({ db, clock }, user);
      if (claim && (await verifyPassword(user.passwordHash, input.current))) await releaseAttempt({ db }, user);
      else {
        errors.current = 'password.currentWrong';
        if (claim) await auditLockout({ db, clock, ip }, user, claim);
      }
    }
  }
  Object.assign(errors, await newPasswordErrors(db, user, actor.account.pspid, input));
  if (Object.keys(errors).length > 0) {
    await recordUserEvent(db, clock, actor, user, 'password.change', false, ip, { forced, problems: Object.values(errors) });
    return { ok: false, errors };
  }
  const result = await db.transaction(async (tx) => {
    await storeNewPassword(tx, clock, user, input.next);
    await deleteOtherSessions(tx, actor.session);
    const rotated = await rotateSession(tx, clock, actor.session, { passwordChangeRequired: false });
    await recordUserEvent(tx, clock, actor, user, 'password.change', true, ip, { forced });
    return rotated;
  });
  return { ok: true, token: result.token };
}

/** B1: an administrator sets the password of one of the account's API users (no expiry, no forced change). */
export async function setApiUserPassword(
  db: Db,
  clock: Clock,
  actor: Authenticated,
  apiUserId: string,
  input: NewPassword,
  ip: Ip,
): Promise<{ ok: true } | { ok: false; errors: PasswordErrors }> {
  if (!can(actor.user.profile, 'api_users:set_password')) throw new Forbidden('api_users:set_password');
  const [target] = await db
    .select()
    .from(users)
    .where(and(eq(users.accountId, actor.account.id), eq(users.id, apiUserId), eq(users.isApiUser, true)));
  if (!target) throw new NotFound('api user');
  const errors = await newPasswordErrors(db, target, actor.account.pspid, input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await db.transaction(async (tx) => {
    await storeNewPassword(tx, clock, target, input.next);
    await deleteUserSessions(tx, target.accountId, target.id);
    await recordUserEvent(tx, clock, actor, target, 'password.api_user_set', true, ip, { target: target.userid });
  });
  return { ok: true };
}

/** The account's API users, for the administrator's list. */
export async function listApiUsers(db: Db, accountId: string) {
  return db
    .select({ id: users.id, userid: users.userid })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.isApiUser, true)))
    .orderBy(users.userid);
}

async function newPasswordErrors(db: Db, user: User, pspid: string, input: NewPassword): Promise<PasswordErrors> {
  const errors: PasswordErrors = {};
  if (!input.next) errors.next = 'password.newRequired';
  else {
    const [problem] = passwordProblems(input.next, { userid: user.userid, pspid });
    if (problem) errors.next = `password.problem.${problem}`;
    else if (await isRecentPassword(db, user, input.next)) errors.next = 'password.problem.recent';
  }
  if (!input.confirmation) errors.confirmation = 'password.confirmRequired';
  else if (input.next && input.confirmation !== input.next) errors.confirmation = 'password.mismatch';
  return errors;
}

async function isRecentPassword(db: Db, user: User, candidate: string): Promise<boolean> {
  const earlier = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(and(eq(passwordHistory.accountId, user.accountId), eq(passwordHistory.userId, user.id)))
    .orderBy(desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY_SIZE - 1);
  for (const hash of [user.passwordHash, ...earlier.map((row) => row.hash)]) {
    if (await verifyPassword(hash, candidate)) return true;
  }
  return false;
}

/** Keeps the old hash in the history (only the last ones), sets the new self-chosen password. */
async function storeNewPassword(db: Db, clock: Clock, user: User, password: string): Promise<void> {
  const now = clock.now();
  await db
    .insert(passwordHistory)
    .values({ accountId: user.accountId, userId: user.id, passwordHash: user.passwordHash, createdAt: now });
  const keep = db
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(and(eq(passwordHistory.accountId, user.accountId), eq(passwordHistory.userId, user.id)))
    .orderBy(desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY_SIZE - 1);
  await db
    .delete(passwordHistory)
    .where(
      and(
        eq(passwordHistory.accountId, user.accountId),
        eq(passwordHistory.userId, user.id),
        notInArray(passwordHistory.id, keep),
      ),
    );
  await db
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
      passwordIssued: false,
      passwordIssuedUsedAt: null,
      resetPasswordHash: null,
      resetPasswordExpiresAt: null,
      updatedAt: now,
    })
    .where(userRow(user));
}

import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Account, Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { Session } from '../db/schema/sessions.ts';
import { sessions } from '../db/schema/sessions.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { SessionEnded } from '../errors.ts';
import type { Clock } from '../lib/clock.ts';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../lib/clock.ts';
import { randomToken, sha256Hex } from '../lib/tokens.ts';
import type { Stage } from './stage.ts';
import { sessionStage } from './stage.ts';

export const IDLE_TIMEOUT_MS = 15 * MINUTE_MS;
export const ABSOLUTE_TIMEOUT_MS = 12 * HOUR_MS;
/** With JavaScript, the page warns this long before the idle timeout (static/app.js reads it from the page). */
export const IDLE_WARNING_MS = 2 * MINUTE_MS;
/** Activity is written at most this often, so ordinary page views do not each cost a write. */
export const ACTIVITY_WRITE_INTERVAL_MS = 30 * SECOND_MS;

export type Authenticated = { session: Session; user: User; account: Account; stage: Stage };

/** Starts a session for a user who has just logged in; returns the cookie's token (never stored). */
export async function createSession(
  db: Db,
  clock: Clock,
  input: {
    accountId: string;
    userId: string;
    environment: Environment;
    otpPending?: boolean;
    passwordChangeRequired?: boolean;
  },
): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  const now = clock.now();
  const [session] = await db
    .insert(sessions)
    .values({
      tokenHash: sha256Hex(token),
      accountId: input.accountId,
      userId: input.userId,
      environment: input.environment,
      csrfToken: randomToken(),
      otpPending: input.otpPending ?? false,
      passwordChangeRequired: input.passwordChangeRequired ?? false,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
    })
    .returning();
  if (!session) throw new Error('session not created');
  return { token, session };
}

/**
 * The session, user and account behind a cookie token, if the session is still valid in this
 * environment: not idle for 15 minutes, not past its 12 hours, its user active and allowed in
 * the back office. An invalid session is deleted. The request counts as activity (the idle
 * timeout starts again) unless `extend` is false: asking how long is left must not extend it.
 */
export async function validateSession(
  db: Db,
  clock: Clock,
  token: string,
  environment: Environment,
  { extend = true }: { extend?: boolean } = {},
): Promise<Authenticated | null> {
  const tokenHash = sha256Hex(token);
  const [row] = await db
    .select({ session: sessions, user: users, account: accounts })
    .from(sessions)
    .innerJoin(users, and(eq(users.accountId, sessions.accountId), eq(users.id, sessions.userId)))
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const now = clock.now().getTime();
  const usable =
    row.session.environment === environment &&
    row.account.environment === environment &&
    now < row.session.expiresAt.getTime() &&
    now < row.session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS &&
    row.user.active &&
    !row.user.isApiUser;
  if (!usable) {
    // A session of the other environment is refused here but stays valid where it belongs.
    if (row.session.environment === environment) await deleteSession(db, token);
    return null;
  }
  if (extend && now - row.session.lastSeenAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
    await touchSession(db, clock, row.session);
  }
  return { ...row, stage: sessionStage(row.session, row.user, row.account, clock.now()) };
}

/**
 * Replaces a session by a new token with the same user (after the code step, after a password
 * change): the old token stops working at once. The absolute lifetime still counts from the login.
 */
export async function rotateSession(
  db: Db,
  clock: Clock,
  old: Session,
  changes: { otpPending?: boolean; passwordChangeRequired?: boolean },
): Promise<{ token: string; session: Session }> {
  // The old row goes first: if it is already gone (ended, or rotated by a parallel request), so is this session.
  const [gone] = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, old.tokenHash))
    .returning({ tokenHash: sessions.tokenHash });
  if (!gone) throw new SessionEnded();
  const token = randomToken();
  const now = clock.now();
  const [session] = await db
    .insert(sessions)
    .values({
      ...old,
      tokenHash: sha256Hex(token),
      csrfToken: randomToken(),
      lastSeenAt: now,
      otpPending: changes.otpPending ?? old.otpPending,
      passwordChangeRequired: changes.passwordChangeRequired ?? old.passwordChangeRequired,
    })
    .returning();
  if (!session) throw new Error('session not rotated');
  return { token, session };
}

/** Ends every other session of the user (after a password change). */
export async function deleteOtherSessions(db: Db, keep: Session): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, keep.accountId), eq(sessions.userId, keep.userId), ne(sessions.tokenHash, keep.tokenHash)));
}

/** Records activity now: the idle timeout starts again. */
export async function touchSession(db: Db, clock: Clock, session: Session): Promise<void> {
  const now = clock.now();
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, session.tokenHash));
  session.lastSeenAt = now;
}

/** Ends the session of a cookie token (logout, a new login in the same browser); nothing when there is none. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(token)));
}

/** Ends every session of a user (password change, deactivation, rights change). */
export async function deleteUserSessions(db: Db, accountId: string, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.accountId, accountId), eq(sessions.userId, userId)));
}

/** Removes sessions that can no longer be used. */
export async function purgeExpiredSessions(db: Db, clock: Clock): Promise<void> {
  const now = clock.now();
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS))));
}

import { and, eq } from 'drizzle-orm';
import { recordUserEvent } from '../audit/service.ts';
import { can, canGrant } from '../auth/permissions.ts';
import type { Authenticated } from '../auth/sessions.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { ActorContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { Forbidden, NotFound } from '../errors.ts';
import type { FieldErrors } from '../http/forms.ts';
import type { MessageKey, PlainKey } from '../i18n/catalogue.ts';
import { translator } from '../i18n/catalogue.ts';
import type { Clock } from '../lib/clock.ts';
import { hashPassword } from '../lib/password-hash.ts';
import { randomPassword } from '../lib/tokens.ts';
import type { Mailer } from '../mail/mailer.ts';
import { switchOffOtpForUser } from '../otp/service.ts';
import type { UserInput } from './forms.ts';
import { USER_FIELD_IDS } from './forms.ts';
import { countOtherActiveAdmins, countUsers, findUser, userRow } from './queries.ts';

type Ip = string | null;
/** Where new passwords tell users to log in. */
export type LoginLink = { loginUrl: string };

/** Refusals that are about the whole action, not one field. */
export class UserRuleError extends Error {
  readonly key: PlainKey;
  constructor(key: PlainKey) {
    super(key);
    this.key = key;
  }
}

/** The edit was based on an older version of the user: nothing was saved. */
export class StaleEdit extends Error {
  readonly current: User;
  constructor(current: User) {
    super('stale edit');
    this.current = current;
  }
}

/** How a password reached the user: by mail, or shown once to the administrator (no e-mail address). */
export type PasswordDelivery = { mailedTo: string } | { shown: string; mailFailed?: boolean } | { apiUser: true };

/**
 * What an edit may change. The API flag is set at creation only: turning a person into an API
 * user (whose password an administrator sets) and back would hand that administrator the person's
 * login.
 */
const EDITABLE = ['name', 'email', 'profile', 'scopeOwnOnly', 'timeZone', 'language'] as const;

function requireManager(actor: Authenticated) {
  if (!can(actor.user.profile, 'users:manage')) throw new Forbidden('users:manage');
}

async function target(db: Db, actor: Authenticated, userId: string): Promise<User> {
  const user = await findUser(db, actor.account.id, userId);
  if (!user) throw new NotFound('user');
  return user;
}

/**
 * D1: creates a user with a system-issued password, mailed to them (or shown once when they have
 * no e-mail address); API users get theirs on the password page.
 */
export async function createUser(
  db: Db,
  clock: Clock,
  mailer: Mailer,
  actor: Authenticated,
  userid: string,
  input: UserInput,
  link: LoginLink,
  ip: Ip,
): Promise<{ ok: true; user: User; delivery: PasswordDelivery } | { ok: false; errors: FieldErrors }> {
  requireManager(actor);
  if (!canGrant(actor.user.profile, input.profile)) return fieldError('profile', 'users.error.profileNotAllowed');
  const password = randomPassword();
  const now = clock.now();
  let created: User | undefined;
  try {
    created = await db.transaction(async (tx) => {
      // The account row is locked while counting, so two creations cannot both take the last place.
      const [account] = await tx
        .select({ userLimit: accounts.userLimit })
        .from(accounts)
        .where(eq(accounts.id, actor.account.id))
        .for('update');
      if ((await countUsers(tx, actor.account.id)) >= (account?.userLimit ?? 0)) throw new UserRuleError('users.error.limit');
      const [row] = await tx
        .insert(users)
        .values({
          accountId: actor.account.id,
          userid,
          ...input,
          email: input.email || null,
          passwordHash: await hashPassword(password),
          passwordIssued: !input.isApiUser,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('user not created');
      await recordUserEvent(tx, clock, actor, row, 'user.create', true, ip, { userid, ...input, email: input.email || null });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fieldError('userid', 'users.error.useridTaken');
    throw error;
  }
  const delivery = await deliverPassword(mailer, actor, created, password, 'newUser', link);
  return { ok: true, user: created, delivery };
}

/**
 * D1/D3: saves the editable details of a user, if `version` is still the saved one. Profile
 * changes respect the grant rule and keep an active Admin; they apply on the user's next request.
 */
export async function updateUser(
  db: Db,
  clock: Clock,
  actor: Authenticated,
  userId: string,
  version: number,
  input: UserInput,
  ip: Ip,
): Promise<{ ok: true; changed: boolean } | { ok: false; errors: FieldErrors }> {
  requireManager(actor);
  const user = await target(db, actor, userId);
  if (user.version !== version) throw new StaleEdit(user);
  const wanted = { ...input, isApiUser: user.isApiUser };
  const changes = Object.fromEntries(
    EDITABLE.filter((field) => normalise(user[field]) !== normalise(wanted[field])).map((field) => [
      field,
      { before: user[field], after: field === 'email' ? input.email || null : input[field] },
    ]),
  );
  if (Object.keys(changes).length === 0) return { ok: true, changed: false };
  if ((changes.profile || changes.scopeOwnOnly) && user.id === actor.user.id) return fieldError('profile', 'users.error.self');
  if (changes.profile && !(canGrant(actor.user.profile, user.profile) && canGrant(actor.user.profile, input.profile))) {
    return fieldError('profile', 'users.error.profileNotAllowed');
  }
  const losesAdmin = user.profile === 'admin' && user.active && !user.isApiUser && input.profile !== 'admin';
  const saved = await db.transaction(async (tx) => {
    if (losesAdmin && !(await anotherAdminRemains(tx, actor, user))) return 'last_admin' as const;
    const [row] = await tx
      .update(users)
      .set({ ...wanted, email: input.email || null, updatedAt: clock.now(), version: user.version + 1 })
      .where(and(userRow(user), eq(users.version, version)))
      .returning();
    if (!row) return null;
    await recordUserEvent(tx, clock, actor, user, 'user.update', true, ip, { changes });
    return row;
  });
  if (saved === 'last_admin') return fieldError('profile', 'users.error.lastAdmin');
  if (!saved) throw new StaleEdit(await target(db, actor, userId));
  return { ok: true, changed: true };
}

/** D2: a new system-issued password, mailed (or shown once); the user's sessions end. */
export async function sendNewPassword(
  db: Db,
  clock: Clock,
  mailer: Mailer,
  actor: Authenticated,
  userId: string,
  link: LoginLink,
  ip: Ip,
): Promise<PasswordDelivery> {
  requireManager(actor);
  const user = await target(db, actor, userId);
  if (user.isApiUser) throw new NotFound('api users get their password on the password page');
  if (user.id === actor.user.id) throw new UserRuleError('users.error.self');
  const password = randomPassword();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(password),
        passwordIssued: true,
        passwordIssuedUsedAt: null,
        passwordChangedAt: clock.now(),
        resetPasswordHash: null,
        resetPasswordExpiresAt: null,
        updatedAt: clock.now(),
      })
      .where(userRow(user));
    await deleteUserSessions(tx, user.accountId, user.id);
    await recordUserEvent(tx, clock, actor, user, 'user.password_sent', true, ip, { by: user.email ? 'mail' : 'shown' });
  });
  return deliverPassword(mailer, actor, user, password, 'newPassword', link);
}

/** D2: deactivation (sessions end at once; never the last active Admin, never oneself) and reactivation. */
export async function setUserActive(
  db: Db,
  clock: Clock,
  actor: Authenticated,
  userId: string,
  active: boolean,
  ip: Ip,
): Promise<void> {
  requireManager(actor);
  const user = await target(db, actor, userId);
  if (user.active === active) return;
  if (!active && user.id === actor.user.id) throw new UserRuleError('users.error.self');
  await db.transaction(async (tx) => {
    if (!active && user.profile === 'admin' && !user.isApiUser && !(await anotherAdminRemains(tx, actor, user))) {
      throw new UserRuleError('users.error.lastAdmin');
    }
    await tx
      .update(users)
      .set({ active, updatedAt: clock.now(), version: user.version + 1 })
      .where(userRow(user));
    if (!active) await deleteUserSessions(tx, user.accountId, user.id);
    await recordUserEvent(tx, clock, actor, user, active ? 'user.reactivate' : 'user.deactivate', true, ip, {});
  });
}

/** D2 "Activate (errors)": lifts a lockout after failed logins. */
export async function unlockUser(db: Db, clock: Clock, actor: Authenticated, userId: string, ip: Ip): Promise<void> {
  requireManager(actor);
  const user = await target(db, actor, userId);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null, otpFailures: 0 }).where(userRow(user));
    await recordUserEvent(tx, clock, actor, user, 'user.unlock', true, ip, { failedLogins: user.failedLoginCount });
  });
}

/** D2/B5: untick "OTP active" for another user. */
export async function switchOffUserOtp(db: Db, clock: Clock, actor: Authenticated, userId: string, ip: Ip): Promise<void> {
  requireManager(actor);
  const user = await target(db, actor, userId);
  if (user.id === actor.user.id) throw new UserRuleError('users.error.self');
  await switchOffOtpForUser({ db, clock, actor, ip } as ActorContext, user.id);
}

/**
 * Inside the writing transaction: locks the account row, so two administrators demoting or
 * deactivating each other at the same moment are counted one after the other.
 */
async function anotherAdminRemains(tx: Db, actor: Authenticated, user: User): Promise<boolean> {
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, actor.account.id)).for('update');
  return (await countOtherActiveAdmins(tx, actor.account.id, user.id)) > 0;
}

async function deliverPassword(
  mailer: Mailer,
  actor: Authenticated,
  user: User,
  password: string,
  kind: 'newUser' | 'newPassword',
  link: LoginLink,
): Promise<PasswordDelivery> {
  if (user.isApiUser) return { apiUser: true };
  if (!user.email) return { shown: password };
  const t = translator(user.language);
  const params = {
    name: user.name,
    userid: user.userid,
    pspid: actor.account.pspid,
    env: t(actor.account.environment === 'test' ? 'env.test' : 'env.prod'),
    password,
    url: link.loginUrl,
  };
  try {
    await mailer.send({
      to: user.email,
      subject: t(kind === 'newUser' ? 'mail.newUser.subject' : 'mail.newPassword.subject'),
      text: t(kind === 'newUser' ? 'mail.newUser.body' : 'mail.newPassword.body', params),
    });
  } catch {
    // The change is saved; rather than lose the password, the administrator hands it over.
    return { shown: password, mailFailed: true };
  }
  return { mailedTo: user.email };
}

function fieldError(field: keyof typeof USER_FIELD_IDS, key: MessageKey): { ok: false; errors: FieldErrors } {
  return { ok: false, errors: { [USER_FIELD_IDS[field]]: { key } } };
}

function normalise(value: unknown): unknown {
  return value === null || value === undefined ? '' : value;
}

function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if ((current as { code?: string }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

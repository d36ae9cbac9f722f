import { and, eq } from 'drizzle-orm';
import { recordEvent } from '../audit/service.ts';
import { can, canGrant } from '../auth/permissions.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { Language, Profile, User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { Forbidden, NotFound, RuleBroken, StaleEdit } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { hashPassword } from '../lib/password-hash.ts';
import { randomPassword } from '../lib/tokens.ts';
import { switchOffOtpForUser } from '../otp/admin-service.ts';
import type { PasswordDelivery } from './password-delivery.ts';
import { deliverPassword } from './password-delivery.ts';
import { countOtherActiveAdmins, countUsers, findUser, userRow } from './queries.ts';

/**
 * Configuration > Users (PRODUCT.md D1–D3): the services behind the users pages. Each takes the
 * actor's context first, checks the user-manager right itself (whatever the route did), writes
 * in one transaction with its audit entry, and refuses with domain errors (src/errors.ts):
 * Forbidden without the right, NotFound for a user of another account, RuleBroken for a rule
 * (with the form field's *name* when the problem belongs beside one), StaleEdit for an edit
 * based on an older version.
 */

export type { PasswordDelivery } from './password-delivery.ts';

/** The details an administrator sets on a user (D1). `email` is '' for none. */
export type UserDetailsInput = {
  name: string;
  email: string;
  profile: Profile;
  scopeOwnOnly: boolean;
  timeZone: string;
  language: Language;
};

/** A new user's details, with the API flag: set at creation only (see EDITABLE). */
export type NewUserInput = UserDetailsInput & { isApiUser: boolean };

/**
 * What an edit may change. The API flag is set at creation only: turning a person into an API
 * user (whose password an administrator sets) and back would hand that administrator the person's
 * login.
 */
const EDITABLE = ['name', 'email', 'profile', 'scopeOwnOnly', 'timeZone', 'language'] as const;

/**
 * D1: creates a user with a system-issued password, mailed to them (or shown once when they have
 * no e-mail address); API users get theirs on the password page. Refuses a profile the actor
 * may not grant (field `profile`), a USERID already used in the account whatever the case (field
 * `userid`), and any user beyond the subscription's limit (whole action).
 */
export async function createUser(
  ctx: ActorContext,
  { userid, input }: { userid: string; input: NewUserInput },
): Promise<{ user: User; delivery: PasswordDelivery }> {
  const { actor } = ctx;
  requireManager(ctx);
  if (!canGrant(actor.user.profile, input.profile)) throw new RuleBroken(message('users.error.profileNotAllowed'), 'profile');
  const password = randomPassword();
  const now = ctx.clock.now();
  let created: User;
  try {
    created = await inTransaction(ctx, async (tx) => {
      // The account row is locked while counting, so two creations cannot both take the last place.
      const [account] = await tx.db
        .select({ userLimit: accounts.userLimit })
        .from(accounts)
        .where(eq(accounts.id, actor.account.id))
        .for('update');
      if ((await countUsers(tx.db, actor.account.id)) >= (account?.userLimit ?? 0)) {
        throw new RuleBroken(message('users.error.limit'));
      }
      const [row] = await tx.db
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
      await recordEvent(tx, { type: 'user.create', details: { userid, ...input, email: input.email || null } }, { user: row });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleBroken(message('users.error.useridTaken'), 'userid');
    throw error;
  }
  const delivery = await deliverPassword(ctx, created, password, 'newUser');
  return { user: created, delivery };
}

/**
 * D1/D3: saves the editable details of a user, if `version` is still the saved one (else
 * StaleEdit with the user as saved now). Profile changes respect the grant rule, never apply to
 * oneself and keep an active Admin (each refused at field `profile`); they apply on the user's
 * next request. `changed` is false when the form held the saved details.
 */
export async function updateUser(
  ctx: ActorContext,
  { userId, version, input }: { userId: string; version: number; input: UserDetailsInput },
): Promise<{ changed: boolean }> {
  const { actor } = ctx;
  requireManager(ctx);
  const user = await targetUser(ctx, userId);
  if (user.version !== version) throw new StaleEdit(user);
  const changes = Object.fromEntries(
    EDITABLE.filter((field) => normalise(user[field]) !== normalise(input[field])).map((field) => [
      field,
      { before: user[field], after: field === 'email' ? input.email || null : input[field] },
    ]),
  );
  if (Object.keys(changes).length === 0) return { changed: false };
  if ((changes.profile || changes.scopeOwnOnly) && user.id === actor.user.id) {
    throw new RuleBroken(message('users.error.self'), 'profile');
  }
  if (changes.profile && !(canGrant(actor.user.profile, user.profile) && canGrant(actor.user.profile, input.profile))) {
    throw new RuleBroken(message('users.error.profileNotAllowed'), 'profile');
  }
  const losesAdmin = user.profile === 'admin' && user.active && !user.isApiUser && input.profile !== 'admin';
  const saved = await inTransaction(ctx, async (tx) => {
    if (losesAdmin && !(await anotherAdminRemains(tx, user))) throw new RuleBroken(message('users.error.lastAdmin'), 'profile');
    const [row] = await tx.db
      .update(users)
      .set({ ...input, email: input.email || null, updatedAt: tx.clock.now(), version: user.version + 1 })
      .where(and(userRow(user), eq(users.version, version)))
      .returning();
    if (!row) return false;
    await recordEvent(tx, { type: 'user.update', details: { changes } }, { user });
    return true;
  });
  // Another edit was saved between the read above and this one: show what is saved now.
  if (!saved) throw new StaleEdit(await targetUser(ctx, userId));
  return { changed: true };
}

/** D2: a new system-issued password, mailed (or shown once); the user's sessions end. Never for oneself or an API user. */
export async function sendNewPassword(ctx: ActorContext, userId: string): Promise<PasswordDelivery> {
  requireManager(ctx);
  const user = await targetUser(ctx, userId);
  if (user.isApiUser) throw new NotFound('api users get their password on the password page');
  if (user.id === ctx.actor.user.id) throw new RuleBroken(message('users.error.self'));
  const password = randomPassword();
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await tx.db
      .update(users)
      .set({
        passwordHash: await hashPassword(password),
        passwordIssued: true,
        passwordIssuedUsedAt: null,
        passwordChangedAt: now,
        resetPasswordHash: null,
        resetPasswordExpiresAt: null,
        updatedAt: now,
      })
      .where(userRow(user));
    await deleteUserSessions(tx.db, user.accountId, user.id);
    await recordEvent(tx, { type: 'user.password_sent', details: { by: user.email ? 'mail' : 'shown' } }, { user });
  });
  return deliverPassword(ctx, user, password, 'newPassword');
}

/**
 * D2: deactivation (sessions end at once; never oneself, never the last active Admin: both
 * whole-action refusals) and reactivation. Setting the state a user already has does nothing.
 */
export async function setUserActive(ctx: ActorContext, userId: string, active: boolean): Promise<void> {
  requireManager(ctx);
  const user = await targetUser(ctx, userId);
  if (user.active === active) return;
  if (!active && user.id === ctx.actor.user.id) throw new RuleBroken(message('users.error.self'));
  await inTransaction(ctx, async (tx) => {
    if (!active && user.profile === 'admin' && !user.isApiUser && !(await anotherAdminRemains(tx, user))) {
      throw new RuleBroken(message('users.error.lastAdmin'));
    }
    await tx.db
      .update(users)
      .set({
        active,
        deactivatedReason: active ? null : 'administrator',
        deactivatedAt: active ? null : tx.clock.now(),
        updatedAt: tx.clock.now(),
        version: user.version + 1,
      })
      .where(userRow(user));
    if (!active) await deleteUserSessions(tx.db, user.accountId, user.id);
    await recordEvent(tx, { type: active ? 'user.reactivate' : 'user.deactivate' }, { user });
  });
}

/** D2 "Unlock" (the guide’s "Activate (errors)"): lifts a lockout after failed logins (password and OTP counters both). */
export async function unlockUser(ctx: ActorContext, userId: string): Promise<void> {
  requireManager(ctx);
  const user = await targetUser(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ failedLoginCount: 0, lockedUntil: null, otpFailures: 0 }).where(userRow(user));
    await recordEvent(tx, { type: 'user.unlock', details: { failedLogins: user.failedLoginCount } }, { user });
  });
}

/** D2/B5: untick "OTP active" for another user (never oneself: one's own 2FA is changed with a code). */
export async function switchOffUserOtp(ctx: ActorContext, userId: string): Promise<void> {
  requireManager(ctx);
  const user = await targetUser(ctx, userId);
  if (user.id === ctx.actor.user.id) throw new RuleBroken(message('users.error.self'));
  await switchOffOtpForUser(ctx, user.id);
}

function requireManager(ctx: ActorContext): void {
  if (!can(ctx.actor.user.profile, 'users:manage')) throw new Forbidden('users:manage');
}

/** The user acted on: one of the actor's account, else NotFound (another account's user is not found either). */
async function targetUser(ctx: ActorContext, userId: string): Promise<User> {
  const user = await findUser(ctx.db, ctx.actor.account.id, userId);
  if (!user) throw new NotFound('user');
  return user;
}

/**
 * Inside the writing transaction: locks the account row, so two administrators demoting or
 * deactivating each other at the same moment are counted one after the other.
 */
async function anotherAdminRemains(tx: ActorContext, user: User): Promise<boolean> {
  const accountId = tx.actor.account.id;
  await tx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
  return (await countOtherActiveAdmins(tx.db, accountId, user.id)) > 0;
}

/** null, undefined and '' are the same "nothing" when comparing before and after. */
function normalise(value: unknown): unknown {
  return value === null || value === undefined ? '' : value;
}

/** A unique index refused the row (Postgres 23505), however deep the driver wrapped the error. */
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

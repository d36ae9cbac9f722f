import { and, desc, eq, gt, inArray, not, or } from 'drizzle-orm';
import { recordEvent } from '../audit/service.ts';
import { auditLockout, claimAttempt, releaseAttempt } from '../auth/attempts.ts';
import { can } from '../auth/permissions.ts';
import { deleteOtherSessions, deleteUserSessions, rotateSession } from '../auth/sessions.ts';
import type { ActorContext, RequestContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { Db } from '../db/client.ts';
import { passwordHistory } from '../db/schema/passwords.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { Forbidden, NotFound, RuleBroken } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { message } from '../i18n/catalogue.ts';
import { hashPassword, normalizePassword, verifyPassword } from '../lib/password-hash.ts';
import { findUser, reloadUser, userRow } from '../users/queries.ts';
import type { PasswordField } from './forms.ts';
import { passwordRefusal } from './policy.ts';

/** A new password may not be the current one nor one of the 3 before it: the last 4 (PRODUCT.md B1). */
export const PASSWORD_HISTORY_SIZE = 4;
/**
 * Nor any password the user had in the last 12 months, however many changes since (PCI DSS
 * v4.0.1 8.3.7's objective: cycling through 4 changes in a minute brings no old one back).
 */
export const PASSWORD_HISTORY_MONTHS = 12;

/** What the user typed in a new-password form (exactly as typed; '' when left empty). */
export type NewPassword = { next: string; confirmation: string };

/**
 * A new password refused, with every problem found at once, each beside its field (by field
 * *name*: current, next, confirmation). A RuleBroken, so the error funnel gives it to the
 * form's re-render (422); its own problem and field are the first of them.
 */
export class PasswordRefused extends RuleBroken {
  readonly problems: FieldErrors<PasswordField>;
  constructor(problems: FieldErrors<PasswordField>) {
    const [field, problem] = Object.entries(problems)[0] ?? [];
    super(problem ?? message('password.newRequired'), field);
    this.problems = problems;
  }
}

/**
 * B1/B2: the signed-in user changes their own password. `current` is required unless the session
 * was opened with a system-issued or one-time password (the forced change after it); a wrong one
 * counts toward the lockout like a failed login. On success every other session of the user ends
 * and this one gets a new token, returned for the cookie. Audited as `password.change`, refusals
 * included (with the problems' message keys, never a password).
 * @throws PasswordRefused with every problem (current, next, confirmation); nothing changes then.
 */
export async function changeOwnPassword(ctx: ActorContext, input: NewPassword & { current: string }): Promise<{ token: string }> {
  const { actor } = ctx;
  const user = await reloadUser(ctx.db, actor.user);
  const forced = actor.session.passwordChangeRequired;
  const problems: FieldErrors<PasswordField> = {};
  if (!forced) {
    if (!input.current) problems.current = message('password.currentRequired');
    else if (!(await currentPasswordMatches(ctx, user, input.current))) problems.current = message('password.currentWrong');
  }
  Object.assign(problems, await newPasswordProblems(ctx, user, input));
  if (Object.keys(problems).length > 0) {
    const keys = Object.values(problems).map((problem) => problem.key);
    await recordEvent(ctx, { type: 'password.change', success: false, details: { forced, problems: keys } }, { user });
    throw new PasswordRefused(problems);
  }
  return inTransaction(ctx, async (tx) => {
    await storeNewPassword(tx, user, input.next);
    await deleteOtherSessions(tx.db, actor.session);
    const rotated = await rotateSession(tx.db, tx.clock, actor.session, { passwordChangeRequired: false });
    await recordEvent(tx, { type: 'password.change', details: { forced } }, { user });
    return { token: rotated.token };
  });
}

/**
 * B1: an administrator sets the password of one of the account's API users (no expiry, no forced
 * change); the API user's sessions, if any, end. Audited as `password.api_user_set`.
 * @throws Forbidden without `api_users:set_password`; NotFound when `apiUserId` is not an API
 *   user of the actor's account; PasswordRefused with the problems of next and confirmation.
 */
export async function setApiUserPassword(ctx: ActorContext, input: NewPassword & { apiUserId: string }): Promise<void> {
  const { actor } = ctx;
  if (!can(actor.user.profile, 'api_users:set_password')) throw new Forbidden('api_users:set_password');
  const target = await findUser(ctx.db, actor.account.id, input.apiUserId);
  if (!target?.isApiUser) throw new NotFound('api user');
  const problems = await newPasswordProblems(ctx, target, input);
  if (Object.keys(problems).length > 0) throw new PasswordRefused(problems);
  await inTransaction(ctx, async (tx) => {
    await storeNewPassword(tx, target, input.next);
    await deleteUserSessions(tx.db, target.accountId, target.id);
    await recordEvent(tx, { type: 'password.api_user_set' }, { user: target });
  });
}

/** Checks the current password, counted like a login so this form is no way around the lockout. */
async function currentPasswordMatches(ctx: ActorContext, user: User, typed: string): Promise<boolean> {
  const claim = await claimAttempt(ctx, user);
  if (claim && (await verifyPassword(user.passwordHash, typed))) {
    await releaseAttempt(ctx, user);
    return true;
  }
  if (claim) await auditLockout(ctx, user, claim);
  return false;
}

/** The problems of a new password and its confirmation: required, the policy (policy.ts), not recent, the same twice. */
async function newPasswordProblems(
  ctx: ActorContext,
  user: User,
  input: NewPassword,
): Promise<FieldErrors<'next' | 'confirmation'>> {
  const problems: FieldErrors<'next' | 'confirmation'> = {};
  if (!input.next) problems.next = message('password.newRequired');
  else {
    const { account } = ctx.actor;
    const refusal = await passwordRefusal(input.next, {
      userid: user.userid,
      pspid: account.pspid,
      name: user.name,
      email: user.email,
      companyName: account.companyName,
      tradeName: account.tradeName,
    });
    if (refusal) problems.next = refusal;
    else if (await isRecentPassword(ctx, user, input.next)) problems.next = message('password.problem.recent');
  }
  if (!input.confirmation) problems.confirmation = message('password.confirmRequired');
  // The same password typed in another Unicode form (NFKC) is the same password.
  else if (input.next && normalizePassword(input.confirmation) !== normalizePassword(input.next))
    problems.confirmation = message('password.mismatch');
  return problems;
}

/**
 * True when the candidate is the user's current password, one of the PASSWORD_HISTORY_SIZE - 1
 * before it, or one they had in the last PASSWORD_HISTORY_MONTHS (a history row's time is when
 * that password was replaced, so the last time it was in use). Each is an argon2 check (in
 * NFKC, verifyPassword), newest first, stopping at the first match.
 */
async function isRecentPassword(ctx: Pick<RequestContext, 'db' | 'clock'>, user: User, candidate: string): Promise<boolean> {
  const earlier = await ctx.db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(and(ofUser(user), inHistory(ctx.db, user, historyStart(ctx.clock.now()))))
    .orderBy(desc(passwordHistory.id));
  for (const hash of [user.passwordHash, ...earlier.map((row) => row.hash)]) {
    if (await verifyPassword(hash, candidate)) return true;
  }
  return false;
}

/**
 * Keeps the old hash in the history (and of the history only what isRecentPassword reads: the
 * last PASSWORD_HISTORY_SIZE - 1 and those of the last PASSWORD_HISTORY_MONTHS), sets the new
 * self-chosen password and clears any issued or one-time password. Run inside a transaction.
 */
async function storeNewPassword(ctx: Pick<RequestContext, 'db' | 'clock'>, user: User, password: string): Promise<void> {
  const { db } = ctx;
  const now = ctx.clock.now();
  await db
    .insert(passwordHistory)
    .values({ accountId: user.accountId, userId: user.id, passwordHash: user.passwordHash, createdAt: now });
  await db.delete(passwordHistory).where(and(ofUser(user), not(inHistory(db, user, historyStart(now)))));
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

function ofUser(user: User) {
  return and(eq(passwordHistory.accountId, user.accountId), eq(passwordHistory.userId, user.id));
}

/** The earliest replacement time still in the history: PASSWORD_HISTORY_MONTHS calendar months before `now`. */
function historyStart(now: Date): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - PASSWORD_HISTORY_MONTHS);
  return start;
}

/** The user's history rows that still count: the last PASSWORD_HISTORY_SIZE - 1, and those replaced after `since`. */
function inHistory(db: Db, user: User, since: Date) {
  const lastOnes = db
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(ofUser(user))
    .orderBy(desc(passwordHistory.id))
    .limit(PASSWORD_HISTORY_SIZE - 1);
  return or(inArray(passwordHistory.id, lastOnes), gt(passwordHistory.createdAt, since))!;
}

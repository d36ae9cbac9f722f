import type { UserDetails } from '../../views/users/user-page.tsx';
import type { UserRow } from '../../views/users/users-list-page.tsx';
import type { User } from '../db/schema/users.ts';
import type { StaleEdit } from '../errors.ts';
import { RuleBroken } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { fieldProblem } from '../forms/parse.ts';
import type { Message } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { isoUtc } from '../lib/time.ts';
import type { UserFormValues } from './forms.ts';
import { INACTIVITY_DAYS } from './inactivity.ts';
import { isLocked } from './queries.ts';

/**
 * What the users pages show of a stored user: plain props for the views, with moments written
 * in the viewer's zone and language (src/lib/format.ts). `now` decides whether a lockout is
 * still running.
 */

/** One row of the users list (D1). */
export function userListRow(user: User, viewer: User, now: Date): UserRow {
  return {
    id: user.id,
    userid: user.userid,
    name: user.name,
    profile: user.profile,
    isApiUser: user.isApiUser,
    otp: user.totpEnabledAt !== null,
    status: !user.active ? 'inactive' : isLocked(user, now) ? 'locked' : 'active',
    deactivation: deactivation(user),
    lastLogin: user.lastLoginAt
      ? { text: formatDateTime(user.lastLoginAt, viewer.timeZone, viewer.language), iso: isoUtc(user.lastLoginAt) }
      : undefined,
  };
}

/** The details on a user's page (D1/D2); `isSelf` hides the actions nobody may take on their own user. */
export function userDetails(user: User, viewer: User, now: Date): UserDetails {
  return {
    id: user.id,
    userid: user.userid,
    name: user.name,
    email: user.email,
    profile: user.profile,
    scopeOwnOnly: user.scopeOwnOnly,
    isApiUser: user.isApiUser,
    timeZone: user.timeZone,
    language: user.language,
    active: user.active,
    deactivation: deactivation(user),
    deactivatedAt:
      !user.active && user.deactivatedAt ? formatDateTime(user.deactivatedAt, viewer.timeZone, viewer.language) : undefined,
    lockedUntil:
      isLocked(user, now) && user.lockedUntil ? formatDateTime(user.lockedUntil, viewer.timeZone, viewer.language) : undefined,
    otp: user.totpEnabledAt !== null,
    lastLogin: user.lastLoginAt ? formatDateTime(user.lastLoginAt, viewer.timeZone, viewer.language) : undefined,
    version: user.version,
    isSelf: user.id === viewer.id,
  };
}

/**
 * Why an inactive user is inactive (PCI DSS 8.2.6): an administrator's action, or the daily job
 * after `INACTIVITY_DAYS` days without a login; nothing for an active user.
 */
function deactivation(user: User): Message | undefined {
  if (user.active || !user.deactivatedReason) return undefined;
  return user.deactivatedReason === 'inactivity'
    ? message('users.deactivated.inactivity', { days: INACTIVITY_DAYS })
    : message('users.deactivated.administrator');
}

/** The edit form filled with the saved details (a ticked box is "1", as the form sends it). */
export function userFormValues(user: User): UserFormValues {
  return {
    name: user.name,
    email: user.email ?? '',
    profile: user.profile,
    scopeOwnOnly: user.scopeOwnOnly ? '1' : '',
    timeZone: user.timeZone,
    language: user.language,
  };
}

/**
 * Where a form shows a service's refusal: beside its field when the rule names one, else above
 * the form as a problem with the whole action. A stale edit (for pages that do not show the saved
 * record) is such a whole-action problem.
 */
export function placeRefusal(error: RuleBroken | StaleEdit): { errors: FieldErrors; refusal?: Message } {
  if (error instanceof RuleBroken && error.field) return { errors: fieldProblem(error.field, error.problem) };
  return { errors: {}, refusal: refusalMessage(error) };
}

/** A refusal as one message, for pages without a form (the actions on a user). */
export function refusalMessage(error: RuleBroken | StaleEdit): Message {
  return error instanceof RuleBroken ? error.problem : message('error.conflict.body');
}

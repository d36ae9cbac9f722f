import * as v from 'valibot';
import type { Profile } from '../db/schema/users.ts';
import { PROFILES } from '../db/schema/users.ts';
import type { FieldSpec } from '../forms/fields.ts';
import { checkbox, choice, email, hasInvalidCharacters, integer, text, timeZone } from '../forms/fields.ts';
import { encodeMessage } from '../forms/message-codec.ts';
import { defineForm } from '../forms/parse.ts';
import { message } from '../i18n/catalogue.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/**
 * The forms of Configuration > Users (PRODUCT.md D1–D3): the user form, for creating and for
 * editing, and the list's filter. One definition per field, read by parseForm and by the views
 * (views/users/), so neither repeats an id or a length. The HTML ids are the ones the pages have
 * always had (tests and e2e specs find fields by them).
 */

/** A USERID: 3 to 20 letters, digits, dots, hyphens or underscores; unique in its account whatever the case. */
export const USERID_PATTERN = /^[A-Za-z0-9._-]{3,20}$/;

/** Profiles whose users may be limited to their own transactions (D3); the others see every payment. */
export const SCOPABLE_PROFILES: readonly Profile[] = ['super_encoder', 'encoder', 'viewer'];

/**
 * "Scope limited to own transactions": a checkbox, refused beside itself when ticked for a
 * profile that cannot be limited (while the profile itself is wrong, its own message is enough).
 */
const scopeOwnOnly: FieldSpec<boolean> = {
  ...checkbox({ id: 'user-scope' }),
  schema: (form) => {
    const profile = (form.profile ?? '').trim();
    const refused = (PROFILES as readonly string[]).includes(profile) && !SCOPABLE_PROFILES.includes(profile as Profile);
    return v.pipe(
      checkbox().schema(form),
      v.check((ticked: boolean) => !ticked || !refused, encodeMessage(message('users.error.scope'))),
    );
  },
};

/** The details of a user, in the order the form shows them; the same for creating and editing. */
const details = {
  name: text({ max: 100, required: 'users.error.nameRequired' }),
  email: email({ invalid: 'users.error.email' }),
  profile: choice(PROFILES, { invalid: 'users.error.profile' }),
  scopeOwnOnly,
} as const;
const placeAndLanguage = {
  timeZone: timeZone({ invalid: 'users.error.timeZone' }),
  language: choice(LANGUAGES, { invalid: 'users.error.language' }),
} as const;

/** D1: a new user. The USERID and the API flag are chosen here once, never changed afterwards. */
export const newUserForm = defineForm('user', {
  userid: text({ max: 20, required: 'users.error.userid', pattern: { regex: USERID_PATTERN, message: 'users.error.userid' } }),
  ...details,
  isApiUser: checkbox({ id: 'user-api' }),
  ...placeAndLanguage,
});

/**
 * D1/D3: the editable details of an existing user, with the version the form was read at (a
 * hidden field; a missing or malformed one is 0, which is never current, so the edit is stale).
 */
export const editUserForm = defineForm('user', {
  ...details,
  ...placeAndLanguage,
  version: integer({ min: 0, max: 2_147_483_647, fallback: 0 }),
});

type UserFieldName = keyof typeof newUserForm.fields | keyof typeof editUserForm.fields;
/** What the user form shows, by field name: what was typed, or the saved details; "1" for a ticked box. */
export type UserFormValues = Partial<Record<UserFieldName, string>>;

/** A checkbox's shown value is ticked: "1" as the form sends it ("on" as a browser would without a value). */
export function isTicked(value: string | undefined): boolean {
  return value === '1' || value === 'on';
}

/** The status filter of the users list; "all" is the default. */
export const USER_STATUSES = ['all', 'active', 'inactive', 'locked'] as const;
export type UserStatusFilter = (typeof USER_STATUSES)[number];

/** The status filter: nothing, or a status that is not one (an old link, a hand-made address), shows all users. */
const statusFilter: FieldSpec<UserStatusFilter> = {
  id: 'filter-status',
  required: false,
  schema: () =>
    v.pipe(
      v.string(),
      v.trim(),
      v.transform((s: string) => ((USER_STATUSES as readonly string[]).includes(s) ? (s as UserStatusFilter) : 'all')),
    ),
};

/**
 * The "next users" cursor: the last USERID of the page before, written by the list's own link.
 * Anything that cannot be one (too long, control characters) starts from the first user.
 */
const afterCursor: FieldSpec<string | undefined> = {
  required: false,
  schema: () =>
    v.pipe(
      v.string(),
      v.trim(),
      v.transform((s: string) => (s === '' || [...s].length > 20 || hasInvalidCharacters(s) ? undefined : s)),
    ),
};

/**
 * D1: the users list's filter, read from the query string. A text that is too long is refused
 * beside its field (and kept in it), not silently ignored.
 */
export const userFilterForm = defineForm('filter', {
  q: text({ max: 100, id: 'filter-text' }),
  status: statusFilter,
  after: afterCursor,
});

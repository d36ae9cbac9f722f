import type { Language, Profile } from '../db/schema/users.ts';
import { PROFILES } from '../db/schema/users.ts';
import type { FieldErrors } from '../http/forms.ts';
import { textField } from '../http/forms.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { isTimeZone } from '../lib/time.ts';

export const USERID_PATTERN = /^[A-Za-z0-9._-]{3,20}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type UserInput = {
  name: string;
  email: string;
  profile: Profile;
  scopeOwnOnly: boolean;
  isApiUser: boolean;
  timeZone: string;
  language: Language;
};

/** What the form sent, as typed, to show back after a mistake. */
export type UserFormValues = Partial<Record<keyof UserInput | 'userid', string | boolean>>;

export const USER_FIELD_IDS = {
  userid: 'user-userid',
  name: 'user-name',
  email: 'user-email',
  profile: 'user-profile',
  scopeOwnOnly: 'user-scope',
  timeZone: 'user-time-zone',
  language: 'user-language',
} as const;

/** Profiles whose users may be limited to their own transactions. */
export const SCOPABLE_PROFILES: readonly Profile[] = ['super_encoder', 'encoder', 'viewer'];

/** Reads the user form; `withUserid` for creation (a USERID is never changed afterwards). */
export function parseUserForm(form: Record<string, string>, withUserid: boolean) {
  const errors: FieldErrors = {};
  const useridField = textField(form, 'userid', { max: 20, required: 'users.error.userid' });
  const name = textField(form, 'name', { max: 100, required: 'users.error.nameRequired' });
  const email = textField(form, 'email', { max: 254 });
  const timeZone = textField(form, 'timeZone', { max: 64, required: 'users.error.timeZone' });
  const profile = form.profile ?? '';
  const language = form.language ?? '';
  const input = {
    name: name.value,
    email: email.value,
    profile: profile as Profile,
    scopeOwnOnly: form.scopeOwnOnly === '1',
    isApiUser: form.isApiUser === '1',
    timeZone: timeZone.value,
    language: language as Language,
  };
  if (withUserid) {
    if (useridField.error) errors[USER_FIELD_IDS.userid] = useridField.error;
    else if (!USERID_PATTERN.test(useridField.value)) errors[USER_FIELD_IDS.userid] = { key: 'users.error.userid' };
  }
  if (name.error) errors[USER_FIELD_IDS.name] = name.error;
  if (email.error) errors[USER_FIELD_IDS.email] = email.error;
  else if (email.value && !EMAIL_PATTERN.test(email.value)) errors[USER_FIELD_IDS.email] = { key: 'users.error.email' };
  if (!(PROFILES as readonly string[]).includes(profile)) errors[USER_FIELD_IDS.profile] = { key: 'users.error.profile' };
  else if (input.scopeOwnOnly && !SCOPABLE_PROFILES.includes(input.profile))
    errors[USER_FIELD_IDS.scopeOwnOnly] = { key: 'users.error.scope' };
  if (timeZone.error) errors[USER_FIELD_IDS.timeZone] = timeZone.error;
  else if (!isTimeZone(timeZone.value)) errors[USER_FIELD_IDS.timeZone] = { key: 'users.error.timeZone' };
  if (!(LANGUAGES as readonly string[]).includes(language)) errors[USER_FIELD_IDS.language] = { key: 'users.error.language' };
  const values: UserFormValues = {
    userid: useridField.error ? '' : useridField.value,
    name: name.error ? '' : name.value,
    email: email.error ? '' : email.value,
    profile,
    scopeOwnOnly: input.scopeOwnOnly,
    isApiUser: input.isApiUser,
    timeZone: timeZone.error ? '' : timeZone.value,
    language,
  };
  const version = Number(form.version);
  return { userid: useridField.value, input, values, errors, version: Number.isInteger(version) ? version : 0 };
}

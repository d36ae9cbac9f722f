import { PSPID_MAX, USERID_MAX } from '../auth/forms.ts';
import { secret, text } from '../forms/fields.ts';
import { defineForm } from '../forms/parse.ts';
import { PASSWORD_MAX_LENGTH } from './policy.ts';

/**
 * The forms of Configuration > Password and of "Password forgotten?" (PRODUCT.md B1–B3): one
 * definition per field, read by parseForm and by the views. The password fields only bound
 * their length here: whether one is missing, wrong or breaks a rule is the service's to say,
 * all at once (changeOwnPassword, setApiUserPassword), so the user sees every problem together.
 */

/** B1/B2: a user changes their own password (`current` is not asked after a system-issued one). */
export const changePasswordForm = defineForm('password', {
  current: secret({ max: PASSWORD_MAX_LENGTH }),
  next: secret({ max: PASSWORD_MAX_LENGTH, id: 'password-new' }),
  confirmation: secret({ max: PASSWORD_MAX_LENGTH, id: 'password-confirm' }),
});

/** B1: an administrator sets an API user's password; `apiUser` is the user's id, chosen from a list. */
export const apiUserPasswordForm = defineForm('api', {
  apiUser: text({ max: 36, required: 'password.apiUserRequired', id: 'api-user' }),
  next: secret({ max: PASSWORD_MAX_LENGTH, id: 'api-new' }),
  confirmation: secret({ max: PASSWORD_MAX_LENGTH, id: 'api-confirm' }),
});

/** B3: PSPID, and USERID for a named user (empty: the account's default administrator). */
export const forgottenPasswordForm = defineForm('forgotten', {
  pspid: text({ max: PSPID_MAX, required: 'login.pspidRequired' }),
  userid: text({ max: USERID_MAX }),
});

/** The fields of the two new-password forms, by name: what a password refusal points at. */
export type PasswordField = keyof typeof changePasswordForm.fields;

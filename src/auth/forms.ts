import { secret, text } from '../forms/fields.ts';
import { defineForm } from '../forms/parse.ts';
import { PASSWORD_MAX_LENGTH } from '../password/policy.ts';

/**
 * The two login forms of the guide (A1, A2), read by the login route and drawn by the login
 * page from these same definitions. The ids (`login-*`, `user-*`) are the ones the e2e specs and
 * the unit tests address.
 */

/** A PSPID has at most 30 characters; a USERID at most 20 (the guide's account and user forms). */
export const PSPID_MAX = 30;
export const USERID_MAX = 20;

const pspid = () => text({ max: PSPID_MAX, required: 'login.pspidRequired' });
const password = () => secret({ max: PASSWORD_MAX_LENGTH, required: 'login.passwordRequired' });

/** PSPID + password: the account's default administrator, whose USERID is the PSPID. */
export const pspidLoginForm = defineForm('login', { pspid: pspid(), password: password() });

/** USERID + PSPID + password: a named user of the account. */
export const userLoginForm = defineForm('user', {
  userid: text({ max: USERID_MAX, required: 'login.useridRequired' }),
  pspid: pspid(),
  password: password(),
});

/** Which of the two forms was posted: its hidden `form` field says 'user' or 'pspid'. */
export type LoginFormName = 'pspid' | 'user';

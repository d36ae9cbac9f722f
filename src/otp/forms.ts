import { secret } from '../forms/fields.ts';
import { defineForm } from '../forms/parse.ts';
import { PASSWORD_MAX_LENGTH } from '../password/policy.ts';

/**
 * The forms of two-factor authentication (B4). The page's three forms ask for the same two
 * fields, a current code from the app and the password; their ids differ by form (otp-code,
 * deactivate-code, recovery-code, ...), as the page and its tests know them.
 */

/** A code from the app: 6 digits, with the spaces apps show ("123 456"); room for a few more. */
const APP_CODE_MAX_LENGTH = 12;
/** The login's code: an app code or a recovery code ("xxxx-xxxx-xxxx-xxxx", typed with spaces or not). */
const LOGIN_CODE_MAX_LENGTH = 40;

const codeAndPassword = () => ({
  code: secret({ max: APP_CODE_MAX_LENGTH, required: 'otp.codeRequired' }),
  password: secret({ max: PASSWORD_MAX_LENGTH, required: 'otp.passwordRequired' }),
});

/** Turning 2FA on, with a code of the QR code just scanned. */
export const activateForm = defineForm('otp', codeAndPassword());
/** Turning 2FA off. */
export const deactivateForm = defineForm('deactivate', codeAndPassword());
/** New recovery codes. */
export const recoveryForm = defineForm('recovery', codeAndPassword());

/** The shape the three share, for the view that draws their fields. */
export type CodeAndPasswordForm = typeof activateForm;

/** The login's code step. */
export const loginCodeForm = defineForm('login', {
  code: secret({ max: LOGIN_CODE_MAX_LENGTH, required: 'otp.codeRequired' }),
});

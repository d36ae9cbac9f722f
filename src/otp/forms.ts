import { secret } from '../forms/fields.ts';
import { defineForm } from '../forms/parse.ts';
import { PASSWORD_MAX_LENGTH } from '../password/policy.ts';

/**
 * The forms of two-factor authentication (B4). The page's three forms ask for a code and the
 * password; their ids differ by form (otp-code, deactivate-code, recovery-code, ...), as the
 * page and its tests know them. Turning 2FA on takes a code of the new QR code only; every form
 * that proves the second factor of an active 2FA (the login's code step, switching it off, new
 * recovery codes) also takes a recovery code, since a lost phone is when they are needed.
 */

/** A code from the app: 6 digits, with the spaces apps show ("123 456"); room for a few more. */
const APP_CODE_MAX_LENGTH = 12;
/** An app code or a recovery code ("xxxx-xxxx-xxxx-xxxx", typed with spaces or not). */
const CODE_OR_RECOVERY_MAX_LENGTH = 40;

const password = () => secret({ max: PASSWORD_MAX_LENGTH, required: 'otp.passwordRequired' });
const codeOrRecovery = () => secret({ max: CODE_OR_RECOVERY_MAX_LENGTH, required: 'otp.codeOrRecoveryCode' });

/** Turning 2FA on, with a code of the QR code just scanned. */
export const activateForm = defineForm('otp', {
  code: secret({ max: APP_CODE_MAX_LENGTH, required: 'otp.codeRequired' }),
  password: password(),
});
/** Turning 2FA off: an app code or a recovery code, and the password. */
export const deactivateForm = defineForm('deactivate', { code: codeOrRecovery(), password: password() });
/** New recovery codes: an app code or a recovery code, and the password. */
export const recoveryForm = defineForm('recovery', { code: codeOrRecovery(), password: password() });

/** The shape the three share, for the view that draws their fields. */
export type CodeAndPasswordForm = typeof activateForm;

/** The login's code step: an app code or a recovery code. */
export const loginCodeForm = defineForm('login', { code: codeOrRecovery() });

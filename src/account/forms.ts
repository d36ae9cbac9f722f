import { checkbox } from '../forms/fields.ts';
import { defineForm } from '../forms/parse.ts';

/** B5: the account's security settings; "2FA required for every user" keeps its id `otp-required`. */
export const twoFactorRequiredForm = defineForm('account', {
  required: checkbox({ id: 'otp-required' }),
});

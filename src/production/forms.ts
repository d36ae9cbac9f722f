import { PSPID_MAX } from '../auth/forms.ts';
import { text } from '../forms/fields.ts';
import { defineForm } from '../forms/parse.ts';

/**
 * The form of "Create production account" (I1): the PSPID the PRODUCTION account gets. The
 * same form is the choice (a GET to the review page) and the confirmation (a POST, the PSPID in
 * a hidden field), so both read it with the same rules.
 */

/**
 * A PSPID (reference/ogone-platform.md: AN30): 2 to PSPID_MAX (30) letters, digits, dots,
 * hyphens or underscores, starting with a letter or a digit. It is also the USERID of the
 * account's default administrator. Unique per environment whatever the case
 * (accounts_environment_pspid_key).
 */
export const PSPID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,29}$/;

export const productionForm = defineForm('production', {
  pspid: text({
    max: PSPID_MAX,
    required: 'production.error.pspidRequired',
    pattern: { regex: PSPID_PATTERN, message: 'production.error.pspid' },
  }),
});

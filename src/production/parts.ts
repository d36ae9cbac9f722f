import { eq } from 'drizzle-orm';
import { accounts } from '../db/schema/accounts.ts';
import { registerCopyPart } from './copy-registry.ts';

/**
 * The parts of the account that exist today and go to PRODUCTION (I1): the administrative data
 * and the account settings (listed in src/production/registrations.ts). Everything else on the account row keeps its PRODUCTION default: the
 * subscription and its user limit, the options and currencies (multi-currency), the VAT number
 * and the billing mode (guide 3.2.9: set up again).
 */

/** C1/C2 without what the guide says is set up again (VAT number, billing mode). */
registerCopyPart({
  name: 'administrative_data',
  label: 'production.part.administrative',
  details: 'production.part.administrativeDetails',
  copy: async (tx, { source, target }) => {
    await tx.db
      .update(accounts)
      .set({
        companyName: source.companyName,
        tradeName: source.tradeName,
        phone: source.phone,
        email: source.email,
        billingAddress: source.billingAddress,
        billingContact: source.billingContact,
      })
      .where(eq(accounts.id, target.id));
    return undefined;
  },
});

/** C4, C6 and B5: settings that describe how the account works, not what it pays for. */
registerCopyPart({
  name: 'account_settings',
  label: 'production.part.settings',
  details: 'production.part.settingsDetails',
  copy: async (tx, { source, target }) => {
    await tx.db
      .update(accounts)
      .set({
        timeZone: source.timeZone,
        paymentPageLanguages: source.paymentPageLanguages,
        termsUrl: source.termsUrl,
        retentionDays: source.retentionDays,
        twoFactorRequired: source.twoFactorRequired,
      })
      .where(eq(accounts.id, target.id));
    return undefined;
  },
});

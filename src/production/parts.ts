import { eq } from 'drizzle-orm';
import type { Account } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { CopyPart } from './copy-registry.ts';
import { registerCopyPart } from './copy-registry.ts';

/**
 * The parts of the account that exist today and go to PRODUCTION (I1): the administrative data
 * and the account settings (listed in src/production/registrations.ts). Everything else on the account row keeps its PRODUCTION default: the
 * subscription and its user limit, the options and currencies (multi-currency), the VAT number
 * and the billing mode (guide 3.2.9: set up again).
 */

/** A column of the accounts row that a part can copy as it is. */
type AccountColumn = keyof Account & keyof typeof accounts.$inferInsert;

/**
 * Registers a part made of columns of the accounts row: its copy sets each listed column of the
 * PRODUCTION account to the TEST account's value, in one UPDATE, and hands nothing back.
 */
function registerAccountColumns(part: Omit<CopyPart, 'copy'> & { columns: readonly AccountColumn[] }): void {
  const { columns, ...described } = part;
  registerCopyPart({
    ...described,
    copy: async (tx, { source, target }) => {
      const values: Partial<typeof accounts.$inferInsert> = Object.fromEntries(columns.map((column) => [column, source[column]]));
      await tx.db.update(accounts).set(values).where(eq(accounts.id, target.id));
      return undefined;
    },
  });
}

/** C1/C2 without what the guide says is set up again (VAT number, billing mode). */
registerAccountColumns({
  name: 'administrative_data',
  label: 'production.part.administrative',
  details: 'production.part.administrativeDetails',
  columns: ['companyName', 'tradeName', 'phone', 'email', 'billingAddress', 'billingContact'],
});

/** C4, C6 and B5: settings that describe how the account works, not what it pays for. */
registerAccountColumns({
  name: 'account_settings',
  label: 'production.part.settings',
  details: 'production.part.settingsDetails',
  columns: ['timeZone', 'paymentPageLanguages', 'termsUrl', 'retentionDays', 'twoFactorRequired'],
});

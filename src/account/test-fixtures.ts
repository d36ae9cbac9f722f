import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Account, Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import { paths } from '../paths.ts';
import type { AccountSection } from './sections.ts';
import { sectionSlug } from './sections.ts';

/** The account page of an environment. */
export const accountPage = (env: Environment = 'test') => paths.account.page(env);

/** Where a section's form posts. */
export const sectionPath = (section: AccountSection, env: Environment = 'test') =>
  paths.account.section(env, sectionSlug(section));

/** A section's form as a browser would send it: sensible values, replaced or added by `fields`. */
export function sectionForm(section: AccountSection, fields: Record<string, string> = {}): Record<string, string> {
  const defaults: Record<AccountSection, Record<string, string>> = {
    administrative: { companyName: 'Shop SA', tradeName: 'Shop', phone: '', email: '' },
    billing: { billingAddress: '', vatNumber: '', billingContact: '', billingMode: 'invoice' },
    subscription: { subscription: 'professional' },
    options: {},
    languages: { en_US: '1' },
    terms: { termsUrl: '' },
    currencies: { EUR: '1' },
    timeZone: { timeZone: 'Europe/Brussels' },
    retention: { retentionDays: '540' },
  };
  return { version: '1', ...defaults[section], ...fields };
}

/** The account as stored. */
export async function storedAccount(db: Db, accountId: string): Promise<Account> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new Error('no such account');
  return row;
}

/** Sets the account's options directly (a test's starting point). */
export async function setOptions(db: Db, accountId: string, options: string[]): Promise<void> {
  await db.update(accounts).set({ options }).where(eq(accounts.id, accountId));
}

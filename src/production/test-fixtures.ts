import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Account } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import type { TestBrowser } from '../test/browser.ts';

/*
 * What the production tests share: a TEST account filled with a value in every column (so a copy
 * of the wrong column shows), and the rows a creation leaves behind.
 */

/** Every account column a merchant can set, with values that differ from the defaults. */
export const FILLED_ACCOUNT = {
  companyName: 'Boulangerie Dupont SPRL',
  tradeName: 'Chez Dupont',
  phone: '+32 2 555 01 23',
  email: 'compta@dupont.example',
  billingAddress: 'Rue Haute 12\n1000 Bruxelles',
  billingContact: 'Marie Dupont',
  vatNumber: 'BE0123456789',
  billingMode: 'direct_debit',
  subscription: 'e_commerce_plus',
  options: ['alias_manager', 'multi_currency'],
  currencies: ['EUR', 'USD', 'JPY'],
  userLimit: 25,
  timeZone: 'America/Montreal',
  paymentPageLanguages: ['fr_FR', 'nl_NL', 'en_US'],
  termsUrl: 'https://dupont.example/cgv',
  retentionDays: 90,
  twoFactorRequired: true,
  sectionVersions: { administrative: 3, billing: 2 },
} satisfies Partial<Account>;

/** Gives a TEST account every value of FILLED_ACCOUNT (and `overrides`). */
export async function fillAccount(db: Db, accountId: string, overrides: Partial<Account> = {}): Promise<void> {
  await db
    .update(accounts)
    .set({ ...FILLED_ACCOUNT, ...overrides })
    .where(eq(accounts.id, accountId));
}

/** Every account in PRODUCTION with this PSPID (whatever the case), and every user and audit entry of theirs. */
export async function productionRows(db: Db, pspid: string) {
  const all = await db.select().from(accounts).where(eq(accounts.environment, 'prod'));
  const found = all.filter((account) => account.pspid.toLowerCase() === pspid.toLowerCase());
  const account = found[0];
  return {
    accounts: found,
    users: account ? await db.select().from(users).where(eq(users.accountId, account.id)) : [],
    audit: account ? await db.select().from(auditLog).where(eq(auditLog.accountId, account.id)) : [],
  };
}

/** The TEST account row as saved now. */
export async function accountRow(db: Db, accountId: string): Promise<Account> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new Error('no such account');
  return row;
}

/** The items of a list on the page, by the list's id, as read. */
export function listItems(browser: TestBrowser, id: string): string[] {
  return browser.page.all(`#${id} li`).map((item) => browser.page.textOf(item));
}

/** A summary list's terms and descriptions, by the list's id, as read. */
export function summaryTerms(browser: TestBrowser, id: string): Record<string, string> {
  const entries = browser.page.definitions(`#${id}`);
  return Object.fromEntries(Object.entries(entries).map(([term, element]) => [term, browser.page.textOf(element)]));
}

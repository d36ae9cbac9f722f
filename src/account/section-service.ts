import { and, eq, sql } from 'drizzle-orm';
import { recordEvent } from '../audit/service.ts';
import { can } from '../auth/permissions.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { Account, BillingMode } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import { Forbidden, NotFound, RuleBroken, StaleEdit } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import type { CurrencyCode } from '../lib/money.ts';
import { countUsers } from '../users/queries.ts';
import type { AccountOption } from './options.ts';
import { isOption, OPTIONS, requireFeature } from './options.ts';
import type { PaymentPageLanguage } from './payment-page-languages.ts';
import { findAccount } from './queries.ts';
import type { AccountSection } from './sections.ts';
import { SECTION_FEATURE, sectionVersion } from './sections.ts';
import type { SubscriptionType } from './subscriptions.ts';
import { userLimitOf } from './subscriptions.ts';

/**
 * Configuration > Account (PRODUCT.md C1–C6, guide 3.2.2): saving one section of the page. Every
 * change needs `account:manage` ("Admin: the only profile that can change account configuration",
 * reference §7); a section an option gates (terms URL, currencies) also needs its feature
 * (Forbidden, 403, when the option is off; its data stays). The edit must be based on the section's
 * saved version (else StaleEdit with the account as saved now, nothing written); the change and its
 * audit entry (`changes: { column: { before, after } }`, only the columns that change) are one
 * transaction. A section whose values did not change writes nothing and records nothing.
 */

/** What one section's form sets; texts are '' for none. */
export type SectionChange =
  | { section: 'administrative'; companyName: string; tradeName: string; phone: string; email: string }
  | { section: 'billing'; billingAddress: string; vatNumber: string; billingContact: string; billingMode: BillingMode }
  | { section: 'subscription'; subscription: SubscriptionType }
  | { section: 'options'; options: AccountOption[] }
  | { section: 'languages'; paymentPageLanguages: PaymentPageLanguage[] }
  | { section: 'terms'; termsUrl: string }
  | { section: 'currencies'; currencies: CurrencyCode[] }
  | { section: 'timeZone'; timeZone: string }
  | { section: 'retention'; retentionDays: number };

/** The audit event of each section. */
export const SECTION_EVENTS: Record<AccountSection, string> = {
  administrative: 'account.administrative_data',
  billing: 'account.billing',
  subscription: 'account.subscription',
  options: 'account.options',
  languages: 'account.payment_page_languages',
  terms: 'account.terms_url',
  currencies: 'account.currencies',
  timeZone: 'account.time_zone',
  retention: 'account.retention',
};

type Columns = Partial<Pick<Account, ChangedColumn>>;
type ChangedColumn =
  | 'companyName'
  | 'tradeName'
  | 'phone'
  | 'email'
  | 'billingAddress'
  | 'vatNumber'
  | 'billingContact'
  | 'billingMode'
  | 'subscription'
  | 'userLimit'
  | 'options'
  | 'paymentPageLanguages'
  | 'termsUrl'
  | 'currencies'
  | 'timeZone'
  | 'retentionDays';

/**
 * Saves one section if `version` is its saved version. Returns whether anything changed. Throws
 * Forbidden (no `account:manage`, or the section's option is off), StaleEdit (the section changed
 * meanwhile; `current` is the account as saved now), RuleBroken (a subscription whose user limit
 * is below the account's users, at field `subscription`).
 */
export async function saveAccountSection(
  ctx: ActorContext,
  { version, change }: { version: number; change: SectionChange },
): Promise<{ changed: boolean }> {
  if (!can(ctx.actor.user.profile, 'account:manage')) throw new Forbidden('account:manage');
  const { section } = change;
  const account = await currentAccount(ctx);
  const feature = SECTION_FEATURE[section];
  if (feature) requireFeature(account, feature);
  if (sectionVersion(account, section) !== version) throw new StaleEdit(account);
  const columns = columnsOf(change, account);
  const changes = Object.fromEntries(
    (Object.keys(columns) as ChangedColumn[])
      .filter((column) => !same(account[column], columns[column]))
      .map((column) => [column, { before: account[column], after: columns[column] }]),
  );
  if (Object.keys(changes).length === 0) return { changed: false };
  const saved = await inTransaction(ctx, async (tx) => {
    if (change.section === 'subscription') await refuseTooSmall(tx, change.subscription);
    const [row] = await tx.db
      .update(accounts)
      .set({
        ...columns,
        sectionVersions: sql`jsonb_set(${accounts.sectionVersions}, ${`{${section}}`}::text[], to_jsonb(${version + 1}::int))`,
      })
      .where(and(eq(accounts.id, account.id), sql`coalesce((${accounts.sectionVersions} ->> ${section})::int, 1) = ${version}`))
      .returning({ id: accounts.id });
    if (!row) return false;
    await recordEvent(tx, { type: SECTION_EVENTS[section], details: { changes } }, { account });
    return true;
  });
  // Another edit of this section was saved between the read above and this one.
  if (!saved) throw new StaleEdit(await currentAccount(ctx));
  return { changed: true };
}

/** The columns a section sets, from its form's values ('' is null for the optional texts). */
function columnsOf(change: SectionChange, account: Account): Columns {
  const orNull = (text: string) => (text === '' ? null : text);
  switch (change.section) {
    case 'administrative':
      return {
        companyName: change.companyName,
        tradeName: change.tradeName,
        phone: orNull(change.phone),
        email: orNull(change.email),
      };
    case 'billing':
      return {
        billingAddress: orNull(change.billingAddress.replace(/\r\n?/g, '\n')),
        vatNumber: orNull(change.vatNumber),
        billingContact: orNull(change.billingContact),
        billingMode: change.billingMode,
      };
    case 'subscription':
      return { subscription: change.subscription, userLimit: userLimitOf(change.subscription) };
    case 'options':
      // Codes this version does not know stay as stored (src/account/options.ts).
      return {
        options: [...OPTIONS.filter((option) => change.options.includes(option)), ...account.options.filter((o) => !isOption(o))],
      };
    case 'languages':
      return { paymentPageLanguages: change.paymentPageLanguages };
    case 'terms':
      return { termsUrl: orNull(change.termsUrl) };
    case 'currencies':
      return { currencies: change.currencies };
    case 'timeZone':
      return { timeZone: change.timeZone };
    case 'retention':
      return { retentionDays: change.retentionDays };
  }
}

/**
 * C3: a subscription whose user limit is below the users the account has is refused (every user
 * counts, deactivated and API users too). The account row is locked while counting, as user
 * creation does, so a user cannot be added between the count and the change.
 */
async function refuseTooSmall(tx: ActorContext, subscription: SubscriptionType): Promise<void> {
  const accountId = tx.actor.account.id;
  await tx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
  const users = await countUsers(tx.db, accountId);
  const limit = userLimitOf(subscription);
  if (users > limit) {
    throw new RuleBroken(
      message('account.error.tooManyUsers', {
        subscription: message(`account.subscription.${subscription}`),
        limit,
        count: users,
      }),
      'subscription',
    );
  }
}

async function currentAccount(ctx: ActorContext): Promise<Account> {
  const account = await findAccount(ctx.db, ctx.actor.account.id);
  if (!account) throw new NotFound('account');
  return account;
}

/** Equal as saved: null and '' are both "nothing"; lists are equal with the same items in any order. */
function same(before: unknown, after: unknown): boolean {
  const plain = (value: unknown) =>
    value === null || value === undefined ? '' : Array.isArray(value) ? JSON.stringify([...value].sort()) : value;
  return plain(before) === plain(after);
}

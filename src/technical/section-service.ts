import { eq, sql } from 'drizzle-orm';
import { recordEvent } from '../audit/service.ts';
import { can } from '../auth/permissions.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { DataCapture, DefaultOperation, PostSaleTiming, ProcessingMode, TechnicalSettings } from '../db/schema/technical.ts';
import { technicalSettings } from '../db/schema/technical.ts';
import { Forbidden, RuleBroken, StaleEdit } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { generatePassphrase } from './passphrase.ts';
import type { TechnicalSection } from './sections.ts';
import { SECTION_PASSPHRASE, technicalSectionVersion } from './sections.ts';
import type { PassphraseUse } from './settings.ts';
import { sealPassphrase } from './settings.ts';
import { findTwinAccount, isTwinPassphrase } from './twin.ts';

/**
 * Configuration > Technical information (PRODUCT.md F1; reference §0, §2.2, §2.3): saving one
 * section. Every change needs `technical:manage` (Admin profiles: "the only profile that can
 * change account configuration", reference §7; Forbidden, 403, otherwise). The edit must be
 * based on the section's saved version (else StaleEdit with the settings as saved now, nothing
 * written). The account's row is made with its defaults on the first save and locked while the
 * section is compared and written, so two saves of one section never both pass. The change and
 * its audit entry (`changes: { column: { before, after } }`, only what changed; a passphrase as
 * `{ before: '********' | null, after: 'changed' }`, never its value) are one transaction.
 * What the settings act on reads them on each request: DirectLink checks a saved passphrase,
 * algorithm or address list from the next request on.
 */

/** What one section's form sets; a passphrase '' keeps the current one. */
export type TechnicalChange =
  | {
      section: 'transaction';
      defaultOperation: DefaultOperation;
      dataCapture: DataCapture;
      captureAfterDays: number;
      processingMode: ProcessingMode;
      paymentRetries: number;
      defaultEci: number;
    }
  | { section: 'security'; shaAlgorithm: string; charset: string }
  | { section: 'ecommerce'; referrerUrls: string[]; passphrase: string }
  | { section: 'directLink'; allowedIps: string[]; passphrase: string }
  | {
      section: 'feedback';
      passphrase: string;
      postSaleUrlAccepted: string;
      postSaleUrlDeclined: string;
      postSaleTiming: PostSaleTiming;
      statusChangeUrl: string;
      feedbackParameters: string[];
    }
  | {
      section: 'emails';
      merchantEmails: string[];
      merchantConfirmationEmails: boolean;
      statusChangeEmails: boolean;
      customerConfirmationEmails: boolean;
    };

/** The audit event of each section. */
export const TECHNICAL_EVENTS: Record<TechnicalSection, string> = {
  transaction: 'technical.transaction_parameters',
  security: 'technical.security_parameters',
  ecommerce: 'technical.ecommerce_checks',
  directLink: 'technical.directlink_checks',
  feedback: 'technical.feedback',
  emails: 'technical.emails',
};

/** The audit detail that records a change of each passphrase (never its value). */
export const PASSPHRASE_DETAIL: Record<PassphraseUse, string> = {
  'sha-in-ecommerce': 'shaInEcommercePassphrase',
  'sha-in-directlink': 'shaInDirectLinkPassphrase',
  'sha-out': 'shaOutPassphrase',
};

const SEALED: Record<PassphraseUse, 'shaInEcommerceSealed' | 'shaInDirectLinkSealed' | 'shaOutSealed'> = {
  'sha-in-ecommerce': 'shaInEcommerceSealed',
  'sha-in-directlink': 'shaInDirectLinkSealed',
  'sha-out': 'shaOutSealed',
};

/** How a passphrase's former value shows in the audit log: set or not, never what it was. */
export const MASKED = '********';

type Columns = Partial<Omit<TechnicalSettings, 'accountId' | 'sectionVersions' | 'updatedAt'>>;

/**
 * Saves one section if `version` is its saved version. Returns whether anything changed (the same
 * values again write and record nothing). Throws Forbidden (no `technical:manage`), StaleEdit
 * (the section changed meanwhile; `current` is the settings as saved now), RuleBroken at a field
 * (a passphrase equal to one of the other environment's account, field `passphrase`; a post-sale
 * timing without an address, `postSaleUrlAccepted`; merchant e-mails switched on without an
 * address, `merchantEmails`).
 */
export async function saveTechnicalSection(
  ctx: ActorContext,
  { version, change }: { version: number; change: TechnicalChange },
): Promise<{ changed: boolean }> {
  refuseRules(change);
  const use = SECTION_PASSPHRASE[change.section];
  const passphrase = 'passphrase' in change && change.passphrase !== '' && use ? { use, value: change.passphrase } : undefined;
  return writeSection(ctx, change.section, version, columnsOf(change), passphrase);
}

/**
 * Makes a random passphrase (generatePassphrase) for a section, if `version` is the section's
 * saved version, and returns it: the one time it is shown. A passphrase already set is replaced
 * only when `confirmed` (the administrator confirmed it on the confirmation page: every request
 * signed with the current one is refused from then on); otherwise nothing is written and the
 * answer is `{ confirm: true }`, decided under the row's lock so a passphrase set meanwhile is
 * never replaced unasked. Throws as saveTechnicalSection; NotFound-like misuse (a section without
 * a passphrase) is a Forbidden.
 */
export async function generateSectionPassphrase(
  ctx: ActorContext,
  { section, version, confirmed }: { section: TechnicalSection; version: number; confirmed: boolean },
): Promise<{ passphrase: string } | { confirm: true }> {
  const use = SECTION_PASSPHRASE[section];
  if (!use) throw new Forbidden('no passphrase in this section');
  const value = generatePassphrase();
  const written = await writeSection(ctx, section, version, {}, { use, value, generated: true, replaceConfirmed: confirmed });
  return written.unconfirmed ? { confirm: true } : { passphrase: value };
}

async function writeSection(
  ctx: ActorContext,
  section: TechnicalSection,
  version: number,
  columns: Columns,
  passphrase?: { use: PassphraseUse; value: string; generated?: boolean; replaceConfirmed?: boolean },
): Promise<{ changed: boolean; unconfirmed?: true }> {
  if (!can(ctx.actor.user.profile, 'technical:manage')) throw new Forbidden('technical:manage');
  const { account } = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    await tx.db.insert(technicalSettings).values({ accountId: account.id }).onConflictDoNothing();
    const [current] = await tx.db
      .select()
      .from(technicalSettings)
      .where(eq(technicalSettings.accountId, account.id))
      .for('update');
    if (!current) throw new Error('technical settings row missing');
    if (technicalSectionVersion(current, section) !== version) throw new StaleEdit(current);
    const set: Record<string, unknown> = {};
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const [column, after] of Object.entries(columns) as [keyof Columns, unknown][]) {
      const before = current[column];
      if (same(before, after)) continue;
      set[column] = after;
      changes[column] = { before, after };
    }
    if (passphrase?.generated && !passphrase.replaceConfirmed && current[SEALED[passphrase.use]] !== null) {
      return { changed: false, unconfirmed: true };
    }
    if (passphrase) {
      const twin = await findTwinAccount(tx.db, account);
      if (twin && (await isTwinPassphrase(tx.db, ctx.secretKey, twin.id, passphrase.value))) {
        // A generated passphrase equal to the twin's would be a one in 2^186 draw: refused all the same.
        const other = account.environment === 'test' ? 'PRODUCTION' : 'TEST';
        throw new RuleBroken(message('technical.error.passphraseTwin', { environment: other, pspid: twin.pspid }), 'passphrase');
      }
      const column = SEALED[passphrase.use];
      set[column] = sealPassphrase(ctx.secretKey, account.id, passphrase.use, passphrase.value);
      changes[PASSPHRASE_DETAIL[passphrase.use]] = { before: current[column] ? MASKED : null, after: 'changed' };
    }
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx.db
      .update(technicalSettings)
      .set({
        ...set,
        sectionVersions: sql`jsonb_set(${technicalSettings.sectionVersions}, ${`{${section}}`}::text[], to_jsonb(${version + 1}::int))`,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(technicalSettings.accountId, account.id));
    const generated = passphrase?.generated ? { generated: true } : {};
    await recordEvent(tx, { type: TECHNICAL_EVENTS[section], details: { changes, ...generated } }, { account });
    return { changed: true };
  });
}

/** Rules across fields, checked before anything is read. */
function refuseRules(change: TechnicalChange): void {
  if (
    change.section === 'feedback' &&
    change.postSaleTiming !== 'none' &&
    !change.postSaleUrlAccepted &&
    !change.postSaleUrlDeclined
  ) {
    throw new RuleBroken(message('technical.error.postSaleUrlNeeded'), 'postSaleUrlAccepted');
  }
  if (
    change.section === 'emails' &&
    (change.merchantConfirmationEmails || change.statusChangeEmails) &&
    change.merchantEmails.length === 0
  ) {
    throw new RuleBroken(message('technical.error.merchantEmailsNeeded'), 'merchantEmails');
  }
}

/** The columns a section sets ('' is null for the optional texts). */
function columnsOf(change: TechnicalChange): Columns {
  const orNull = (text: string) => (text === '' ? null : text);
  switch (change.section) {
    case 'transaction': {
      const { section, ...columns } = change;
      return columns;
    }
    case 'security':
      return { shaAlgorithm: change.shaAlgorithm, charset: change.charset };
    case 'ecommerce':
      return { referrerUrls: change.referrerUrls };
    case 'directLink':
      return { allowedIps: change.allowedIps };
    case 'feedback':
      return {
        postSaleUrlAccepted: orNull(change.postSaleUrlAccepted),
        postSaleUrlDeclined: orNull(change.postSaleUrlDeclined),
        postSaleTiming: change.postSaleTiming,
        statusChangeUrl: orNull(change.statusChangeUrl),
        feedbackParameters: change.feedbackParameters,
      };
    case 'emails':
      return {
        merchantEmails: orNull(change.merchantEmails.join(';')),
        merchantConfirmationEmails: change.merchantConfirmationEmails,
        statusChangeEmails: change.statusChangeEmails,
        customerConfirmationEmails: change.customerConfirmationEmails,
      };
  }
}

/** Equal as saved: null and '' are both "nothing"; lists compare in order (the order typed is kept). */
function same(before: unknown, after: unknown): boolean {
  const plain = (value: unknown) =>
    value === null || value === undefined ? '' : Array.isArray(value) ? JSON.stringify(value) : value;
  return plain(before) === plain(after);
}

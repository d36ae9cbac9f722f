import type { ActorContext } from '../context.ts';
import type { Account } from '../db/schema/accounts.ts';
import type { PlainKey } from '../i18n/catalogue.ts';

/**
 * I1 (guide 3.2.9), "Create production account": what the copy of a TEST account into
 * PRODUCTION takes along, as parts that each feature registers. The review page lists every
 * registered part (its label and the words saying what it holds) before the administrator
 * confirms; the service then runs each part's `copy`, in registration order, inside the one
 * transaction that creates the PRODUCTION account, so a part that throws leaves nothing behind.
 *
 * A feature registers its part from its own `src/<feature>/production-copy.ts`, which
 * src/production/registrations.ts imports (the production service loads that file alone), for
 * example the technical settings:
 *
 *     registerCopyPart({ name: 'technical_settings', label: 'technical.copy', details: 'technical.copyDetails',
 *       copy: async (tx, { source, target }) => { ... return { shownOnce: [...] }; } });
 *
 * The part's name is also what the audit log records in `copied`; its words there are
 * `audit.value.copied.<name>` (src/audit/detail-messages.ts; a test checks each part has them).
 */

/** A secret a part made anew for the PRODUCTION account (a passphrase), shown once on the summary, never stored in clear. */
export type ShownOnce = { label: PlainKey; value: string };

/** What a part's copy may hand back: secrets to show once to the administrator. */
export type CopyOutcome = { shownOnce?: ShownOnce[] };

/**
 * What a part's copy function receives: the context (its `db` is the transaction; the actor is
 * the TEST administrator), the TEST account as locked for the copy, and the PRODUCTION account
 * just inserted (only its PSPID and environment are set; `companyName` and `tradeName` are ''
 * until the administrative part fills them).
 */
export type CopyInput = { source: Account; target: Account };

export type CopyPart = {
  /** A code in snake_case, unique: recorded in the audit log's `copied` list. */
  name: string;
  /** What the review and summary pages call the part ("Administrative data"). */
  label: PlainKey;
  /** What it holds, in a sentence ("Legal company name, trade name, ..."). */
  details: PlainKey;
  /** Copies the part from `source` to `target`, inside the transaction; throws to refuse the whole copy. */
  copy: (tx: ActorContext, input: CopyInput) => Promise<CopyOutcome | undefined>;
};

const parts: CopyPart[] = [];

/**
 * Adds a part to the copy. Returns a function that takes it out again (tests register a part
 * that fails midway and remove it afterwards). Throws when a part of that name is registered.
 */
export function registerCopyPart(part: CopyPart): () => void {
  if (parts.some((existing) => existing.name === part.name)) throw new Error(`copy part ${part.name} is registered twice`);
  parts.push(part);
  return () => {
    const index = parts.indexOf(part);
    if (index >= 0) parts.splice(index, 1);
  };
}

/** The registered parts, in the order they are copied (and listed). */
export function copyParts(): readonly CopyPart[] {
  return [...parts];
}

/**
 * What is never copied and must be set up again in PRODUCTION (guide 3.2.9's list): each item's
 * words. Currencies come with the multi-currency option, so they go with the options.
 */
export const NOT_COPIED: readonly PlainKey[] = [
  'production.notCopied.subscription',
  'production.notCopied.options',
  'production.notCopied.vatNumber',
  'production.notCopied.billingMode',
  'production.notCopied.paymentMethods',
  'production.notCopied.threeDSecure',
  'production.notCopied.users',
];

/**
 * An account's technical information (PRODUCT.md F1; reference §0 "Technical information"), as
 * the payment flows read it: the stored row, or the defaults while the account has none (a row
 * is written the first time a setting is saved). Passphrases are sealed with the server key and
 * bound to their account and use, so a sealed value copied to another row or use does not open.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { TechnicalSettings } from '../db/schema/technical.ts';
import { technicalSettings } from '../db/schema/technical.ts';
import { openSecret, sealSecret } from '../lib/secret-box.ts';
import type { ShaAlgorithm } from '../payments/signature.ts';

/** Which SHA passphrase: SHA-IN of e-Commerce, SHA-IN of DirectLink and Batch, SHA-OUT of feedback. */
export type PassphraseUse = 'sha-in-ecommerce' | 'sha-in-directlink' | 'sha-out';

const SEALED_COLUMN = {
  'sha-in-ecommerce': 'shaInEcommerceSealed',
  'sha-in-directlink': 'shaInDirectLinkSealed',
  'sha-out': 'shaOutSealed',
} as const satisfies Record<PassphraseUse, keyof TechnicalSettings>;

/** The account's settings, the defaults of migration 0008 where it has no row yet. */
export async function readTechnicalSettings(db: Db, accountId: string): Promise<TechnicalSettings> {
  const [row] = await db.select().from(technicalSettings).where(eq(technicalSettings.accountId, accountId));
  return row ?? defaultSettings(accountId);
}

/** The settings a new account starts with (the columns' defaults). */
export function defaultSettings(accountId: string): TechnicalSettings {
  return {
    accountId,
    defaultOperation: 'RES',
    dataCapture: 'merchant',
    captureAfterDays: 2,
    processingMode: 'online',
    paymentRetries: 10,
    defaultEci: 7,
    shaAlgorithm: 'SHA-512',
    charset: 'utf-8',
    referrerUrls: [],
    shaInEcommerceSealed: null,
    allowedIps: [],
    shaInDirectLinkSealed: null,
    shaOutSealed: null,
    postSaleUrlAccepted: null,
    postSaleUrlDeclined: null,
    postSaleTiming: 'none',
    statusChangeUrl: null,
    feedbackParameters: [],
    merchantEmails: null,
    merchantConfirmationEmails: false,
    statusChangeEmails: false,
    customerConfirmationEmails: false,
    sectionVersions: {},
    updatedAt: new Date(0),
  };
}

/** The account's hash algorithm for SHA-IN and SHA-OUT. */
export function shaAlgorithmOf(settings: TechnicalSettings): ShaAlgorithm {
  return settings.shaAlgorithm as ShaAlgorithm;
}

/** A passphrase sealed for one account and one use (written to its column). */
export function sealPassphrase(key: Buffer, accountId: string, use: PassphraseUse, passphrase: string): string {
  return sealSecret(key, passphrase, `passphrase:${use}:${accountId}`);
}

/** The account's passphrase for `use`, or undefined when none is set. Throws if the sealed value was made for another account, use or key. */
export function passphraseOf(key: Buffer, settings: TechnicalSettings, use: PassphraseUse): string | undefined {
  const sealed = settings[SEALED_COLUMN[use]];
  return sealed ? openSecret(key, sealed, `passphrase:${use}:${settings.accountId}`) : undefined;
}

/** Whether the account has a passphrase for `use` (without opening it). */
export function isPassphraseSet(settings: TechnicalSettings, use: PassphraseUse): boolean {
  return settings[SEALED_COLUMN[use]] !== null;
}

/**
 * Saves settings (a partial row) for the account: the row is made with the defaults the first
 * time. Callers audit the change.
 */
export async function saveTechnicalSettings(
  db: Db,
  accountId: string,
  changes: Partial<Omit<TechnicalSettings, 'accountId'>>,
  now: Date,
): Promise<void> {
  await db
    .insert(technicalSettings)
    .values({ accountId, ...changes, updatedAt: now })
    .onConflictDoUpdate({ target: technicalSettings.accountId, set: { ...changes, updatedAt: now } });
}

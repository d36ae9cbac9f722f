/**
 * Aliases, the data side (PRODUCT.md E1; reference §6): a merchant's name for a stored card, so a
 * later payment names the alias instead of sending the card. Kept per account: the masked number,
 * brand, expiry (MMYY) and holder; the card number itself only sealed (AES-256-GCM under the server
 * key, bound to the account and the alias, as the TOTP seeds are: src/lib/secret-box.ts) since an
 * alias must be chargeable later; and a keyed fingerprint (HMAC-SHA-256 under a key derived from the
 * server key) to find a card's aliases without opening them. Never the CVC.
 *
 * States (reference §6): `active` once a payment with it was accepted, `error` when the payment that
 * made it was refused or uncertain (an alias is made all the same, and not made again), `pending` and
 * `updated` for the Alias Manager's manual creation and edits (a later issue).
 */
import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { CardNumber } from '../acquirer/card-number.ts';
import type { Db } from '../db/client.ts';
import type { Alias, AliasState } from '../db/schema/payments.ts';
import { aliases } from '../db/schema/payments.ts';
import { openSecret, sealSecret } from '../lib/secret-box.ts';

/** An alias name: 1 to 50 letters, digits, hyphens, underscores or dots (reference §6: AN50). */
export const ALIAS_NAME = /^[A-Za-z0-9_.-]{1,50}$/;

/** A name Guichet makes for ALIASOPERATION=BYPSP: a random UUID in capitals (36 characters). */
export function generatedAliasName(): string {
  return randomUUID().toUpperCase();
}

/** The card's keyed fingerprint: the same card gives the same text in one installation, and nothing to anyone without the key. */
export function cardFingerprint(secretKey: Buffer, card: CardNumber): string {
  const key = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'guichet card fingerprint', 32));
  return createHmac('sha256', key).update(card.reveal()).digest('hex');
}

/** The account's alias by name, if it has it. */
export async function findAlias(db: Db, accountId: string, name: string): Promise<Alias | undefined> {
  const [row] = await db
    .select()
    .from(aliases)
    .where(and(eq(aliases.accountId, accountId), eq(aliases.alias, name)));
  return row;
}

/** The stored card number of an alias, for the acquirer. Throws if the sealed value belongs to another account, alias or key. */
export function aliasCardNumber(secretKey: Buffer, alias: Alias): CardNumber {
  return CardNumber.fromCheckedDigits(openSecret(secretKey, alias.cardNumberSealed, sealContext(alias.accountId, alias.alias)));
}

/** The card an alias stores, as a payment leaves it. */
export type AliasCard = { number: CardNumber; brand: string; masked: string; expiry: string; holder?: string };

/**
 * Makes the alias, or replaces its card and state (an update is written only when asked: a payment
 * with new card data updates its alias only once accepted, reference §6).
 */
export async function saveAlias(
  db: Db,
  secretKey: Buffer,
  entry: { accountId: string; alias: string; card: AliasCard; state: AliasState; now: Date },
): Promise<void> {
  const { accountId, alias, card, state, now } = entry;
  const values = {
    brand: card.brand,
    cardMasked: card.masked,
    cardExpiry: card.expiry,
    cardHolder: card.holder ?? null,
    cardFingerprint: cardFingerprint(secretKey, card.number),
    cardNumberSealed: sealSecret(secretKey, card.number.reveal(), sealContext(accountId, alias)),
    state,
    updatedAt: now,
  };
  await db
    .insert(aliases)
    .values({ accountId, alias, ...values, createdAt: now })
    .onConflictDoUpdate({ target: [aliases.accountId, aliases.alias], set: values });
}

/** Marks an alias used by a payment: active when accepted, error when refused or uncertain. */
export async function markAliasUse(db: Db, accountId: string, alias: string, accepted: boolean, now: Date): Promise<void> {
  await db
    .update(aliases)
    .set({ state: accepted ? 'active' : 'error', updatedAt: now })
    .where(and(eq(aliases.accountId, accountId), eq(aliases.alias, alias)));
}

function sealContext(accountId: string, alias: string): string {
  return `alias:${accountId}:${alias}`;
}

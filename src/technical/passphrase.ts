import { randomInt } from 'node:crypto';

/**
 * The SHA passphrases of Technical information (reference §2.2, §2.3): SHA-IN of e-Commerce,
 * SHA-IN of DirectLink and Batch, SHA-OUT. The reference gives no length rule (Odoo's 16–32
 * is a third party's, UNCONFIRMED); Guichet's rule, said on the page: 8 to 64 printable ASCII
 * characters without spaces (U+0021 to U+007E), since the passphrase is typed into the
 * merchant's server configuration and signed as bytes in either charset (ISO-8859-1 or UTF-8
 * give the same bytes for ASCII). The platform's own test passphrase `Mysecretsig1875!?` fits.
 */
export const PASSPHRASE_LENGTH = { min: 8, max: 64 } as const;

/** A passphrase as Guichet accepts it (PASSPHRASE_LENGTH characters of U+0021–U+007E). */
export const PASSPHRASE_PATTERN = /^[\x21-\x7E]{8,64}$/;

/** Letters and digits only: a generated passphrase is copied by hand and pasted into configuration files. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** How long a generated passphrase is: 32 characters of a 57-letter alphabet, about 186 bits. */
export const GENERATED_LENGTH = 32;

/** A random passphrase (crypto.randomInt, uniform over ALPHABET), GENERATED_LENGTH characters. */
export function generatePassphrase(): string {
  let passphrase = '';
  for (let i = 0; i < GENERATED_LENGTH; i += 1) passphrase += ALPHABET[randomInt(ALPHABET.length)];
  return passphrase;
}

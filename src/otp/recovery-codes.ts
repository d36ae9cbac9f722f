import { getRandomValues } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { sha256Hex } from '../lib/tokens.ts';

/** One-time recovery codes for a lost authenticator: shown once, stored only as hashes. */
export const RECOVERY_CODE_COUNT = 10;

const CODE_BYTES = 10; // 80 bits = 16 base32 characters
const NORMALIZED = /^[a-z2-7]{16}$/;

/** RECOVERY_CODE_COUNT distinct codes, each 80 random bits written `xxxx-xxxx-xxxx-xxxx` (lowercase base32). */
export function generateRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    const raw = encodeBase32LowerCaseNoPadding(getRandomValues(new Uint8Array(CODE_BYTES)));
    codes.add(raw.match(/.{4}/g)!.join('-'));
  }
  return [...codes];
}

/** The 16 lowercase base32 characters of a typed code (spaces, dashes and case ignored), or null. */
export function normalizeRecoveryCode(input: string): string | null {
  const stripped = input.replace(/[\s-]+/g, '');
  // ASCII is checked before lowercasing: some non-ASCII letters (the Kelvin sign) lowercase to ASCII ones.
  if (!/^[A-Za-z2-7]{16}$/.test(stripped)) return null;
  return stripped.toLowerCase();
}

/** The stored form of a normalised code. 80 random bits cannot be guessed offline, so a fast hash is enough. */
export function hashRecoveryCode(normalized: string): string {
  if (!NORMALIZED.test(normalized)) throw new Error('hashRecoveryCode takes a code from normalizeRecoveryCode');
  return sha256Hex(normalized);
}

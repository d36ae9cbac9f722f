import type { Algorithm } from '@node-rs/argon2';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing (argon2id) of passwords normalised to Unicode NFKC, so that one password is
 * one secret whatever the keyboard or system typed it in: `é` precomposed or `e` + U+0301,
 * full-width letters, ligatures (NIST SP 800-63B 5.1.1.2; decision record 0019). Nothing else is
 * changed: no trimming, no case folding. Every caller goes through here, so every caller gets it.
 */

/** Algorithm.Argon2id (a const enum, not importable as a value here). */
const ARGON2ID = 2 as Algorithm;

/** argon2id with OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** The form a password is judged, hashed and compared in: NFKC, otherwise exactly as typed. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** The argon2id hash (PHC string) of the password's NFKC form. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

/**
 * True when the password matches the hash: its NFKC form first, then, when the typed form
 * differs, the typed form itself (hashes stored before passwords were normalised). A malformed
 * hash matches nothing. A login that matched by the typed form should store
 * `rehashFromRawForm`'s hash, so the other forms work from then on.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  if (await verifyExactly(passwordHash, normalized)) return true;
  return normalized !== password && (await verifyExactly(passwordHash, password));
}

/**
 * After a successful login: the NFKC hash to store instead of `passwordHash` when the password
 * matched it only in the form typed (a hash made before normalisation); null when there is
 * nothing to replace (the typed form is already NFKC, the hash is already of the NFKC form, or
 * the password does not match at all). Costs nothing for a password typed in NFKC, which is
 * nearly every password; else one or two checks and a hash.
 */
export async function rehashFromRawForm(passwordHash: string, password: string): Promise<string | null> {
  const normalized = normalizePassword(password);
  if (normalized === password || (await verifyExactly(passwordHash, normalized))) return null;
  if (!(await verifyExactly(passwordHash, password))) return null;
  return hash(normalized, ARGON2_OPTIONS);
}

async function verifyExactly(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, for logins that name no user, so timing reveals nothing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('guichet-dummy-password-0');
  await verifyPassword(await dummyHash, password);
  return false;
}

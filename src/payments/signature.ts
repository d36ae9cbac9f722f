/**
 * SHASIGN, the platform's request and feedback signature (reference §2.2 SHA-IN, §2.3 SHA-OUT):
 * keep the whitelisted parameters whose value is not empty, sort them by upper-cased name, write
 * `NAME=value` followed by the passphrase for each, hash the bytes with the account's algorithm and
 * send the digest as upper-case hex. Values are signed as the bytes that travelled, in the endpoint's
 * character set (decision record 0024). Pure: no database, no I/O.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isShaInParameter } from './sha-in-parameters.ts';
import { isShaOutParameter } from './sha-out-parameters.ts';

/** The hash algorithms an account can choose (Technical information > Global security parameters, reference §0). */
export type ShaAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-512';

/** Every `ShaAlgorithm`, in the order the settings page offers them. */
export const SHA_ALGORITHMS: readonly ShaAlgorithm[] = ['SHA-1', 'SHA-256', 'SHA-512'];

/**
 * The character set of an endpoint: the plain `.asp` endpoints read ISO-8859-1, the `_utf8` ones
 * UTF-8 (reference §0 endpoints, §2.2 last bullet). The passphrase is encoded in the same one.
 */
export type ShaCharset = 'iso-8859-1' | 'utf-8';

/** Which whitelist applies: SHA-IN for what merchants send us, SHA-OUT for the feedback we send them. */
export type ShaDirection = 'SHA-IN' | 'SHA-OUT';

/** How to sign: the whitelist, the account's algorithm and passphrase, and the charset of the values. */
export interface ShaSignOptions {
  direction: ShaDirection;
  algorithm: ShaAlgorithm;
  /** The account's SHA-IN or SHA-OUT passphrase, as configured (never logged, never in an error). */
  passphrase: string;
  charset: ShaCharset;
}

/**
 * Two parameters whose names differ only by case (`orderID` and `ORDERID`), both with a value and both
 * signed: the platform treats names case-insensitively (reference §2.2), so the request is ambiguous.
 * DirectLink answers it as a data validation error (NCERROR 50001111). Carries the upper-cased name,
 * never a value.
 */
export class ShaParameterConflictError extends Error {
  readonly parameter: string;
  constructor(parameter: string) {
    super(`The parameter ${parameter} is sent more than once`);
    this.name = 'ShaParameterConflictError';
    this.parameter = parameter;
  }
}

const NODE_HASH: Record<ShaAlgorithm, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' };

/**
 * A parameter name upper-cased the way the platform compares names: ASCII letters only, so that a
 * Unicode case mapping can never turn a foreign name into a signed one (`'orderıd'.toUpperCase()` is
 * `ORDERID` in JavaScript). Use it wherever a request's names are matched (reference §2.2, §3).
 */
export function upperCaseParameterName(name: string): string {
  return name.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/**
 * `text` as bytes in `charset`. Throws RangeError when a character has no ISO-8859-1 byte (code point
 * above U+00FF) instead of writing a wrong byte, so a signature never covers bytes that differ from the
 * ones sent. The message does not contain the text (it may be a passphrase).
 */
export function encodeText(text: string, charset: ShaCharset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) throw new RangeError('A character cannot be written in ISO-8859-1');
  }
  return Buffer.from(text, 'latin1');
}

/**
 * SHASIGN over parameters whose values are the raw bytes received (or to be sent), e.g. a DirectLink
 * body's percent-decoded values before any charset decoding. Names are compared upper-cased
 * (`upperCaseParameterName`); empty values are dropped; pairs are sorted by upper-cased name in ASCII
 * byte order; each contributes `NAME=` + value + passphrase (passphrase encoded in `options.charset`).
 * Returns the digest as upper-case hex: 40 characters (SHA-1), 64 (SHA-256) or 128 (SHA-512).
 * Throws ShaParameterConflictError for a signed name sent twice with values, RangeError for a
 * passphrase that ISO-8859-1 cannot write. Reference §2.2 steps 1–5, §2.3.
 */
export function computeShaSign(parameters: Iterable<readonly [string, Uint8Array]>, options: ShaSignOptions): string {
  const isSigned = options.direction === 'SHA-IN' ? isShaInParameter : isShaOutParameter;
  const signed = new Map<string, Uint8Array>();
  for (const [name, value] of parameters) {
    if (value.length === 0) continue;
    const upperName = upperCaseParameterName(name);
    if (!isSigned(upperName)) continue;
    if (signed.has(upperName)) throw new ShaParameterConflictError(upperName);
    signed.set(upperName, value);
  }
  const passphrase = encodeText(options.passphrase, options.charset);
  const hash = createHash(NODE_HASH[options.algorithm]);
  // Whitelisted names are ASCII, so comparing UTF-16 code units is comparing bytes.
  for (const name of [...signed.keys()].sort(compareAscii)) {
    hash.update(`${name}=`, 'latin1');
    hash.update(signed.get(name)!);
    hash.update(passphrase);
  }
  return hash.digest('hex').toUpperCase();
}

/**
 * SHASIGN over text values, written in `options.charset` with `encodeText` first: for the SHA-OUT
 * feedback Guichet sends, whose body must be encoded with the same `encodeText` and charset so the
 * merchant hashes the same bytes. Same result and errors as `computeShaSign`, plus RangeError for a
 * value ISO-8859-1 cannot write.
 */
export function computeShaSignForText(parameters: Iterable<readonly [string, string]>, options: ShaSignOptions): string {
  const encoded: [string, Buffer][] = [];
  for (const [name, value] of parameters) encoded.push([name, encodeText(value, options.charset)]);
  return computeShaSign(encoded, options);
}

/**
 * Whether a received SHASIGN equals the expected one (from `computeShaSign`), in constant time for
 * equal lengths. The received value is compared case-insensitively (hex digits `a`–`f` or `A`–`F`);
 * anything else (other characters, spaces, a different length such as a SHA-1 digest on a SHA-512
 * account, a truncated digest) is a mismatch. The account's setting decides the algorithm: the
 * length is never used to pick one. Reference §2.2 step 5; NCERROR 50001184 on mismatch.
 */
export function shaSignMatches(received: string, expected: string): boolean {
  if (!/^[0-9A-Fa-f]+$/.test(received)) return false;
  const a = Buffer.from(received.toUpperCase(), 'utf8');
  const b = Buffer.from(expected.toUpperCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reading a DirectLink request body (orderdirect.asp, maintenancedirect.asp, querydirect.asp and
 * their `_utf8` forms): an `application/x-www-form-urlencoded` POST (reference §3, Transport).
 *
 * The body is parsed at the byte level, because SHA-IN is computed over the values exactly as the
 * merchant encoded them (reference §2.2, last point): each parameter keeps its value's bytes (after
 * percent-decoding) for signing, and its text decoded in the endpoint's character set for
 * everything else. Names are case-insensitive (reference §2.2: `orderID`, `ORDERID`, `OrderId` are
 * one parameter), keyed by their ASCII upper-case form. Pure: no database, no HTTP framework.
 *
 * Decisions (reference UNCONFIRMED points):
 * - The endpoint decides the character set, never the Content-Type's `charset` parameter (allowed,
 *   ignored): plain endpoints read ISO-8859-1, `_utf8` ones UTF-8 (reference §0, §2.2).
 * - ISO-8859-1 is read strictly: every byte is the character of the same code point (0xE9 is "é",
 *   0x80 is U+0080, not windows-1252's "€"). `TextDecoder('latin1')` is not used: the WHATWG label
 *   means windows-1252 and Node versions differ on it; Node's Buffer 'latin1' is ISO-8859-1 in all.
 *   The bytes used for SHA-IN are the ones sent, whatever the decoding.
 * - On a `_utf8` endpoint, bytes that are not UTF-8 are refused (`encoding`), never replaced by
 *   U+FFFD: a replacement would store a name other than the one sent, silently.
 * - A parameter sent twice, in any letter case, is refused (`repeated`): which copy the signature
 *   and the payment use would otherwise be ambiguous (a signer that upper-cases names signs both).
 * - A value holding U+0000 is refused (`nul`): the database cannot store it (DESIGN.md, Input).
 * - A `%` not followed by two hex digits is kept as it is (WHATWG URL Standard, percent-decode).
 * - Empty names (`=x`, `&&`) are skipped; a name without `=` has an empty value.
 * Refusals name the parameter, never its value (a value may be a card number).
 */

/** The character set a DirectLink endpoint reads and answers in (reference §0: each endpoint has an `_utf8` form). */
export type DirectLinkCharset = 'iso-8859-1' | 'utf-8';

/**
 * The largest DirectLink body read, in bytes (64 KiB). A DirectLink request is a few hundred bytes;
 * the HTTP layer caps every body at 1 MB before this. Source: our decision (issue 10, Bad input).
 */
export const DIRECTLINK_MAX_BODY_BYTES = 64 * 1024;

/** The media type a DirectLink body must have (reference §3, Transport). */
export const FORM_URLENCODED = 'application/x-www-form-urlencoded';

/** Why a body was not read. `parameter` is an upper-cased name (never a value). */
export type DirectLinkRequestRefusal =
  | { problem: 'contentType' }
  | { problem: 'tooLarge'; limitBytes: number }
  | { problem: 'encoding'; parameter: string }
  | { problem: 'repeated'; parameter: string }
  | { problem: 'nul'; parameter: string };

/** One parameter as sent: `name` upper-cased, `sentName` as typed, `bytes` the percent-decoded value, `text` those bytes decoded. */
export interface DirectLinkParameter {
  readonly name: string;
  readonly sentName: string;
  readonly bytes: Uint8Array;
  readonly text: string;
}

/** Reading's result: the parameters, or the refusal (never thrown). */
export type DirectLinkRequestResult =
  | { ok: true; params: DirectLinkParameters }
  | { ok: false; refusal: DirectLinkRequestRefusal };

/** Upper-cases ASCII letters only, so `ß` or `ı` in a name never become other letters. */
export function upperName(name: string): string {
  return name.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/**
 * The parameters of one request, looked up by name in any letter case. Built by
 * readDirectLinkRequest; keeps the order the parameters were sent in.
 */
export class DirectLinkParameters {
  readonly #byName: ReadonlyMap<string, DirectLinkParameter>;

  constructor(parameters: readonly DirectLinkParameter[]) {
    this.#byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  }

  /** The value's text (decoded in the endpoint's charset), or undefined when not sent. `name` in any case. */
  get(name: string): string | undefined {
    return this.#byName.get(upperName(name))?.text;
  }

  /** Whether the parameter was sent (even empty). */
  has(name: string): boolean {
    return this.#byName.has(upperName(name));
  }

  /** The value's bytes as sent (percent-decoded, not charset-decoded), or undefined when not sent. */
  bytes(name: string): Uint8Array | undefined {
    return this.#byName.get(upperName(name))?.bytes;
  }

  /** Upper-cased names, in the order sent. */
  names(): string[] {
    return [...this.#byName.keys()];
  }

  /**
   * Every parameter as (UPPERNAME, value bytes), in the order sent, for SHA-IN (reference §2.2:
   * the signer filters the whitelist, drops empty values and sorts).
   */
  signingPairs(): Array<readonly [string, Uint8Array]> {
    return [...this.#byName.values()].map((parameter) => [parameter.name, parameter.bytes] as const);
  }

  /** How many parameters were sent. */
  get size(): number {
    return this.#byName.size;
  }
}

/**
 * Whether a Content-Type header value is `application/x-www-form-urlencoded`, in any letter case,
 * with or without parameters such as `; charset=utf-8` (RFC 9110 §8.3.1). A missing header is not.
 */
export function isFormUrlEncoded(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';', 1)[0] ?? '';
  return mediaType.trim().toLowerCase() === FORM_URLENCODED;
}

/**
 * The charset of a DirectLink endpoint from its file name: `orderdirect_utf8.asp` → 'utf-8',
 * `orderdirect.asp` → 'iso-8859-1' (reference §0, endpoints; §2.2, last point).
 */
export function endpointCharset(fileName: string): DirectLinkCharset {
  return /_utf8\.asp$/i.test(fileName) ? 'utf-8' : 'iso-8859-1';
}

const PLUS = 0x2b;
const PERCENT = 0x25;
const AMPERSAND = 0x26;
const EQUALS = 0x3d;

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * Decodes one name or value of a form body: `+` is a space, `%XX` is the byte XX, a `%` without two
 * hex digits stays (WHATWG URL Standard, application/x-www-form-urlencoded parser).
 */
export function percentDecodeFormBytes(input: Uint8Array): Uint8Array {
  const output = new Uint8Array(input.length);
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    if (byte === PLUS) {
      output[length++] = 0x20;
      continue;
    }
    if (byte === PERCENT && i + 2 < input.length) {
      const high = hexValue(input[i + 1]!);
      const low = hexValue(input[i + 2]!);
      if (high >= 0 && low >= 0) {
        output[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    output[length++] = byte;
  }
  return output.slice(0, length);
}

/**
 * Splits a form body into (name bytes, value bytes) pairs, percent-decoded, in order; empty names
 * are skipped (WHATWG URL Standard, application/x-www-form-urlencoded parser, on bytes).
 */
export function parseFormBytes(body: Uint8Array): Array<{ name: Uint8Array; value: Uint8Array }> {
  const pairs: Array<{ name: Uint8Array; value: Uint8Array }> = [];
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(AMPERSAND, start);
    if (end === -1) end = body.length;
    const sequence = body.subarray(start, end);
    start = end + 1;
    if (sequence.length === 0) continue;
    const equals = sequence.indexOf(EQUALS);
    const name = equals === -1 ? sequence : sequence.subarray(0, equals);
    const value = equals === -1 ? new Uint8Array(0) : sequence.subarray(equals + 1);
    if (name.length === 0) continue;
    pairs.push({ name: percentDecodeFormBytes(name), value: percentDecodeFormBytes(value) });
  }
  return pairs;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** Bytes to text in a DirectLink charset; undefined when the bytes are not UTF-8 on a UTF-8 endpoint. */
export function decodeDirectLinkText(bytes: Uint8Array, charset: DirectLinkCharset): string | undefined {
  if (charset === 'iso-8859-1') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Reads a DirectLink body: checks the Content-Type (form-encoded, any charset parameter) and the
 * size (DIRECTLINK_MAX_BODY_BYTES), parses it at the byte level and decodes names and values in the
 * endpoint's `charset`. Returns the parameters, or a refusal (see the module's decisions); throws
 * nothing. The routes turn a refusal into its NCERROR reply (error-texts.ts, requestRefusalError).
 */
export function readDirectLinkRequest(
  body: Uint8Array,
  contentType: string | null | undefined,
  charset: DirectLinkCharset,
): DirectLinkRequestResult {
  if (!isFormUrlEncoded(contentType)) return { ok: false, refusal: { problem: 'contentType' } };
  if (body.length > DIRECTLINK_MAX_BODY_BYTES) {
    return { ok: false, refusal: { problem: 'tooLarge', limitBytes: DIRECTLINK_MAX_BODY_BYTES } };
  }
  const parameters: DirectLinkParameter[] = [];
  const seen = new Set<string>();
  for (const pair of parseFormBytes(body)) {
    const sentName = decodeDirectLinkText(pair.name, charset);
    if (sentName === undefined) {
      return { ok: false, refusal: { problem: 'encoding', parameter: upperName(utf8Lenient.decode(pair.name)) } };
    }
    const name = upperName(sentName);
    if (seen.has(name)) return { ok: false, refusal: { problem: 'repeated', parameter: name } };
    seen.add(name);
    const text = decodeDirectLinkText(pair.value, charset);
    if (text === undefined) return { ok: false, refusal: { problem: 'encoding', parameter: name } };
    if (text.includes('\u0000') || name.includes('\u0000')) return { ok: false, refusal: { problem: 'nul', parameter: name } };
    parameters.push({ name, sentName, bytes: pair.value, text });
  }
  return { ok: true, params: new DirectLinkParameters(parameters) };
}

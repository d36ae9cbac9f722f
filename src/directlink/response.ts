/**
 * Writing the DirectLink reply: one `<ncresponse …>` element whose attributes carry the result
 * (reference §3 "Response"), as orderdirect.asp, maintenancedirect.asp and querydirect.asp answer.
 *
 * Form, as a real platform reply in a client's recorded transcript (ActiveMerchant
 * test/unit/gateways/ogone_test.rb, `pre_scrub`): the prolog `<?xml version="1.0"?>` with no
 * encoding declaration, then `<ncresponse` with one attribute per line (CRLF), `>`, CRLF and
 * `</ncresponse>`; Content-Type `text/xml` with the charset. The reference's example writes
 * `<ncresponse …/>`: the same document to any XML parser.
 *
 * Decisions:
 * - Attribute order and spelling: the platform's (reference §3 example and [AM fixtures]):
 *   orderID, PAYID, PAYIDSUB, NCSTATUS, NCERROR, NCERRORPLUS, ACCEPTANCE, STATUS, IPCTY, CCCTY, ECI,
 *   CVCCheck, AAVCheck, VC, amount, currency, PM, BRAND, ALIAS. Where querydirect puts CARDNO and IP
 *   is UNCONFIRMED: after BRAND, before ALIAS. orderID, PAYID ("0" when none), NCSTATUS, NCERROR,
 *   NCERRORPLUS, ACCEPTANCE, STATUS ("0" when none), amount and currency are always written (empty
 *   when unknown, as the platform's refusals show); the others only when given.
 * - amount is the decimal amount, "not multiplied by 100" (reference §2.3 and the platform's
 *   DirectLink guide, "Order response": "amount: Order amount (not multiplied by 100)"), without
 *   trailing zeros: [AM fixtures] answer amount="1" to a request of 100 (cents). So 1.25 EUR → "1.25",
 *   1.50 → "1.5", 125.00 → "125" (the reference's amount="125" is 125 EUR).
 * - Charset: the `_utf8` endpoints answer UTF-8 bytes; the plain ones answer `charset=iso-8859-1`
 *   and write every character outside ASCII as a numeric character reference (`&#233;`), so the bytes
 *   are ASCII: the same text in ISO-8859-1, windows-1252 and UTF-8, and an XML parser that never sees
 *   the HTTP charset (the prolog declares none) still reads "é" correctly.
 * - WITHROOT=Y wraps the element in `<root>…</root>`. The platform adds "a root element" (reference
 *   §3); its name is UNCONFIRMED (the clients found read the `ncresponse` child and ignore it).
 * - CARDNO is written masked whatever the caller passes: a value with more than 10 digits keeps only
 *   its last 4 (reference §2.3: `XXXXXXXXXXXX1111`; first 6 / last 4 at most, issue 10).
 * Throws nothing: a reply must always go out (issue 10: never an HTML page, never a 500).
 */
import { type CurrencyCode, platformAmount } from '../lib/money.ts';
import { ncStatus } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import type { DirectLinkCharset } from './request.ts';

/** An amount in minor units with its currency (DESIGN.md, Time and money). */
export interface ReplyAmount {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

type Text = string | number | bigint;

/**
 * What one reply says. NCERROR is required ("0" on success); NCERRORPLUS defaults to the code's
 * text ("!" for "0", error-texts.ts); NCSTATUS is always the first digit of NCERROR (reference §3).
 * `currency` defaults to `amount.currency`; give it alone to echo a currency without an amount.
 * `more` adds further attributes after ALIAS (e.g. COMPLUS on a query); names that are not XML
 * names, or that repeat one above, are dropped.
 */
export interface DirectLinkReply {
  readonly orderID?: string;
  readonly PAYID?: Text;
  readonly PAYIDSUB?: Text;
  readonly NCERROR: string;
  readonly NCERRORPLUS?: string;
  readonly ACCEPTANCE?: string;
  readonly STATUS?: Text;
  readonly IPCTY?: string;
  readonly CCCTY?: string;
  readonly ECI?: Text;
  readonly CVCCheck?: string;
  readonly AAVCheck?: string;
  readonly VC?: string;
  readonly amount?: ReplyAmount;
  readonly currency?: string;
  readonly PM?: string;
  readonly BRAND?: string;
  readonly CARDNO?: string;
  readonly IP?: string;
  readonly ALIAS?: string;
  readonly more?: ReadonlyArray<readonly [string, string]>;
}

/** The root element WITHROOT=Y adds (name UNCONFIRMED, see the module's decisions). */
export const WITHROOT_ELEMENT = 'root';

/** Whether the request asked for the root element: WITHROOT=Y, in either case (reference §3). */
export function wantsRoot(withRoot: string | undefined): boolean {
  return withRoot?.trim().toUpperCase() === 'Y';
}

/** The reply's Content-Type for an endpoint's charset: `text/xml; charset=iso-8859-1` or `…utf-8`. */
export function replyContentType(charset: DirectLinkCharset): string {
  return `text/xml; charset=${charset}`;
}

/** An amount as a reply writes it: decimal, no trailing zeros (1.25 EUR → "1.25", 1.00 → "1", 1500 JPY → "1500"). */
export function replyAmount(amount: ReplyAmount): string {
  return platformAmount(amount.minor, amount.currency);
}

/** A card number as a reply may show it: more than 10 digits keeps only the last 4, the others become X. */
export function maskCardNumberForReply(cardno: string): string {
  const digits = cardno.replace(/\D/g, '');
  if (digits.length <= 10) return cardno;
  return `${'X'.repeat(Math.max(digits.length - 4, 0))}${digits.slice(-4)}`;
}

const FIXED_NAMES = [
  'orderID',
  'PAYID',
  'PAYIDSUB',
  'NCSTATUS',
  'NCERROR',
  'NCERRORPLUS',
  'ACCEPTANCE',
  'STATUS',
  'IPCTY',
  'CCCTY',
  'ECI',
  'CVCCheck',
  'AAVCheck',
  'VC',
  'amount',
  'currency',
  'PM',
  'BRAND',
  'CARDNO',
  'IP',
  'ALIAS',
] as const;

/** The reply's attributes in order, as (name, unescaped value) pairs. See the module's decisions. */
export function replyAttributes(reply: DirectLinkReply): Array<[string, string]> {
  const optional = (value: Text | undefined) => (value === undefined ? undefined : String(value));
  const values: Record<(typeof FIXED_NAMES)[number], string | undefined> = {
    orderID: reply.orderID ?? '',
    PAYID: optional(reply.PAYID) ?? '0',
    PAYIDSUB: optional(reply.PAYIDSUB),
    NCSTATUS: ncStatus(reply.NCERROR),
    NCERROR: reply.NCERROR,
    NCERRORPLUS: reply.NCERRORPLUS ?? ncErrorPlusText(reply.NCERROR),
    ACCEPTANCE: reply.ACCEPTANCE ?? '',
    STATUS: optional(reply.STATUS) ?? '0',
    IPCTY: reply.IPCTY,
    CCCTY: reply.CCCTY,
    ECI: optional(reply.ECI),
    CVCCheck: reply.CVCCheck,
    AAVCheck: reply.AAVCheck,
    VC: reply.VC,
    amount: reply.amount ? replyAmount(reply.amount) : '',
    currency: reply.currency ?? reply.amount?.currency ?? '',
    PM: reply.PM,
    BRAND: reply.BRAND,
    CARDNO: reply.CARDNO === undefined ? undefined : maskCardNumberForReply(reply.CARDNO),
    IP: reply.IP,
    ALIAS: reply.ALIAS,
  };
  const attributes: Array<[string, string]> = [];
  for (const name of FIXED_NAMES) {
    const value = values[name];
    if (value !== undefined) attributes.push([name, value]);
  }
  const taken = new Set(FIXED_NAMES.map((name) => name.toUpperCase()));
  for (const [name, value] of reply.more ?? []) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) || taken.has(name.toUpperCase())) continue;
    taken.add(name.toUpperCase());
    attributes.push([name, value]);
  }
  return attributes;
}

const NEEDS_ESCAPE = /[&<>"'\u0000-\u001f\u007f-\uffff]/;
const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * An attribute value escaped for XML 1.0 (XML 1.0 §2.2, §3.3.3): `& < > " '` as entities; tab, LF
 * and CR as references (kept through attribute-value normalisation); other C0 controls, lone
 * surrogates and U+FFFE/U+FFFF (not allowed in XML 1.0) as U+FFFD; DEL and C1 controls as
 * references. With `asciiOnly`, every character above U+007F is a numeric reference.
 */
export function escapeXmlAttribute(value: string, asciiOnly: boolean): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  let out = '';
  for (const character of value) {
    const reference = REFERENCES[character];
    if (reference) {
      out += reference;
      continue;
    }
    let code = character.codePointAt(0)!;
    if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) code = 0xfffd;
    if ((code >= 0x7f && code <= 0x9f) || (asciiOnly && code > 0x7e)) out += `&#${code};`;
    else out += String.fromCodePoint(code);
  }
  return out;
}

/** The reply as XML text (prolog, optional root, `ncresponse`); ASCII only for the ISO-8859-1 endpoints. */
export function directLinkReplyXml(reply: DirectLinkReply, options: { charset: DirectLinkCharset; withRoot: boolean }): string {
  const asciiOnly = options.charset === 'iso-8859-1';
  const attributes = replyAttributes(reply)
    .map(([name, value]) => `\r\n${name}="${escapeXmlAttribute(value, asciiOnly)}"`)
    .join('');
  const element = `<ncresponse${attributes}>\r\n</ncresponse>`;
  const body = options.withRoot ? `<${WITHROOT_ELEMENT}>${element}</${WITHROOT_ELEMENT}>` : element;
  return `<?xml version="1.0"?>${body}`;
}

const utf8 = new TextEncoder();

/**
 * The reply ready to send: its bytes in the endpoint's charset and the Content-Type that declares
 * it (`text/xml; charset=iso-8859-1` or `text/xml; charset=utf-8`). `withRoot` from wantsRoot(WITHROOT).
 */
export function encodeDirectLinkReply(
  reply: DirectLinkReply,
  options: { charset: DirectLinkCharset; withRoot: boolean },
): { body: Uint8Array; contentType: string } {
  // The ISO-8859-1 text is ASCII (see directLinkReplyXml), whose UTF-8 bytes are the same bytes.
  return { body: utf8.encode(directLinkReplyXml(reply, options)), contentType: replyContentType(options.charset) };
}

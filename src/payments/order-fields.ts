import { isIP } from 'node:net';
import { isEmailAddress } from '../forms/fields.ts';

/**
 * The formats of an order's fields: one table, read by every way an order comes in — DirectLink
 * (src/directlink/order-direct.ts, which refuses a value breaking its rule with NCERROR 50001125
 * and NCERRORPLUS "<FIELD>: <rule>") and the e-Terminal's form (src/e-terminal/forms.ts, whose
 * fields take their length and shape from here) — so the two cannot drift apart.
 *
 * Source: reference/ogone-platform.md §2.1 "Customer data" (`CN` AN35, `EMAIL` AN50,
 * `OWNERADDRESS` AN50, `OWNERZIP` AN10, `OWNERTOWN` AN40, `OWNERCTY` 2-letter, `OWNERTELNO`
 * AN30, `COM` AN100; `ORDERID` AN40; `LANGUAGE` "e.g. en_US, fr_FR, nl_BE") and §3 "New order"
 * (`REMOTE_ADDR`: the customer's IP, `NONE` skips the IP country check; `GLOBORDERID` groups
 * orders). Our decisions where the reference gives no format:
 * - lengths count characters (code points), as the platform's AN fields do, of the value as sent
 *   (DirectLink) or as typed and trimmed (the e-Terminal);
 * - free text is "printable": no C0 control character (U+0000–U+001F: no tab or line break) and
 *   no DEL. C1 code points (U+0080–U+009F) are allowed, because a UTF-8 name sent to a plain
 *   (ISO-8859-1) endpoint reads as such characters and the platform pays it (reference §2.2);
 * - EMAIL: one bare address, the application's one e-mail check (src/forms/fields.ts);
 * - OWNERCTY: an assigned ISO 3166-1 alpha-2 code, in either letter case (stored upper-case);
 * - LANGUAGE: a language and a country code joined by `_`, as `en_US`;
 * - REMOTE_ADDR: an IPv4 or IPv6 address (node:net isIP), or `NONE`; at most 45 characters (the
 *   longest IPv6 text);
 * - GLOBORDERID: as ORDERID, at most 40 printable characters.
 * Parameters Guichet does not read (ECOM_*, the 3-D Secure browser fields…) are signed, not judged.
 */

/** One field's rule: at most `max` characters, and the shape `pattern` (a regular expression, or a check a regular expression cannot say). */
export type OrderFieldRule = {
  readonly max: number;
  readonly pattern: RegExp | ((value: string) => boolean);
  /** The rule in words, as NCERRORPLUS says it after the field's name (never the value). */
  readonly rule: string;
};

/** Printable text: no C0 control character and no DEL (see the module's decisions). */
const PRINTABLE = /^[^\u0000-\u001F\u007F]*$/u;

/** ISO 3166-1 alpha-2: the 249 officially assigned codes. */
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code, in either letter case. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code.toUpperCase());
}

/** The rules, by the platform's parameter name, in the order a request's fields are judged. */
export const ORDER_FIELDS = {
  ORDERID: { max: 40, pattern: /^[^\p{Cc}]+$/u, rule: '1 to 40 printable characters' },
  CN: { max: 35, pattern: PRINTABLE, rule: 'at most 35 printable characters' },
  EMAIL: { max: 50, pattern: isEmailAddress, rule: 'an e-mail address (name@example.com) of at most 50 characters' },
  OWNERADDRESS: { max: 50, pattern: PRINTABLE, rule: 'at most 50 printable characters' },
  OWNERZIP: { max: 10, pattern: PRINTABLE, rule: 'at most 10 printable characters' },
  OWNERTOWN: { max: 40, pattern: PRINTABLE, rule: 'at most 40 printable characters' },
  OWNERCTY: { max: 2, pattern: isCountryCode, rule: 'a 2-letter ISO 3166-1 country code, e.g. FR' },
  OWNERTELNO: { max: 30, pattern: PRINTABLE, rule: 'at most 30 printable characters' },
  COM: { max: 100, pattern: PRINTABLE, rule: 'at most 100 printable characters' },
  LANGUAGE: { max: 5, pattern: /^[a-z]{2}_[A-Z]{2}$/, rule: 'a language code such as en_US' },
  REMOTE_ADDR: {
    max: 45,
    pattern: (value: string) => value === 'NONE' || isIP(value) !== 0,
    rule: 'an IPv4 or IPv6 address, or NONE',
  },
  GLOBORDERID: { max: 40, pattern: PRINTABLE, rule: 'at most 40 printable characters' },
} as const satisfies Record<string, OrderFieldRule>;

export type OrderField = keyof typeof ORDER_FIELDS;

/** Whether `value` keeps `field`'s rule: at most its length (in code points), and its shape. */
export function keepsRule(field: OrderField, value: string): boolean {
  const rule: OrderFieldRule = ORDER_FIELDS[field];
  if ([...value].length > rule.max) return false;
  return typeof rule.pattern === 'function' ? rule.pattern(value) : rule.pattern.test(value);
}

/** The NCERRORPLUS text of a value breaking `field`'s rule: "CN: at most 35 printable characters" (never the value). */
export function ruleText(field: OrderField): string {
  return `${field}: ${ORDER_FIELDS[field].rule}`;
}

/**
 * The first field of `fields` (default: the whole table, in its order) whose value breaks its
 * rule, or undefined. `sent` gives a field's value as sent; undefined or '' is "not sent" and
 * not judged (a required field's absence is the caller's check: 50001111).
 */
export function firstBrokenRule(
  sent: (field: OrderField) => string | undefined,
  fields: readonly OrderField[] = Object.keys(ORDER_FIELDS) as OrderField[],
): OrderField | undefined {
  return fields.find((field) => {
    const value = sent(field);
    return value !== undefined && value !== '' && !keepsRule(field, value);
  });
}

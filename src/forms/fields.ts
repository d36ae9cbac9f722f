import * as v from 'valibot';
import type { Message, PlainKey } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import type { AmountProblem, CurrencyCode } from '../lib/money.ts';
import { currencyDigits, isCurrencyCode, parseAmount } from '../lib/money.ts';
import { isIsoDate, listedTimeZone } from '../lib/time.ts';
import { encodeMessage } from './message-codec.ts';

/**
 * Field types for every form: one definition per field (name, id, max length, required) read by
 * the parser (parseForm) and by the view, so neither repeats an id or a length. Each type is a
 * valibot schema over the posted string ('' when the field was not sent) whose issues carry
 * catalogue keys (decision record 0013).
 */
export type RawForm = Readonly<Record<string, string>>;

export type FieldSpec<T> = {
  /** The HTML id, when it is not `<form id>-<field name in kebab-case>`. */
  id?: string;
  /** Characters (code points) at most: the input's maxlength and the parser's limit. */
  maxLength?: number;
  required: boolean;
  /** Passwords and codes: taken exactly as typed, never shown back. */
  secret?: boolean;
  /** The schema of the posted text; some types read another field of the form (money reads its currency). */
  schema: (form: RawForm) => v.GenericSchema<string, T>;
};

const m = (problem: Message) => encodeMessage(problem);

// Control characters other than tab, line feed and carriage return; U+FFFD marks bytes that were not UTF-8.
const INVALID_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/** True when the value has characters a form should never carry; such values are not shown back. */
export function hasInvalidCharacters(value: string): boolean {
  return INVALID_CHARACTERS.test(value);
}

/**
 * A posted text with the checks every typed text gets: trimmed unless exact, no control
 * characters, not empty when required, not longer than `max` code points (what a Postgres
 * varchar counts).
 */
function checkedText(options: { max: number; required?: PlainKey; exact?: boolean }): v.GenericSchema<string, string> {
  const checks = v.pipe(
    v.string(),
    v.check((s: string) => !INVALID_CHARACTERS.test(s), m(message('form.invalidCharacters'))),
    v.check((s: string) => !options.required || s.trim().length > 0, m(message(options.required ?? 'form.invalid'))),
    v.check((s: string) => [...s.trim()].length <= options.max, m(message('form.tooLong', { max: options.max }))),
  );
  return options.exact ? checks : v.pipe(checks, v.trim());
}

type TextOptions = {
  max: number;
  /** Message when empty; without it the field is optional ('' when empty). */
  required?: PlainKey;
  /** A shape the trimmed value must have (when not empty), and the message when it has not. */
  pattern?: { regex: RegExp; message: PlainKey };
  id?: string;
};

/** A one-line text, trimmed. */
export function text(options: TextOptions): FieldSpec<string> {
  const { pattern } = options;
  return {
    id: options.id,
    maxLength: options.max,
    required: Boolean(options.required),
    schema: () =>
      v.pipe(
        checkedText(options),
        v.check((s: string) => !pattern || s === '' || pattern.regex.test(s), m(message(pattern?.message ?? 'form.invalid'))),
      ),
  };
}

/** A password or a code: exactly as typed (never trimmed), never shown back after a mistake. */
export function secret(options: { max: number; required?: PlainKey; id?: string }): FieldSpec<string> {
  return {
    id: options.id,
    maxLength: options.max,
    required: Boolean(options.required),
    secret: true,
    schema: () => checkedText({ ...options, exact: true }),
  };
}

/**
 * An e-mail address: a bare `local@domain.tld` and nothing else, at most `max` characters (254 by
 * default, RFC 5321 §4.5.3.1.3); '' when optional and empty. The one e-mail check of the
 * application: every form that takes an address uses this field type (and the payment fields,
 * isEmailAddress), so what is shown is where the mail goes.
 */
export function email(options: { invalid: PlainKey; required?: PlainKey; id?: string; max?: number }): FieldSpec<string> {
  return text({
    max: options.max ?? 254,
    required: options.required,
    id: options.id,
    pattern: { regex: EMAIL_PATTERN, message: options.invalid },
  });
}

/** A letter, mark or digit of any script (internationalised addresses, RFC 6531). */
const WORD_CHARACTER = String.raw`[\p{L}\p{M}\p{N}]`;
/** RFC 5322 atext without `!` and `%` (UUCP and percent-hack routing through a relay). */
const LOCAL_CHARACTER = String.raw`[\p{L}\p{M}\p{N}#$&'*+/=?^_\x60{|}~-]`;
const DOMAIN_LABEL = String.raw`${WORD_CHARACTER}(?:[\p{L}\p{M}\p{N}-]{0,61}${WORD_CHARACTER})?`;
/** The last label: letters (an IDN top-level domain typed in its script), or its xn-- form. */
const TOP_LEVEL_DOMAIN = String.raw`(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})`;

/**
 * One mailbox, nothing around it: a dot-atom local part of at most 64 characters, one `@`, and a
 * domain name of two labels or more. Everything that makes a mail program or a relay deliver
 * elsewhere than the address read is refused by construction: display names and angle brackets,
 * comments, quotes, lists and groups (`,;:`), source routes, `!` and `%` routing, RFC 2047
 * encoded words (`=?`), address literals, and any space, control, invisible or bidirectional
 * character (issue 8 item 9; "Splitting the e-mail atom", PortSwigger 2024).
 */
const EMAIL_PATTERN = new RegExp(
  String.raw`^(?=[^@]{1,64}@)(?![^@]*=\?)${LOCAL_CHARACTER}+(?:\.${LOCAL_CHARACTER}+)*@(?:${DOMAIN_LABEL}\.)+${TOP_LEVEL_DOMAIN}$`,
  'iu',
);

/** Whether `value` is one bare e-mail address as the email field type accepts it (EMAIL_PATTERN; no length limit here). */
export function isEmailAddress(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}

/** A checkbox: true when sent as "1" (or "on", a browser's default value). */
export function checkbox(options: { id?: string } = {}): FieldSpec<boolean> {
  return {
    id: options.id,
    required: false,
    schema: () =>
      v.pipe(
        v.string(),
        v.transform((s: string) => s === '1' || s === 'on'),
      ),
  };
}

/** One of a fixed list of values (a select or radio buttons); anything else gets `invalid`. */
export function choice<const T extends string>(values: readonly T[], options: { invalid: PlainKey; id?: string }): FieldSpec<T> {
  return {
    id: options.id,
    required: true,
    schema: () => v.pipe(v.string(), v.trim(), v.picklist(values, m(message(options.invalid)))),
  };
}

/** An IANA time zone name ("Europe/Brussels"), one the pickers list, saved under their name for it (listedTimeZone). */
export function timeZone(options: { invalid: PlainKey; id?: string }): FieldSpec<string> {
  return {
    id: options.id,
    maxLength: 64,
    required: true,
    schema: () =>
      v.pipe(
        checkedText({ max: 64, required: options.invalid }),
        v.transform(listedTimeZone),
        v.string(m(message(options.invalid))),
      ),
  };
}

/** The dates a date field accepts: anything else is a typing mistake, never a query. */
export const DATE_RANGE = { min: '2000-01-01', max: '2099-12-31' } as const;

/**
 * A calendar date typed as YYYY-MM-DD, between DATE_RANGE.min and .max; undefined when empty
 * and optional. The zone it is read in is the caller's (zonedDayRange).
 */
export function date(options: { required?: PlainKey; id?: string } = {}): FieldSpec<string | undefined> {
  return {
    id: options.id,
    maxLength: 10,
    required: Boolean(options.required),
    schema: () =>
      v.pipe(
        checkedText({ max: 10, required: options.required }),
        v.check((s: string) => s === '' || isIsoDate(s), m(message('form.date.format'))),
        v.check(
          (s: string) => s === '' || (s >= DATE_RANGE.min && s <= DATE_RANGE.max),
          m(message('form.date.range', { min: DATE_RANGE.min, max: DATE_RANGE.max })),
        ),
        v.transform((s: string) => (s === '' ? undefined : s)),
      ),
  };
}

/**
 * A whole number typed in a text box, from `bounds.min` to `bounds.max`; `wrong` says the range.
 * Leading zeros are read as written ("045" and "0540" are 45 and 540); signs, decimals and
 * exponents are refused.
 */
export function wholeNumber(bounds: { min: number; max: number }, wrong: Message): FieldSpec<number> {
  const width = String(bounds.max).length + 2;
  const digits = new RegExp(`^\\d{1,${width}}$`);
  return {
    maxLength: width,
    required: true,
    schema: () =>
      v.pipe(
        v.string(),
        v.trim(),
        v.check((s: string) => digits.test(s) && Number(s) >= bounds.min && Number(s) <= bounds.max, encodeMessage(wrong)),
        v.transform((s: string) => Number(s)),
      ),
  };
}

/** An ISO 4217 alphabetic currency code that Guichet knows (src/lib/money.ts). */
export function currency(options: { id?: string } = {}): FieldSpec<CurrencyCode> {
  return {
    id: options.id,
    maxLength: 3,
    required: true,
    schema: () =>
      v.pipe(
        v.string(),
        v.trim(),
        v.toUpperCase(),
        v.check((s: string) => isCurrencyCode(s), m(message('form.currency'))),
        v.transform((s: string) => s as CurrencyCode),
      ),
  };
}

const AMOUNT_MESSAGES: Record<Exclude<AmountProblem, 'decimals'>, Message> = {
  format: message('form.amount.format'),
  separator: message('form.amount.separator'),
  tooLarge: message('form.amount.tooLarge'),
};

/**
 * An amount typed as a decimal in its currency's minor-unit digits ("15.00" EUR, "1500" JPY,
 * "1.500" KWD), read into an integer of minor units (src/lib/money.ts parseAmount). The
 * currency is fixed, or read from another field of the same form; while that field is wrong,
 * the amount is not judged. Undefined when empty and optional.
 */
export function money(options: {
  currency: CurrencyCode | { field: string };
  required?: PlainKey;
  id?: string;
}): FieldSpec<number | undefined> {
  return {
    id: options.id,
    maxLength: 20,
    required: Boolean(options.required),
    schema: (form) => {
      const code =
        typeof options.currency === 'string' ? options.currency : (form[options.currency.field] ?? '').trim().toUpperCase();
      return v.pipe(
        checkedText({ max: 20, required: options.required }),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          const typed = dataset.value;
          if (typed === '' || !isCurrencyCode(code)) return undefined;
          const result = parseAmount(typed, code);
          if ('minor' in result) return result.minor;
          const digits = currencyDigits(code);
          const problem =
            result.problem !== 'decimals'
              ? AMOUNT_MESSAGES[result.problem]
              : digits === 0
                ? message('form.amount.noDecimals', { currency: code })
                : message('form.amount.decimals', { count: digits, currency: code });
          addIssue({ message: m(problem) });
          return NEVER;
        }),
      );
    },
  };
}

/** A whole number (a hidden version field, a count), within bounds; `fallback` when empty or not a number. */
export function integer(options: { min: number; max: number; fallback: number; id?: string }): FieldSpec<number> {
  return {
    id: options.id,
    required: false,
    schema: () =>
      v.pipe(
        v.string(),
        v.trim(),
        v.transform((s: string) => {
          const n = /^-?\d{1,15}$/.test(s) ? Number(s) : Number.NaN;
          return Number.isSafeInteger(n) && n >= options.min && n <= options.max ? n : options.fallback;
        }),
      ),
  };
}

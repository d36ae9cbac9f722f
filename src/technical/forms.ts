import * as v from 'valibot';
import type { DataCapture, DefaultOperation, PostSaleTiming, ProcessingMode } from '../db/schema/technical.ts';
import {
  CHARSETS,
  DATA_CAPTURES,
  DEFAULT_OPERATIONS,
  POST_SALE_TIMINGS,
  PROCESSING_MODES,
  SHA_ALGORITHM_NAMES,
} from '../db/schema/technical.ts';
import type { FieldSpec } from '../forms/fields.ts';
import { checkbox, choice, email, integer, secret, text, wholeNumber } from '../forms/fields.ts';
import { encodeMessage } from '../forms/message-codec.ts';
import type { FormDef } from '../forms/parse.ts';
import { defineForm } from '../forms/parse.ts';
import type { Message, PlainKey } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import { isFeedbackUrl } from '../lib/urls.ts';
import { MAX_ALLOWED_IPS, readIpList } from './ip-list.ts';
import { PASSPHRASE_LENGTH, PASSPHRASE_PATTERN } from './passphrase.ts';
import type { TechnicalSection } from './sections.ts';

/** For the views: the choices of the selects, the page's tabs and sections, and their address parts. */
export {
  CHARSETS,
  DATA_CAPTURES,
  DEFAULT_OPERATIONS,
  POST_SALE_TIMINGS,
  PROCESSING_MODES,
  SHA_ALGORITHM_NAMES,
} from '../db/schema/technical.ts';
export { SECTION_PASSPHRASE, SECTION_TAB, TECHNICAL_SECTIONS, TECHNICAL_TABS, technicalSlug } from './sections.ts';

/**
 * The forms of Configuration > Technical information (PRODUCT.md F1; reference §0, §2.2, §2.3):
 * one per section, each with the version of its section (a hidden field; missing or malformed is
 * 0, never current, so the edit is stale). Read by parseForm and by the views (views/technical/).
 */

/** The ECI values a new order may carry (DirectLink's rule, src/directlink/order-direct.ts), as the default ECI offers them. */
export const ECI_CHOICES = ['0', '1', '2', '3', '4', '5', '6', '7', '9'] as const;

/** Default data capture after x days: x is 2 at least (reference §0) and 30 at most (Guichet's bound: authorisations do not last longer). */
export const CAPTURE_DAYS = { min: 2, max: 30 } as const;
/** Payment retries (reference §0: "maximum attempts, default 10"); Guichet's bounds. */
export const PAYMENT_RETRIES = { min: 1, max: 99 } as const;
/** Referrer URLs at most (Guichet's bound). */
export const MAX_REFERRER_URLS = 20;

/**
 * The feedback parameters a merchant may pick ("Dynamic e-Commerce parameters", reference §2.3):
 * the parameters the platform sends after a payment, and a few more of the SHA-OUT list.
 */
export const FEEDBACK_PARAMETERS = [
  'ACCEPTANCE',
  'ALIAS',
  'AMOUNT',
  'BRAND',
  'CARDNO',
  'CN',
  'CURRENCY',
  'ECI',
  'ED',
  'EMAIL',
  'IP',
  'NCERROR',
  'ORDERID',
  'PAYID',
  'PM',
  'STATUS',
  'TRXDATE',
] as const;

const m = (key: PlainKey) => encodeMessage(message(key));
const version = () => integer({ min: 0, max: 2_147_483_647, fallback: 0 });

/** A new passphrase: '' keeps the current one; else PASSPHRASE_PATTERN, taken exactly as typed and never shown back. */
function passphrase(): FieldSpec<string> {
  const typed = secret({ max: PASSPHRASE_LENGTH.max });
  const wrong = encodeMessage(message('technical.error.passphrase', PASSPHRASE_LENGTH));
  return {
    ...typed,
    schema: (form) =>
      v.pipe(
        typed.schema(form),
        v.check((s: string) => s === '' || PASSPHRASE_PATTERN.test(s), wrong),
      ),
  };
}

/** One address Guichet calls back (isFeedbackUrl); '' for none. */
function feedbackUrl(): FieldSpec<string> {
  const typed = text({ max: 500 });
  return {
    ...typed,
    schema: (form) =>
      v.pipe(
        typed.schema(form),
        v.check((s: string) => s === '' || isFeedbackUrl(s), m('technical.error.feedbackUrl')),
      ),
  };
}

/** The lines of a multi-line text, trimmed, empty ones left out. */
function linesOf(typed: string): string[] {
  return typed
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A list typed in a text box: `read` gives its entries, or the problem to show beside the field
 * (what was typed is kept by the form).
 */
function typedList(read: (typed: string) => string[] | Message): FieldSpec<string[]> {
  const typed = text({ max: 10_000 });
  return {
    ...typed,
    maxLength: undefined,
    schema: (form) =>
      v.pipe(
        typed.schema(form),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          const entries = read(dataset.value);
          if (Array.isArray(entries)) return entries;
          addIssue({ message: encodeMessage(entries) });
          return NEVER;
        }),
      ),
  };
}

/** Referrer URLs, one per line: each an http(s) address of a named host (isFeedbackUrl), MAX_REFERRER_URLS at most. */
function referrerUrls(): FieldSpec<string[]> {
  return typedList((typed) => {
    const lines = linesOf(typed);
    const wrong = lines.filter((line) => !isFeedbackUrl(line));
    if (wrong.length > 0) return message('technical.error.referrerUrls', { wrong: wrong.join(', ') });
    const urls = [...new Set(lines)];
    return urls.length > MAX_REFERRER_URLS ? message('technical.error.referrerUrlsTooMany', { max: MAX_REFERRER_URLS }) : urls;
  });
}

/** Allowed IP addresses, one per line or comma-separated, normalised (readIpList). */
function allowedIps(): FieldSpec<string[]> {
  return typedList((typed) => {
    const reading = readIpList(typed);
    if (reading.ok) return reading.addresses;
    return 'wrong' in reading
      ? message('technical.error.allowedIps', { wrong: reading.wrong.join(', ') })
      : message('technical.error.allowedIpsTooMany', { max: MAX_ALLOWED_IPS });
  });
}

/** The merchant's e-mail addresses, separated by `;` (reference §0) or commas, each one address; '' for none. */
function emailList(): FieldSpec<string[]> {
  const typed = text({ max: 1000 });
  const one = email({ invalid: 'technical.error.merchantEmails' });
  return {
    ...typed,
    schema: (form) =>
      v.pipe(
        typed.schema(form),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          const addresses = dataset.value
            .split(/[;,]/)
            .map((entry) => entry.trim())
            .filter((entry) => entry !== '');
          const wrong = addresses.filter((address) => !v.safeParse(one.schema(form), address).success);
          if (wrong.length === 0) return [...new Set(addresses)];
          addIssue({ message: encodeMessage(message('technical.error.merchantEmailsWrong', { wrong: wrong.join('; ') })) });
          return NEVER;
        }),
      ),
  };
}

/** Global transaction parameters. */
export const transactionForm = defineForm('technical-transaction', {
  defaultOperation: choice<DefaultOperation>(DEFAULT_OPERATIONS, { invalid: 'technical.error.choice' }),
  dataCapture: choice<DataCapture>(DATA_CAPTURES, { invalid: 'technical.error.choice' }),
  captureAfterDays: wholeNumber(CAPTURE_DAYS, message('technical.error.captureAfterDays', CAPTURE_DAYS)),
  processingMode: choice<ProcessingMode>(PROCESSING_MODES, { invalid: 'technical.error.choice' }),
  paymentRetries: wholeNumber(PAYMENT_RETRIES, message('technical.error.paymentRetries', PAYMENT_RETRIES)),
  defaultEci: choice(ECI_CHOICES, { invalid: 'technical.error.choice' }),
  version: version(),
});

/** Global security parameters: the hash algorithm of SHA-IN and SHA-OUT, and the character set. */
export const securityForm = defineForm('technical-security', {
  shaAlgorithm: choice(SHA_ALGORITHM_NAMES, { invalid: 'technical.error.choice' }),
  charset: choice(CHARSETS, { invalid: 'technical.error.choice' }),
  version: version(),
});

/** Checks for e-Commerce & Alias Gateway: the referrer URLs and the SHA-IN passphrase. */
export const ecommerceForm = defineForm('technical-ecommerce', {
  referrerUrls: referrerUrls(),
  passphrase: passphrase(),
  version: version(),
});

/** Checks for DirectLink & Batch: the allowed IP addresses and the SHA-IN passphrase. */
export const directLinkForm = defineForm('technical-directlink', {
  allowedIps: allowedIps(),
  passphrase: passphrase(),
  version: version(),
});

/** One checkbox per feedback parameter, named by the parameter, id `technical-feedback-param-<name>`. */
const parameterBoxes = Object.fromEntries(
  FEEDBACK_PARAMETERS.map((name) => [name, checkbox({ id: `technical-feedback-param-${name.toLowerCase()}` })]),
) as Record<(typeof FEEDBACK_PARAMETERS)[number], FieldSpec<boolean>>;

/** Transaction feedback: SHA-OUT passphrase, post-sale URLs and timing, status-change URL, parameters sent. */
export const feedbackForm = defineForm('technical-feedback', {
  passphrase: passphrase(),
  postSaleUrlAccepted: feedbackUrl(),
  postSaleUrlDeclined: feedbackUrl(),
  postSaleTiming: choice<PostSaleTiming>(POST_SALE_TIMINGS, { invalid: 'technical.error.choice' }),
  statusChangeUrl: feedbackUrl(),
  ...parameterBoxes,
  version: version(),
});

/** Transaction e-mails: the merchant's addresses and which mails go. */
export const emailsForm = defineForm('technical-emails', {
  merchantEmails: emailList(),
  merchantConfirmationEmails: checkbox(),
  statusChangeEmails: checkbox(),
  customerConfirmationEmails: checkbox(),
  version: version(),
});

/** Each section's form. */
export const TECHNICAL_FORMS: Record<TechnicalSection, FormDef> = {
  transaction: transactionForm,
  security: securityForm,
  ecommerce: ecommerceForm,
  directLink: directLinkForm,
  feedback: feedbackForm,
  emails: emailsForm,
};

/**
 * The form the "generate" button of a passphrase posts: the section's version, and `confirmed`,
 * sent by the confirmation page that replacing a passphrase already set needs.
 */
export const generateForm = defineForm('technical-generate', { version: version(), confirmed: checkbox() });

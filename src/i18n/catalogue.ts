import { accountMessages } from '../account/messages.ts';
import { auditMessages } from '../audit/messages.ts';
import { authMessages } from '../auth/messages.ts';
import { cookieMessages } from '../cookies/messages.ts';
import type { Language } from '../db/schema/users.ts';
import { eTerminalMessages } from '../e-terminal/messages.ts';
import { errorLogMessages } from '../error-log/messages.ts';
import { financialHistoryMessages } from '../financial-history/messages.ts';
import { homeMessages } from '../home/messages.ts';
import { otpMessages } from '../otp/messages.ts';
import { passwordMessages } from '../password/messages.ts';
import { paymentMessages } from '../payments/messages.ts';
import { productionMessages } from '../production/messages.ts';
import { supportMessages } from '../support/messages.ts';
import { technicalMessages } from '../technical/messages.ts';
import { transactionMessages } from '../transactions/messages.ts';
import { userMessages } from '../users/messages.ts';
import { commonMessages } from './common.ts';
import type { ParamsOfText, Text } from './define.ts';

/** The one message catalogue: every text of every page, in English and French. */
const parts = [
  commonMessages,
  authMessages,
  homeMessages,
  supportMessages,
  cookieMessages,
  passwordMessages,
  otpMessages,
  userMessages,
  auditMessages,
  accountMessages,
  productionMessages,
  paymentMessages,
  errorLogMessages,
  eTerminalMessages,
  financialHistoryMessages,
  technicalMessages,
  transactionMessages,
];

// A key two parts define would silently take the later part's text (and break its type): refused at start.
const definedKeys = new Set<string>();
for (const key of parts.flatMap((part) => Object.keys(part.en))) {
  if (definedKeys.has(key)) throw new Error(`The message key ${key} is defined by two parts of the catalogue`);
  definedKeys.add(key);
}

type English = UnionToIntersection<(typeof parts)[number]['en']>;
const en = Object.assign({}, ...parts.map((part) => part.en)) as English;
const fr = Object.assign({}, ...parts.map((part) => part.fr)) as Record<keyof English, Text>;

export type MessageKey = keyof English & string;
/** The names of the parameters a key's text needs (never when it needs none). */
export type ParamsOf<K extends MessageKey> = ParamsOfText<English[K]>;
/**
 * A parameter: a text as is, a number (Intl-formatted), or another Message, translated in the
 * same language (a text made of other texts, like a refusal with its reasons). Messages that
 * travel through form parsing (src/forms/message-codec.ts) carry strings and numbers only.
 */
export type ParamValue = string | number | Message;
/** The parameters argument of a key: nothing for a key without parameters, else every one of them. */
export type ParamsArg<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, ParamValue>];
/** Keys whose text needs no parameter: what a prop that takes "a text" accepts. */
export type PlainKey = { [K in MessageKey]: [ParamsOf<K>] extends [never] ? K : never }[MessageKey];

/** A text to show later (a field's problem, a flash, a refusal): its key and parameters, checked when made. */
export type Message = { readonly key: MessageKey; readonly params?: Readonly<Record<string, ParamValue>> };

/** Makes a Message; the compiler checks that `params` names exactly what the text needs. */
export function message<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  return params[0] === undefined ? { key } : { key, params: params[0] };
}

/** Translates a key in the reader's language; `.message()` translates a Message made earlier. */
export type Translate = {
  <K extends MessageKey>(key: K, ...params: ParamsArg<K>): string;
  message(message: Message): string;
  /** The reader's language, for Intl formatting. */
  readonly language: Language;
};

const catalogues: Record<Language, Record<MessageKey, Text>> = { en, fr };
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-BE' };
const translators = new Map<Language, Translate>();

/** The Intl locale of a language (British English, Belgian French: day/month order, 24-hour clock). */
export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** The translator of a language, made once and reused. */
export function translator(language: Language): Translate {
  const existing = translators.get(language);
  if (existing) return existing;
  const catalogue = catalogues[language];
  const plurals = new Intl.PluralRules(LOCALES[language]);
  const numbers = new Intl.NumberFormat(LOCALES[language]);
  const render = (key: MessageKey, params?: Readonly<Record<string, ParamValue>>): string => {
    const text: Text = catalogue[key] ?? en[key] ?? key;
    const chosen = typeof text === 'string' ? text : pluralForm(text, plurals, params?.count);
    if (!params) return chosen;
    return chosen.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === 'number'
        ? numbers.format(value)
        : typeof value === 'string'
          ? value
          : render(value.key, value.params);
    });
  };
  const translate = ((key: MessageKey, params?: Record<string, ParamValue>) => render(key, params)) as Translate;
  translate.message = (m) => render(m.key, m.params);
  Object.defineProperty(translate, 'language', { value: language });
  translators.set(language, translate);
  return translate;
}

function pluralForm(text: Exclude<Text, string>, rules: Intl.PluralRules, count: ParamValue | undefined): string {
  if (typeof count !== 'number') return text.other;
  return text[rules.select(count)] ?? text.other;
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

/** Every key with its text in each language, for the catalogue's own tests. */
export function allMessages(): Record<Language, Record<string, Text>> {
  return catalogues;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

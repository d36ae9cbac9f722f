import { auditMessages } from '../audit/messages.ts';
import { authMessages } from '../auth/messages.ts';
import { cookieMessages } from '../cookies/messages.ts';
import type { Language } from '../db/schema/users.ts';
import { homeMessages } from '../home/messages.ts';
import { otpMessages } from '../otp/messages.ts';
import { passwordMessages } from '../password/messages.ts';
import { supportMessages } from '../support/messages.ts';
import { userMessages } from '../users/messages.ts';
import { commonMessages } from './common.ts';

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
];

const en = Object.assign({}, ...parts.map((part) => part.en)) as UnionToIntersection<(typeof parts)[number]['en']>;
const fr = Object.assign({}, ...parts.map((part) => part.fr)) as Record<keyof typeof en, string>;

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Language, Record<MessageKey, string>> = { en, fr };

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => {
    const text = catalogue[key] ?? en[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

/** Every key with its text in each language, for the catalogue's own tests. */
export function allMessages(): Record<Language, Record<string, string>> {
  return catalogues;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

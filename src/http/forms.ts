import type { Context } from 'hono';
import type { Message } from '../i18n/catalogue.ts';
import { BadRequest } from './errors.ts';

/**
 * @deprecated Problems keyed by HTML id: forms now use FieldErrors by field *name* from
 * src/forms/parse.ts. Removed once no caller remains.
 */
export type FieldError = Message;
/** @deprecated See FieldError. */
export type FieldErrors = Record<string, FieldError>;

/** The text fields of a posted form (files are ignored here). A body that cannot be read is a 400. */
export async function readForm(c: Context): Promise<Record<string, string>> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new BadRequest('unreadable form body');
  }
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') form[name] = value;
  }
  return form;
}

// Control characters other than tab, line feed and carriage return; U+FFFD marks bytes that were not UTF-8.
const INVALID_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

type TextRule = {
  max: number;
  /** Message when the field is empty; without it the field is optional. */
  required?: Message['key'];
  /** Passwords and codes are taken exactly as typed: never trimmed. */
  exact?: boolean;
};

/**
 * @deprecated Define the form with defineForm and read it with parseForm (src/forms/). One text
 * field, trimmed (unless exact), checked for emptiness, length and invalid characters.
 */
export function textField(form: Record<string, string>, name: string, rule: TextRule): { value: string; error?: FieldError } {
  const raw = form[name] ?? '';
  const value = rule.exact ? raw : raw.trim();
  if (INVALID_CHARACTERS.test(value)) return { value, error: { key: 'form.invalidCharacters' } };
  if (value.length === 0 && rule.required) return { value, error: { key: rule.required } };
  if ([...value].length > rule.max) return { value, error: { key: 'form.tooLong', params: { max: rule.max } } };
  return { value };
}

/** @deprecated The same check lives in src/forms/fields.ts, which parseForm applies. */
export function hasInvalidCharacters(value: string): boolean {
  return INVALID_CHARACTERS.test(value);
}

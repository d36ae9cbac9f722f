import type { Translate } from '../i18n/catalogue.ts';
import { isMessageKey } from '../i18n/catalogue.ts';
import { formatNumber } from '../lib/format.ts';

/*
 * The audit log's words for what it stores as codes, the same on the page and in the download:
 * event types, detail names, coded values (reasons, problems, profiles, languages, yes and no)
 * and objects. Words come from the catalogue (src/audit/messages.ts, detail-messages.ts); a code
 * without words is shown as stored, so an entry written by a newer version still reads.
 */

/** An event type as the user reads it; a type without a label is shown as it is stored. */
export function eventLabel(t: Translate, eventType: string): string {
  return words(t, `audit.event.${eventType}`) ?? eventType;
}

/** Texts found by `words`, by language then key: a download asks for the same few again and again. */
const known = new WeakMap<Translate, Map<string, string | null>>();

/** The text of a catalogue key when there is one, without any parameter it would need. */
function words(t: Translate, key: string): string | undefined {
  let texts = known.get(t);
  if (!texts) {
    texts = new Map();
    known.set(t, texts);
  }
  let text = texts.get(key);
  if (text === undefined) {
    text = isMessageKey(key) ? t.message({ key }).replace(/\s*\{\w+\}/g, '') : null;
    // Keys are made of codes read from the log: bounded, in case a log holds many.
    if (texts.size >= 10_000) texts.clear();
    texts.set(key, text);
  }
  return text ?? undefined;
}

/** Detail names whose values are codes, and how each code reads. Other values are shown as stored. */
const CODED: Record<string, (t: Translate, code: string) => string | undefined> = {
  reason: reasonWords,
  problems: reasonWords,
  form: (t, code) => words(t, `audit.value.form.${code}`),
  by: (t, code) => words(t, `audit.value.by.${code}`),
  profile: (t, code) => words(t, `profile.${code}`),
  language: (t, code) => words(t, `language.${code}`),
  event: (t, code) => eventLabel(t, code),
  for: (t, code) => eventLabel(t, code),
  device: (t, code) => words(t, `audit.value.device.${code}`),
  // The account page's coded values (src/account/option-messages.ts).
  billingMode: (t, code) => words(t, `account.billingMode.${code}`),
  subscription: (t, code) => words(t, `account.subscription.${code}`),
  options: (t, code) => words(t, `account.option.${code}`),
  // The parts of an account copied into PRODUCTION (src/production/copy-registry.ts).
  copied: (t, code) => words(t, `audit.value.copied.${code}`),
  // A technical information passphrase's change: never its value, only that it changed (src/technical/section-service.ts).
  shaInEcommercePassphrase: (t, code) => words(t, `audit.value.passphrase.${code}`),
  shaInDirectLinkPassphrase: (t, code) => words(t, `audit.value.passphrase.${code}`),
  shaOutPassphrase: (t, code) => words(t, `audit.value.passphrase.${code}`),
  result: (t, code) => (code === 'success' ? t('audit.success') : code === 'failure' ? t('audit.failure') : undefined),
};

/** A refusal's reason or problem: its audit words, else (a message key a service recorded) the message. */
function reasonWords(t: Translate, code: string): string | undefined {
  return words(t, `audit.reason.${code}`) ?? words(t, code)?.replace(/\.$/, '');
}

/**
 * Whole-entry changes `{ before, after }` whose values are codes of a known kind: the event
 * type names the kind.
 */
const CHANGE_KIND: Record<string, string> = { 'user.language_changed': 'language' };

/**
 * An entry's details as [label, value] pairs in the reader's language: names and coded values
 * in words, numbers and yes/no as the language writes them, `{ before, after }` as one change
 * "before → after" (a user's `changes` list one pair per field), other nested objects with
 * their names joined by " › ", lists joined. Never a raw JSON blob. Details carry no secrets
 * (the services never put any there).
 */
export function detailPairs(t: Translate, eventType: string, details: Record<string, unknown>): [string, string][] {
  const pairs: [string, string][] = [];
  if ('before' in details && 'after' in details) {
    const kind = CHANGE_KIND[eventType] ?? 'change';
    pairs.push([label(t, 'change'), change(t, kind, details.before, details.after)]);
    walk(t, details, [], pairs, true);
  } else {
    walk(t, details, [], pairs);
  }
  return pairs;
}

/** Adds the pairs of `details` under `path`; `skipChange` leaves out a whole-entry `before` and `after` (said already). */
function walk(
  t: Translate,
  details: Record<string, unknown>,
  path: string[],
  pairs: [string, string][],
  skipChange = false,
): void {
  for (const name in details) {
    if (!Object.hasOwn(details, name) || (skipChange && (name === 'before' || name === 'after'))) continue;
    const value = details[name];
    const object = isObject(value) ? value : undefined;
    if (object && 'before' in object && 'after' in object) {
      pairs.push([label(t, name, path), change(t, name, object.before, object.after)]);
    } else if (object) {
      // `changes` only groups the fields changed: each field is named on its own.
      walk(t, object, name === 'changes' ? path : [...path, name], pairs);
    } else {
      pairs.push([label(t, name, path), valueWords(t, name, value)]);
    }
  }
}

function change(t: Translate, name: string, before: unknown, after: unknown): string {
  const [start, middle, end] = joins(t).change;
  return start + valueWords(t, name, before) + middle + valueWords(t, name, after) + end;
}

function label(t: Translate, name: string, path: string[] = []): string {
  const own = words(t, `audit.detail.${name}`) ?? name;
  if (path.length === 0) return own;
  return [...path.map((part) => words(t, `audit.detail.${part}`) ?? part), own].join(' › ');
}

/** A value in words: coded values by their name (see CODED), numbers, yes/no, lists, '—' for nothing. */
function valueWords(t: Translate, name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'audit.value.yes' : 'audit.value.no');
  // Below 1,000 every language writes an integer the same way: no formatter needed.
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 0 && value < 1000 ? String(value) : formatNumber(value, t.language);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => valueWords(t, name, item)).join(', ');
  if (isObject(value)) {
    const pairs: [string, string][] = [];
    walk(t, value, [], pairs);
    return `(${pairs.map(([key, text]) => pairText(t, key, text)).join(', ')})`;
  }
  const text = String(value);
  return CODED[name]?.(t, text) ?? text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** "label: value" as the reader's language writes it (French puts a space before the colon). */
export function pairText(t: Translate, label: string, value: string): string {
  const [start, middle, end] = joins(t).pair;
  return start + label + middle + value + end;
}

/**
 * The texts around the two parameters of "label: value" and "before → after" in a language,
 * cut once: a download writes millions of them, and filling a text's parameters each time
 * costs more than the rest of a row.
 */
const cut = new WeakMap<Translate, { pair: [string, string, string]; change: [string, string, string] }>();
function joins(t: Translate) {
  let found = cut.get(t);
  if (!found) {
    const around = (text: string): [string, string, string] => {
      const [start = '', middle = '', end = ''] = text.split('\u0000');
      return [start, middle, end];
    };
    found = {
      pair: around(t('audit.detailPair', { label: '\u0000', value: '\u0000' })),
      change: around(t('audit.value.change', { before: '\u0000', after: '\u0000' })),
    };
    cut.set(t, found);
  }
  return found;
}

/** The details on one line, for the download. */
export function detailsText(t: Translate, eventType: string, details: Record<string, unknown>): string {
  return detailPairs(t, eventType, details)
    .map(([key, text]) => pairText(t, key, text))
    .join('; ');
}

/** What the login records as the actor of an attempt that named no user (src/auth/typed-identity.ts). */
const UNKNOWN_ACTOR = /^unknown user ([0-9a-f]+)$/;

/**
 * The actor as stored (the USERID then), except the two the code writes in words of its own:
 * an unknown user (with its hash) and the system (the first start's seed), said in the reader's
 * language.
 */
export function actorWords(t: Translate, actor: string | null): string | null {
  if (actor === 'system') return t('audit.actor.system');
  const unknown = actor ? UNKNOWN_ACTOR.exec(actor) : null;
  return unknown ? t('audit.actor.unknownUser', { hash: unknown[1] ?? '' }) : actor;
}

/** The object of an entry: `user:<id>` or `account:<id>` as stored. */
export function parseObject(object: string): { kind: string; id: string } {
  const colon = object.indexOf(':');
  return colon < 0 ? { kind: object, id: '' } : { kind: object.slice(0, colon), id: object.slice(colon + 1) };
}

/**
 * The affected object as people know it: a user by USERID (`userids`, looked up for the rows
 * shown; a user no longer there by the start of its id), this account by PSPID, another
 * account by the start of its id; anything else as stored.
 */
export function objectWords(
  t: Translate,
  object: string | null,
  userids: ReadonlyMap<string, string>,
  account: { id: string; pspid: string },
): string | null {
  if (!object) return null;
  const { kind, id } = parseObject(object);
  if (kind === 'user') {
    const userid = userids.get(id);
    return userid !== undefined ? t('audit.object.user', { userid }) : t('audit.object.userGone', { id: shortId(id) });
  }
  if (kind === 'account') {
    return id === account.id
      ? t('audit.object.account', { pspid: account.pspid })
      : t('audit.object.otherAccount', { id: shortId(id) });
  }
  return object;
}

/** The first 8 characters of an id: enough to tell entries apart, short enough to read. */
function shortId(id: string): string {
  return id.slice(0, 8);
}

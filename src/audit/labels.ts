import type { Translate } from '../i18n/catalogue.ts';
import { isMessageKey } from '../i18n/catalogue.ts';

/*
 * The audit log's words for what it stores (event types, details), the same on the page and in
 * the download.
 */

/** An event type as the user reads it; a type without a label is shown as it is stored. */
export function eventLabel(t: Translate, eventType: string): string {
  const key = `audit.event.${eventType}`;
  return isMessageKey(key) ? t.message({ key }) : eventType;
}

/**
 * An entry's details as "key: value" pairs, nested objects flattened with dotted keys and lists
 * joined with commas, so the page and the download never show a raw JSON blob. Details carry
 * no secrets (the services never put any there).
 */
export function detailPairs(details: Record<string, unknown>, prefix = ''): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(details)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      pairs.push(...detailPairs(value as Record<string, unknown>, key));
    } else {
      pairs.push([key, valueText(value)]);
    }
  }
  return pairs;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(valueText).join(', ');
  if (typeof value === 'object') {
    return `(${detailPairs(value as Record<string, unknown>)
      .map(([key, text]) => `${key}: ${text}`)
      .join(', ')})`;
  }
  return String(value);
}

/** The details on one line, for the download. */
export function detailsText(details: Record<string, unknown>): string {
  return detailPairs(details)
    .map(([key, text]) => `${key}: ${text}`)
    .join('; ');
}

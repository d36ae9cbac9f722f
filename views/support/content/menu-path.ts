import type { PlainKey, Translate } from '../../../src/i18n/catalogue.ts';

/** A menu path as the menu and the pages name it, in the reader's language: "Configuration > Password". */
export function menuPath(t: Translate, ...labels: PlainKey[]): string {
  return labels.map((label) => t(label)).join(' > ');
}

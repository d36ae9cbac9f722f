import type { Translate } from '../../src/i18n/catalogue.ts';

/**
 * A setting's "i" help (PRODUCT.md F1): a disclosure (<details>) whose button is a focusable
 * <summary> named "Help: <setting>" for screen readers and showing an "i"; Enter or Space opens
 * it and the text is read. Works without JavaScript. Every setting of Technical information has one.
 */
export function InfoHelp({ t, id, field, text }: { t: Translate; id: string; field: string; text: string }) {
  return (
    <details class="info-help">
      <summary>
        <span class="info-icon" aria-hidden="true">
          i
        </span>
        <span class="visually-hidden">{t('technical.help', { field })}</span>
      </summary>
      <p id={id}>{text}</p>
    </details>
  );
}

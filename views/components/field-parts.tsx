import type { Message, Translate } from '../../src/i18n/catalogue.ts';

/** The ids that tie a control to its hint and its error message, for aria-describedby. */
export function fieldIds(id: string, hint?: string, error?: Message) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

export function FieldHint({ id, text }: { id?: string; text?: string }) {
  return text ? (
    <p class="hint" id={id}>
      {text}
    </p>
  ) : null;
}

/** The message beside a field, announced as an error to screen readers. */
export function FieldMessage({ t, id, error }: { t: Translate; id?: string; error?: Message }) {
  return error ? (
    <p class="error-message" id={id}>
      <span class="visually-hidden">{t('form.errorTitlePrefix')}</span>
      {t.message(error)}
    </p>
  ) : null;
}

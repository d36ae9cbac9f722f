import type { FieldError } from '../../src/http/forms.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';

type TextFieldProps = {
  t: Translate;
  id: string;
  name: string;
  label: string;
  value?: string;
  error?: FieldError;
  hint?: string;
  type?: 'text' | 'password' | 'email';
  autocomplete?: string;
  maxLength?: number;
  autofocus?: boolean;
  inputmode?: 'numeric' | 'text';
};

/** A labelled input with its hint and its error message, tied together for screen readers. */
export function TextField(props: TextFieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-message" id={errorId}>
          <span class="visually-hidden">{props.t('form.errorTitlePrefix')}</span>
          {props.t(props.error.key, props.error.params)}
        </p>
      ) : null}
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        maxlength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        autofocus={props.autofocus}
        inputmode={props.inputmode}
        spellcheck={props.type === 'password' ? undefined : false}
      />
    </div>
  );
}

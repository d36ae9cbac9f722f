import type { FieldError } from '../../src/http/forms.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import { FieldHint, FieldMessage, fieldIds } from './field-parts.tsx';

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
  const { hintId, errorId, describedBy } = fieldIds(props.id, props.hint, props.error);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <FieldHint id={hintId} text={props.hint} />
      <FieldMessage t={props.t} id={errorId} error={props.error} />
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

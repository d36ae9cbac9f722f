import type { Field } from '../../src/forms/parse.ts';
import type { Message, Translate } from '../../src/i18n/catalogue.ts';
import { FieldHint, FieldMessage, fieldIds } from './field-parts.tsx';

type TextFieldProps = {
  t: Translate;
  /** The form definition's field: name, id and max length. */
  field: Field;
  label: string;
  value?: string;
  error?: Message;
  hint?: string;
  type?: 'text' | 'password' | 'email';
  autocomplete?: string;
  autofocus?: boolean;
  inputmode?: 'numeric' | 'text';
};

/** A labelled input with its hint and its error message, tied together for screen readers. */
export function TextField(props: TextFieldProps) {
  const { id } = props.field;
  const type = props.type ?? (props.field.secret ? 'password' : 'text');
  const { hintId, errorId, describedBy } = fieldIds(id, props.hint, props.error);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldHint id={hintId} text={props.hint} />
      <FieldMessage t={props.t} id={errorId} error={props.error} />
      <input
        id={id}
        name={props.field.name}
        type={type}
        value={type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        // A password is never cut short by the browser (a pasted long one would be saved shortened):
        // the server refuses what is too long, with a message.
        maxlength={props.field.secret ? undefined : props.field.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        autofocus={props.autofocus}
        inputmode={props.inputmode}
        spellcheck={type === 'password' ? undefined : false}
      />
    </div>
  );
}

import type { Field } from '../../src/forms/parse.ts';
import type { Message, Translate } from '../../src/i18n/catalogue.ts';
import { FieldHint, FieldMessage, fieldIds } from './field-parts.tsx';

/** A labelled multi-line text (an address), with its hint and its error message, like TextField. */
export function TextAreaField(props: {
  t: Translate;
  field: Field;
  label: string;
  value: string;
  error?: Message;
  hint?: string;
  rows?: number;
  autocomplete?: string;
}) {
  const { id } = props.field;
  const { hintId, errorId, describedBy } = fieldIds(id, props.hint, props.error);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldHint id={hintId} text={props.hint} />
      <FieldMessage t={props.t} id={errorId} error={props.error} />
      <textarea
        id={id}
        name={props.field.name}
        rows={props.rows ?? 4}
        cols={40}
        maxlength={props.field.maxLength}
        autocomplete={props.autocomplete}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {props.value}
      </textarea>
    </div>
  );
}

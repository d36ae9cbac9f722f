import type { Child } from 'hono/jsx';
import type { Field } from '../../src/forms/parse.ts';
import type { Message, Translate } from '../../src/i18n/catalogue.ts';
import { FieldHint, FieldMessage, fieldIds } from './field-parts.tsx';

type SelectFieldProps = {
  t: Translate;
  /** The form definition's field: name and id. */
  field: Field;
  label: string;
  hint?: string;
  error?: Message;
  children: Child;
};

/** A labelled select (its options are the children) with its hint and error message. */
export function SelectField(props: SelectFieldProps) {
  const { id } = props.field;
  const { hintId, errorId, describedBy } = fieldIds(id, props.hint, props.error);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldHint id={hintId} text={props.hint} />
      <FieldMessage t={props.t} id={errorId} error={props.error} />
      <select id={id} name={props.field.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
        {props.children}
      </select>
    </div>
  );
}

type CheckboxFieldProps = {
  t: Translate;
  /** The form definition's field: name and id. */
  field: Field;
  label: string;
  hint?: string;
  error?: Message;
  checked: boolean;
};

/** A checkbox with its label beside it, then its hint; value "1" when ticked. */
export function CheckboxField(props: CheckboxFieldProps) {
  const { id } = props.field;
  const { hintId, errorId, describedBy } = fieldIds(id, props.hint, props.error);
  return (
    <div class={props.error ? 'field checkbox field-error' : 'field checkbox'}>
      <FieldMessage t={props.t} id={errorId} error={props.error} />
      <input
        type="checkbox"
        id={id}
        name={props.field.name}
        value="1"
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      <label for={id}>{props.label}</label>
      <FieldHint id={hintId} text={props.hint} />
    </div>
  );
}

/** Plain options for a SelectField, the current value selected. */
export function Options({ options, value }: { options: { value: string; label: string }[]; value: string }) {
  return (
    <>
      {options.map((option) => (
        <option value={option.value} selected={option.value === value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

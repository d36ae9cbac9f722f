import type { Child } from 'hono/jsx';
import type { FieldError } from '../../src/http/forms.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import { FieldHint, FieldMessage, fieldIds } from './field-parts.tsx';

type SelectFieldProps = {
  t: Translate;
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
  children: Child;
};

/** A labelled select (its options are the children) with its hint and error message. */
export function SelectField(props: SelectFieldProps) {
  const { hintId, errorId, describedBy } = fieldIds(props.id, props.hint, props.error);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <FieldHint id={hintId} text={props.hint} />
      <FieldMessage t={props.t} id={errorId} error={props.error} />
      <select id={props.id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
        {props.children}
      </select>
    </div>
  );
}

type CheckboxFieldProps = {
  t: Translate;
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
  checked: boolean;
};

/** A checkbox with its label beside it, then its hint; value "1" when ticked. */
export function CheckboxField(props: CheckboxFieldProps) {
  const { hintId, errorId, describedBy } = fieldIds(props.id, props.hint, props.error);
  return (
    <div class={props.error ? 'field checkbox field-error' : 'field checkbox'}>
      <FieldMessage t={props.t} id={errorId} error={props.error} />
      <input
        type="checkbox"
        id={props.id}
        name={props.name}
        value="1"
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      <label for={props.id}>{props.label}</label>
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

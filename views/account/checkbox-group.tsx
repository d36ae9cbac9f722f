import type { Child } from 'hono/jsx';
import type { Field } from '../../src/forms/parse.ts';
import type { Message, Translate } from '../../src/i18n/catalogue.ts';
import { FieldHint, FieldMessage, fieldIds } from '../components/field-parts.tsx';

/**
 * A group of checkboxes under its legend, with the group's hint and its error message ("choose at
 * least one"), which the error summary links to through the group's id.
 */
export function CheckboxGroup(props: {
  t: Translate;
  /** The group's field (src/account/forms.ts checkboxGroup): its id is the fieldset's. */
  field: Field;
  legend: string;
  hint?: string;
  error?: Message;
  /** Boxes in columns where they fit (short labels). */
  columns?: boolean;
  children: Child;
}) {
  const { id } = props.field;
  const { hintId, errorId, describedBy } = fieldIds(id, props.hint, props.error);
  return (
    <fieldset id={id} class={props.error ? 'field field-error' : 'field'} aria-describedby={describedBy} tabindex={-1}>
      <legend>{props.legend}</legend>
      <FieldHint id={hintId} text={props.hint} />
      <FieldMessage t={props.t} id={errorId} error={props.error} />
      {props.columns ? <div class="choice-columns">{props.children}</div> : props.children}
    </fieldset>
  );
}

/**
 * A checkbox group's labels, as its form's error summary names the fields: the group's legend
 * under the group's field name, and each box's label under its code (the box's field name).
 */
export function boxLabels<T extends { code: string }>(
  group: string,
  legend: string,
  items: readonly T[],
  label: (item: T) => string,
): Record<string, string> {
  return { [group]: legend, ...Object.fromEntries(items.map((item) => [item.code, label(item)])) };
}

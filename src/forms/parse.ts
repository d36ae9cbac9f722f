import * as v from 'valibot';
import type { Message } from '../i18n/catalogue.ts';
import type { FieldSpec, RawForm } from './fields.ts';
import { hasInvalidCharacters } from './fields.ts';
import { decodeMessage } from './message-codec.ts';

/** A field of a defined form: its spec, with its name and its HTML id settled. */
export type Field<T = unknown> = FieldSpec<T> & { readonly name: string; readonly id: string };

type Specs = Record<string, FieldSpec<unknown>>;
type OutputOf<S> = S extends FieldSpec<infer T> ? T : never;

export type FormDef<S extends Specs = Specs> = {
  /** Prefix of the fields' ids, and the form's own id. */
  readonly id: string;
  readonly fields: { readonly [K in keyof S]: Field<OutputOf<S[K]>> };
  /** The fields in the order they appear, for the error summary. */
  readonly list: readonly Field[];
};

/** A form's problems by field *name*; views find the id through the form definition. */
export type FieldErrors<K extends string = string> = Partial<Record<K, Message>>;
/** What was typed, by field name, to show back after a mistake (never secrets). */
export type FormValues<K extends string = string> = Record<K, string>;

export type ParsedForm<S extends Specs> =
  | { ok: true; data: { [K in keyof S]: OutputOf<S[K]> }; values: FormValues<keyof S & string> }
  | { ok: false; errors: FieldErrors<keyof S & string>; values: FormValues<keyof S & string> };

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Names a form's fields: each gets its name and an id `<formId>-<name-in-kebab-case>` unless it sets one. */
export function defineForm<const S extends Specs>(formId: string, specs: S): FormDef<S> {
  const fields = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { ...spec, name, id: spec.id ?? `${formId}-${kebab(name)}` }]),
  ) as FormDef<S>['fields'];
  return { id: formId, fields, list: Object.values(fields) as Field[] };
}

/**
 * Reads a posted form (or a query string) against its definition: typed data when every field
 * is right, else each wrong field's first problem. Either way, `values` holds what was typed,
 * trimmed, for the re-rendered form (DESIGN.md, form-error contract): secrets and values with
 * control characters are not shown back; a too-long value is kept, with its message.
 */
export function parseForm<S extends Specs>(form: FormDef<S>, body: RawForm): ParsedForm<S> {
  const data: Record<string, unknown> = {};
  const errors: Record<string, Message> = {};
  const values: Record<string, string> = {};
  for (const field of form.list) {
    const raw = body[field.name] ?? '';
    values[field.name] = field.secret || hasInvalidCharacters(raw) ? '' : raw.trim();
    const result = v.safeParse(field.schema(body), raw);
    if (result.success) data[field.name] = result.output;
    else errors[field.name] = decodeMessage(result.issues[0].message);
  }
  const typedValues = values as FormValues<keyof S & string>;
  if (Object.keys(errors).length > 0) return { ok: false, errors: errors as FieldErrors<keyof S & string>, values: typedValues };
  return { ok: true, data: data as { [K in keyof S]: OutputOf<S[K]> }, values: typedValues };
}

/** A problem found after parsing (a service's refusal) placed beside its field, by name. */
export function fieldProblem<K extends string>(field: K, problem: Message): FieldErrors<K> {
  return { [field]: problem } as FieldErrors<K>;
}

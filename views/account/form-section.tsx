import type { Child } from 'hono/jsx';
import type { AccountSection } from '../../src/account/sections.ts';
import type { Field, FormDef } from '../../src/forms/parse.ts';
import type { FieldLabels } from '../components/error-summary.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextAreaField } from '../components/text-area-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { SectionProps } from './account-props.ts';
import { SectionCard, SectionForm, Summary } from './section-card.tsx';

/** A term of a section's read-only summary and its value ('' or none reads "Not set"). */
export type SummaryItem = [string, Child];

type FormSectionProps<F extends FormDef> = {
  props: SectionProps;
  /** Gives the heading (`account.section.<section>`), the button (`account.save.<section>`) and the address. */
  section: AccountSection;
  form: F;
  labels: FieldLabels<F>;
  /** Said above the form or the summary. */
  intro?: Child;
  /** The form's fields. */
  children: Child;
} & (
  | { /** The saved values as a list of terms and values (Summary). */ items: SummaryItem[]; summary?: never }
  | { /** The saved values, shown the section's own way. */ summary: Child; items?: never }
);

/**
 * One section of the account page in its usual shape: the card with the section's title, its
 * read-only summary (viewers, and above the form after a stale edit) and its form (administrators)
 * with the section's save button. A section states only its form, labels, summary and fields.
 */
export function FormSection<F extends FormDef>({ props, section, form, labels, intro, children, ...saved }: FormSectionProps<F>) {
  const { t } = props.ctx;
  return (
    <SectionCard
      props={props}
      section={section}
      title={t(`account.section.${section}`)}
      intro={intro}
      summary={saved.items ? <Summary props={props} items={saved.items} /> : saved.summary}
      form={
        <SectionForm props={props} section={section} form={form} labels={labels} button={t(`account.save.${section}`)}>
          {children}
        </SectionForm>
      }
    />
  );
}

type TextOptions = Omit<Parameters<typeof TextField>[0], 't' | 'field' | 'label' | 'value' | 'error'>;
type TextAreaOptions = Omit<Parameters<typeof TextAreaField>[0], 't' | 'field' | 'label' | 'value' | 'error'>;

/**
 * The inputs of a section's form, each bound by its field name to the form's field, its label,
 * the value shown (typed when refused, else saved; '' for none) and its problem, so a section
 * names a field and says only its hint and what else differs. `labels` gives every field used.
 */
export function sectionFields<N extends string>(
  props: Pick<SectionProps, 'ctx' | 'state'>,
  form: FormDef & { fields: Record<NoInfer<N>, Field> },
  labels: Record<N, string>,
) {
  const { t } = props.ctx;
  const { values, errors } = props.state;
  const bound = (name: N) => ({ t, field: form.fields[name], label: labels[name], error: errors[name] });
  return {
    /** A one-line text input. */
    Text: ({ name, ...options }: { name: N } & TextOptions) => (
      <TextField {...bound(name)} value={values[name] ?? ''} {...options} />
    ),
    /** A multi-line text (an address). */
    TextArea: ({ name, ...options }: { name: N } & TextAreaOptions) => (
      <TextAreaField {...bound(name)} value={values[name] ?? ''} {...options} />
    ),
    /** A select; its options (children) mark the selected one themselves. */
    Select: ({ name, hint, children }: { name: N; hint?: string; children: Child }) => (
      <SelectField {...bound(name)} hint={hint}>
        {children}
      </SelectField>
    ),
  };
}

import type { Child } from 'hono/jsx';
import { sectionSlug } from '../../src/account/forms.ts';
import type { AccountSection } from '../../src/account/sections.ts';
import type { FormDef } from '../../src/forms/parse.ts';
import { paths } from '../../src/paths.ts';
import type { FieldLabels } from '../components/error-summary.tsx';
import { SettingsCard, SettingsForm, SettingsSummary } from '../components/settings-section.tsx';
import type { SectionProps } from './account-props.ts';

/** The HTML id of a section of the account page (the target its form swaps with htmx). */
export function sectionId(section: AccountSection): string {
  return `account-${sectionSlug(section)}`;
}

type CardProps = {
  props: SectionProps;
  section: AccountSection;
  title: string;
  /** Said above the form or the summary. */
  intro?: Child;
  /** The section as saved, read-only: what viewers see, and what a stale edit shows above the form. */
  summary: Child;
  /** The form, for administrators. */
  form: Child;
};

/**
 * One section of the account page: its heading, then the form (administrators) or the saved
 * values (the others). After a stale edit, the values as saved now come first, under the notice,
 * and the form keeps what was typed.
 */
export function SectionCard({ props, section, title, intro, summary, form }: CardProps) {
  return (
    <SettingsCard
      ctx={props.ctx}
      id={sectionId(section)}
      title={title}
      manage={props.manage}
      state={props.state}
      savedMessage={props.saved?.section === section ? props.saved.message : undefined}
      intro={intro}
      summary={summary}
      form={form}
    />
  );
}

type FormProps<F extends FormDef> = {
  props: SectionProps;
  section: AccountSection;
  form: F;
  labels: FieldLabels<F>;
  button: string;
  children: Child;
};

/**
 * A section's form: posted on its own to the section's address (htmx swaps the section in place,
 * refused or saved; a stale edit, or a change of options, shows the whole page), with its error
 * summary, the CSRF token and the version the section was read at.
 */
export function SectionForm<F extends FormDef>({ props, section, form, labels, button, children }: FormProps<F>) {
  const { ctx, state } = props;
  return (
    <SettingsForm
      ctx={ctx}
      state={state}
      action={paths.account.section(ctx.env, sectionSlug(section))}
      target={sectionId(section)}
      form={form}
      labels={labels}
      button={button}
    >
      {children}
    </SettingsForm>
  );
}

/** A read-only list of terms and values; an empty value reads "Not set". */
export function Summary({ props, items }: { props: SectionProps; items: [string, Child][] }) {
  return <SettingsSummary t={props.ctx.t} items={items} />;
}

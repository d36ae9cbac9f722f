import type { Child } from 'hono/jsx';
import { sectionSlug } from '../../src/account/forms.ts';
import type { AccountSection } from '../../src/account/sections.ts';
import type { FormDef } from '../../src/forms/parse.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorNotice, ErrorSummary } from '../components/error-summary.tsx';
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
  const { t } = props.ctx;
  const id = sectionId(section);
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {props.saved?.section === section ? (
        <div class="flash" role="status" tabindex={-1} data-saved-notice>
          <p>{props.saved.message}</p>
        </div>
      ) : null}
      {intro}
      {props.manage && props.state.conflict ? (
        <>
          <ErrorNotice message={t('account.conflict')} />
          <h3>{t('account.savedNow')}</h3>
          {summary}
          <h3>{t('account.yourChanges')}</h3>
        </>
      ) : null}
      {props.manage ? form : summary}
    </section>
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
  const action = paths.account.section(ctx.env, sectionSlug(section));
  return (
    <form method="post" action={action} novalidate hx-post={action} hx-target={`#${sectionId(section)}`} hx-swap="outerHTML">
      <ErrorSummary t={ctx.t} errors={state.errors} form={form} labels={labels} />
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="version" value={String(state.version)} />
      {children}
      <div class="form-actions">
        <button type="submit">{button}</button>
      </div>
    </form>
  );
}

/** A read-only list of terms and values; an empty value reads "Not set". */
export function Summary({ props, items }: { props: SectionProps; items: [string, Child][] }) {
  const { t } = props.ctx;
  return (
    <dl class="summary-list">
      {items.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value === '' || value === null || value === undefined ? t('account.notSet') : value}</dd>
        </>
      ))}
    </dl>
  );
}

import type { Child } from 'hono/jsx';
import type { FieldErrors, FormDef } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import type { ViewContext } from '../layout/view-context.ts';
import { CsrfField } from './csrf-field.tsx';
import type { FieldLabels } from './error-summary.tsx';
import { ErrorNotice, ErrorSummary } from './error-summary.tsx';

/**
 * A page of settings in sections, each saved on its own by its own form (Configuration > Account,
 * Configuration > Technical information): the section's card, its form and its read-only summary.
 */

/** A section's form: the values shown (saved, or typed when refused), its problems, a stale edit, and the version read. */
export type SettingsState = { values: Record<string, string>; errors: FieldErrors; conflict?: boolean; version: number };

type CardProps = {
  ctx: ViewContext;
  /** The section's HTML id (the target its form swaps with htmx). */
  id: string;
  title: string;
  /** Forms for those who may change the settings; the summary for the others. */
  manage: boolean;
  state: Pick<SettingsState, 'conflict'>;
  /** Said in the section once it was saved in place (htmx). */
  savedMessage?: string;
  /** Said above the form or the summary. */
  intro?: Child;
  /** The section as saved, read-only: what readers see, and what a stale edit shows above the form. */
  summary: Child;
  /** The form, for those who may change the settings. */
  form: Child;
};

/**
 * One section: its heading, then the form (`manage`) or the saved values (the others). After a
 * stale edit, the values as saved now come first, under the notice, and the form keeps what was
 * typed.
 */
export function SettingsCard({ ctx, id, title, manage, state, savedMessage, intro, summary, form }: CardProps) {
  const { t } = ctx;
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {savedMessage ? (
        <div class="flash" role="status" tabindex={-1} data-saved-notice>
          <p>{savedMessage}</p>
        </div>
      ) : null}
      {intro}
      {manage && state.conflict ? (
        <>
          <ErrorNotice message={t('account.conflict')} />
          <h3>{t('account.savedNow')}</h3>
          {summary}
          <h3>{t('account.yourChanges')}</h3>
        </>
      ) : null}
      {manage ? form : summary}
    </section>
  );
}

type FormProps<F extends FormDef> = {
  ctx: ViewContext;
  state: Pick<SettingsState, 'errors' | 'version'>;
  /** Where the form posts. */
  action: string;
  /** The HTML id of the section htmx swaps with the answer. */
  target: string;
  form: F;
  labels: FieldLabels<F>;
  button: string;
  children: Child;
};

/**
 * A section's form: posted on its own to `action` (htmx swaps the section `target` in place), with
 * its error summary, the CSRF token and the version the section was read at.
 */
export function SettingsForm<F extends FormDef>({ ctx, state, action, target, form, labels, button, children }: FormProps<F>) {
  return (
    <form method="post" action={action} novalidate hx-post={action} hx-target={`#${target}`} hx-swap="outerHTML">
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
export function SettingsSummary({ t, items }: { t: Translate; items: [string, Child][] }) {
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

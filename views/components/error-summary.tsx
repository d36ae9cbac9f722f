import type { FieldErrors, FormDef } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';

/**
 * Each field's label, by field name, as the form shows it beside the field: the view builds it
 * once and gives the same text to the field and to the summary. Fields that are never shown
 * (a hidden version, a paging cursor) have none.
 */
export type FieldLabels<F extends FormDef = FormDef> = { readonly [K in keyof F['fields']]?: string };

type SummaryProps<F extends FormDef> = {
  t: Translate;
  /** Problems by field name, as parseForm and onRefusal give them. */
  errors: FieldErrors;
  /** The form whose fields the errors name: gives each field's id and their order. */
  form: F;
  /** The fields' labels: each line names its field ("Name: Enter the user’s name."). */
  labels: FieldLabels<F>;
};

/**
 * The list of a form’s problems, at its top, in the order of the fields, each naming its field
 * and linking to it (GOV.UK error summary; WCAG 3.3.1). Focused by app.js.
 */
export function ErrorSummary<F extends FormDef>({ t, errors, form, labels }: SummaryProps<F>) {
  const fields = form.list.filter((field) => errors[field.name]);
  if (fields.length === 0) return null;
  const named: Record<string, string | undefined> = labels;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title" data-error-summary>
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {fields.map((field) => {
          const error = errors[field.name];
          if (!error) return null;
          const label = named[field.name];
          const problem = t.message(error);
          return (
            <li>
              <a href={`#${field.id}`}>{label ? t('form.errorSummaryLine', { field: label, problem }) : problem}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A problem with the whole action rather than one field (a rule it broke, a conflict), in the same alert box. */
export function ErrorNotice({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-error-summary>
      <p>{message}</p>
    </div>
  );
}

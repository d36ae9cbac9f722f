import type { FieldErrors, FormDef } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';

type SummaryProps = {
  t: Translate;
  errors: FieldErrors;
  /** The form whose fields the errors name; without it, errors are keyed by field id, in `order`. */
  form?: FormDef;
  order?: string[];
};

/**
 * The list of a form’s problems, at its top, in the order of the fields, each linking to its
 * field. Focused by app.js.
 */
export function ErrorSummary({ t, errors, form, order }: SummaryProps) {
  const byId: FieldErrors = form
    ? Object.fromEntries(form.list.filter((field) => errors[field.name]).map((field) => [field.id, errors[field.name]]))
    : errors;
  const ids = form ? Object.keys(byId) : order ? order.filter((id) => errors[id]) : Object.keys(errors);
  if (ids.length === 0) return null;
  const errorsById = byId;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title" data-error-summary>
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {ids.map((id) => {
          const error = errorsById[id];
          return error ? (
            <li>
              <a href={`#${id}`}>{t.message(error)}</a>
            </li>
          ) : null;
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

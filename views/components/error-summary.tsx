import type { FieldErrors, FormDef } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';

type SummaryProps = {
  t: Translate;
  /** Problems by field name, as parseForm and onRefusal give them. */
  errors: FieldErrors;
  /** The form whose fields the errors name: gives each field's id and their order. */
  form: FormDef;
};

/**
 * The list of a form’s problems, at its top, in the order of the fields, each linking to its
 * field. Focused by app.js.
 */
export function ErrorSummary({ t, errors, form }: SummaryProps) {
  const fields = form.list.filter((field) => errors[field.name]);
  if (fields.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title" data-error-summary>
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {fields.map((field) => {
          const error = errors[field.name];
          return error ? (
            <li>
              <a href={`#${field.id}`}>{t.message(error)}</a>
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

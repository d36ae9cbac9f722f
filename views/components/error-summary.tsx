import type { FieldErrors } from '../../src/http/forms.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';

/** The list of a form's problems, at its top, each linking to its field. Focused by app.js. */
export function ErrorSummary({ t, errors, order }: { t: Translate; errors: FieldErrors; order?: string[] }) {
  const ids = order ? order.filter((id) => errors[id]) : Object.keys(errors);
  if (ids.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title" data-error-summary>
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {ids.map((id) => {
          const error = errors[id];
          return error ? (
            <li>
              <a href={`#${id}`}>{t(error.key, error.params)}</a>
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

import type { AuditFilterName, AuditFilterValues } from '../../src/audit/forms.ts';
import { auditFilterForm } from '../../src/audit/forms.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import type { FieldLabels } from '../components/error-summary.tsx';
import { FieldHint, FieldMessage, fieldIds } from '../components/field-parts.tsx';
import { Options, SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { USER_SUGGESTIONS_ID, UserSuggestions } from './user-suggestions.tsx';

export type FilterFormProps = {
  ctx: ViewContext;
  values: AuditFilterValues;
  /** Problems by field name. */
  errors: FieldErrors<AuditFilterName>;
  /** USERIDs the user field suggests before anything is typed (the first 50 of the account). */
  userids: readonly string[];
  /** Event types present in the account's log, with their labels, sorted by label. */
  events: { type: string; label: string }[];
};

/** The filters' labels, for their fields and for the error summary's lines. */
export function auditFilterLabels(t: Translate) {
  return {
    from: t('audit.from'),
    to: t('audit.to'),
    user: t('audit.user'),
    event: t('audit.event'),
    result: t('audit.result'),
  } satisfies FieldLabels<typeof auditFilterForm>;
}

/** Filters as a GET form: the address of the results is bookmarkable, and it works without JavaScript. */
export function FilterForm({ ctx, values, errors, userids, events }: FilterFormProps) {
  const { t } = ctx;
  const { fields } = auditFilterForm;
  const labels = auditFilterLabels(t);
  // A value refused as unknown stays shown, so the field says what was asked for.
  const eventOptions =
    values.event && !events.some((e) => e.type === values.event)
      ? [...events, { type: values.event, label: values.event }]
      : events;
  return (
    <section class="card" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title">{t('audit.filters')}</h2>
      <form method="get" action={paths.audit.list(ctx.env)} novalidate>
        <div class="columns">
          <TextField
            t={t}
            field={fields.from}
            label={labels.from}
            hint={t('audit.dateHint')}
            value={values.from}
            error={errors.from}
          />
          <TextField t={t} field={fields.to} label={labels.to} hint={t('audit.dateHint')} value={values.to} error={errors.to} />
        </div>
        <div class="columns">
          <UserField ctx={ctx} label={labels.user} value={values.user} error={errors.user} userids={userids} />
          <SelectField t={t} field={fields.event} label={labels.event} error={errors.event}>
            <Options
              value={values.event}
              options={[
                { value: '', label: t('audit.allEvents') },
                ...eventOptions.map((event) => ({ value: event.type, label: event.label })),
              ]}
            />
          </SelectField>
          <SelectField t={t} field={fields.result} label={labels.result} error={errors.result}>
            <Options
              value={values.result}
              options={[
                { value: '', label: t('audit.resultAll') },
                { value: 'success', label: t('audit.success') },
                { value: 'failure', label: t('audit.failure') },
              ]}
            />
          </SelectField>
        </div>
        <p>
          <button type="submit">{t('audit.submit')}</button> <a href={paths.audit.list(ctx.env)}>{t('audit.clear')}</a>
        </p>
      </form>
    </section>
  );
}

/**
 * The user filter: a USERID typed, with suggestions (a <datalist>, which browsers offer as the
 * user types). Without JavaScript the page's first 50 USERIDs are suggested and typing the
 * USERID filters; with htmx, each pause in typing asks for the USERIDs that start with the text.
 */
function UserField(props: {
  ctx: ViewContext;
  label: string;
  value: string;
  error: FilterFormProps['errors']['user'];
  userids: readonly string[];
}) {
  const { t, env } = props.ctx;
  const field = auditFilterForm.fields.user;
  const hint = t('audit.userHint');
  const { hintId, errorId, describedBy } = fieldIds(field.id, hint, props.error);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={field.id}>{props.label}</label>
      <FieldHint id={hintId} text={hint} />
      <FieldMessage t={t} id={errorId} error={props.error} />
      <input
        id={field.id}
        name={field.name}
        type="text"
        value={props.value}
        maxlength={field.maxLength}
        list={USER_SUGGESTIONS_ID}
        autocomplete="off"
        spellcheck={false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        hx-get={paths.audit.userSuggestions(env)}
        hx-trigger="input changed delay:250ms"
        hx-target={`#${USER_SUGGESTIONS_ID}`}
        hx-swap="outerHTML"
        hx-sync="this:replace"
      />
      <UserSuggestions userids={props.userids} />
    </div>
  );
}

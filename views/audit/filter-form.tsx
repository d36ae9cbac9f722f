import type { AuditFilterName, AuditFilterValues } from '../../src/audit/forms.ts';
import { auditFilterForm } from '../../src/audit/forms.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import type { FieldLabels } from '../components/error-summary.tsx';
import { Options, SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type FilterFormProps = {
  ctx: ViewContext;
  values: AuditFilterValues;
  /** Problems by field name. */
  errors: FieldErrors<AuditFilterName>;
  users: readonly { id: string; userid: string }[];
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
export function FilterForm({ ctx, values, errors, users, events }: FilterFormProps) {
  const { t } = ctx;
  const { fields } = auditFilterForm;
  const labels = auditFilterLabels(t);
  // A bookmarked event type no longer in the log stays selectable, so the value is kept.
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
          <SelectField t={t} field={fields.user} label={labels.user} error={errors.user}>
            <Options
              value={values.user}
              options={[
                { value: '', label: t('audit.allUsers') },
                ...users.map((user) => ({ value: user.id, label: user.userid })),
              ]}
            />
          </SelectField>
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

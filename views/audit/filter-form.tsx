import type { FieldErrors } from '../../src/http/forms.ts';
import { Options, SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** The filters as typed or chosen, shown back as they are (also after an error). */
export type AuditFilterValues = { from: string; to: string; user: string; event: string; result: string };

export const AUDIT_FIELDS = ['audit-from', 'audit-to', 'audit-user', 'audit-event', 'audit-result'];

export type FilterFormProps = {
  ctx: ViewContext;
  values: AuditFilterValues;
  errors: FieldErrors;
  users: { id: string; userid: string }[];
  /** Event types present in the account's log, with their labels, sorted by label. */
  events: { type: string; label: string }[];
};

/** Filters as a GET form: the address of the results is bookmarkable, and it works without JavaScript. */
export function FilterForm({ ctx, values, errors, users, events }: FilterFormProps) {
  const { t } = ctx;
  // A bookmarked event type no longer in the log stays selectable, so the value is kept.
  const eventOptions =
    values.event && !events.some((e) => e.type === values.event)
      ? [...events, { type: values.event, label: values.event }]
      : events;
  return (
    <section class="card" aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title">{t('audit.filters')}</h2>
      <form method="get" action={`/${ctx.env}/audit`} novalidate>
        <div class="columns">
          <TextField
            t={t}
            id="audit-from"
            name="from"
            label={t('audit.from')}
            hint={t('audit.dateHint')}
            value={values.from}
            error={errors['audit-from']}
            maxLength={10}
          />
          <TextField
            t={t}
            id="audit-to"
            name="to"
            label={t('audit.to')}
            hint={t('audit.dateHint')}
            value={values.to}
            error={errors['audit-to']}
            maxLength={10}
          />
        </div>
        <div class="columns">
          <SelectField t={t} id="audit-user" name="user" label={t('audit.user')} error={errors['audit-user']}>
            <Options
              value={values.user}
              options={[
                { value: '', label: t('audit.allUsers') },
                ...users.map((user) => ({ value: user.id, label: user.userid })),
              ]}
            />
          </SelectField>
          <SelectField t={t} id="audit-event" name="event" label={t('audit.event')} error={errors['audit-event']}>
            <Options
              value={values.event}
              options={[
                { value: '', label: t('audit.allEvents') },
                ...eventOptions.map((event) => ({ value: event.type, label: event.label })),
              ]}
            />
          </SelectField>
          <SelectField t={t} id="audit-result" name="result" label={t('audit.result')} error={errors['audit-result']}>
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
          <button type="submit">{t('audit.submit')}</button> <a href={`/${ctx.env}/audit`}>{t('audit.clear')}</a>
        </p>
      </form>
    </section>
  );
}

import { retentionForm } from '../../src/account/forms.ts';
import { TextField } from '../components/text-field.tsx';
import type { SectionProps } from './account-props.ts';
import { SectionCard, SectionForm, Summary } from './section-card.tsx';

/**
 * C6: how many days payment data is kept (45 to 540, default 540), and what the next run of the
 * daily retention job would remove at the saved setting.
 */
export function RetentionSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const { min, max } = props.retentionLimits;
  const labels = { retentionDays: t('account.field.retentionDays') };
  const total = props.retentionPreview.reduce((sum, entry) => sum + entry.rows, 0);
  const days = account.retentionDays;
  const preview = (
    <div id="account-retention-preview">
      {total === 0 ? (
        <p>{t('account.retention.previewNone', { count: days })}</p>
      ) : (
        <>
          <p>{t('account.retention.preview', { count: total, days })}</p>
          <ul>
            {props.retentionPreview
              .filter((entry) => entry.rows > 0)
              .map((entry) => (
                <li>{t('account.retention.previewLine', { what: t(entry.label), count: entry.rows })}</li>
              ))}
          </ul>
        </>
      )}
    </div>
  );
  return (
    <SectionCard
      props={props}
      section="retention"
      title={t('account.section.retention')}
      intro={
        <>
          <p>{t('account.retention.intro')}</p>
          {preview}
        </>
      }
      summary={<Summary props={props} items={[[labels.retentionDays, t('account.retention.days', { count: days })]]} />}
      form={
        <SectionForm props={props} section="retention" form={retentionForm} labels={labels} button={t('account.save.retention')}>
          <TextField
            t={t}
            field={retentionForm.fields.retentionDays}
            label={labels.retentionDays}
            hint={t('account.field.retentionDaysHint', { min, max, default: props.retentionLimits.default })}
            value={state.values.retentionDays ?? ''}
            error={state.errors.retentionDays}
            inputmode="numeric"
            autocomplete="off"
          />
        </SectionForm>
      }
    />
  );
}

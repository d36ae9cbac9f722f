import { retentionForm } from '../../src/account/forms.ts';
import type { SectionProps } from './account-props.ts';
import { FormSection, sectionFields } from './form-section.tsx';

/**
 * C6: how many days payment data is kept (45 to 540, default 540), and what the next run of the
 * daily retention job would remove at the saved setting.
 */
export function RetentionSection(props: SectionProps) {
  const { ctx, account } = props;
  const { t } = ctx;
  const { min, max } = props.retentionLimits;
  const labels = { retentionDays: t('account.field.retentionDays') };
  const { Text } = sectionFields(props, retentionForm, labels);
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
    <FormSection
      props={props}
      section="retention"
      form={retentionForm}
      labels={labels}
      intro={
        <>
          <p>{t('account.retention.intro')}</p>
          {preview}
        </>
      }
      items={[[labels.retentionDays, t('account.retention.days', { count: days })]]}
    >
      <Text
        name="retentionDays"
        hint={t('account.field.retentionDaysHint', { min, max, default: props.retentionLimits.default })}
        inputmode="numeric"
        autocomplete="off"
      />
    </FormSection>
  );
}

import { FEEDBACK_PARAMETERS, feedbackForm, POST_SALE_TIMINGS } from '../../src/technical/forms.ts';
import { CheckboxField } from '../components/select-field.tsx';
import { InfoHelp } from './info-help.tsx';
import { settingFields } from './setting-fields.tsx';
import { TechnicalCard } from './technical-card.tsx';
import type { TechnicalSectionProps } from './technical-props.ts';
import { Lines, PassphraseStatus, passphraseState } from './verification-sections.tsx';

/**
 * Transaction feedback (reference §2.3): the SHA-OUT passphrase, the two post-sale addresses and
 * when they are called, the status-change address, and the parameters sent.
 */
export function FeedbackSection(props: TechnicalSectionProps) {
  const { ctx, settings, state } = props;
  const { t } = ctx;
  const use = 'sha-out';
  const labels = {
    passphrase: t(`technical.field.passphrase.${use}`),
    postSaleUrlAccepted: t('technical.field.postSaleUrlAccepted'),
    postSaleUrlDeclined: t('technical.field.postSaleUrlDeclined'),
    postSaleTiming: t('technical.field.postSaleTiming'),
    statusChangeUrl: t('technical.field.statusChangeUrl'),
  };
  const helps = {
    passphrase: t(`technical.help.passphrase.${use}`),
    postSaleUrlAccepted: t('technical.help.postSaleUrlAccepted'),
    postSaleUrlDeclined: t('technical.help.postSaleUrlDeclined'),
    postSaleTiming: t('technical.help.postSaleTiming'),
    statusChangeUrl: t('technical.help.statusChangeUrl'),
  };
  const { Text, Select } = settingFields(props, feedbackForm, labels, helps);
  const status = t(`technical.field.passphraseStatus.${use}`);
  const parametersLabel = t('technical.field.feedbackParameters');
  return (
    <TechnicalCard
      props={props}
      form={feedbackForm}
      labels={labels}
      items={[
        [status, passphraseState(props, use)],
        [labels.postSaleUrlAccepted, settings.postSaleUrlAccepted ?? ''],
        [labels.postSaleUrlDeclined, settings.postSaleUrlDeclined ?? ''],
        [labels.postSaleTiming, t(`technical.postSaleTiming.${settings.postSaleTiming}`)],
        [labels.statusChangeUrl, settings.statusChangeUrl ?? ''],
        [
          parametersLabel,
          settings.feedbackParameters.length > 0 ? <Lines lines={[settings.feedbackParameters.join(', ')]} /> : '',
        ],
      ]}
    >
      <PassphraseStatus id="technical-feedback-passphrase-status" label={status} value={passphraseState(props, use)} />
      <Text name="passphrase" type="password" autocomplete="new-password" hint={t('technical.passphrase.hint')} />
      <Text name="postSaleUrlAccepted" autocomplete="url" />
      <Text name="postSaleUrlDeclined" autocomplete="url" />
      <Select
        name="postSaleTiming"
        options={POST_SALE_TIMINGS.map((code) => ({ value: code, label: t(`technical.postSaleTiming.${code}`) }))}
      />
      <Text name="statusChangeUrl" autocomplete="url" />
      <fieldset class="field" id="technical-feedback-parameters">
        <legend>{parametersLabel}</legend>
        <InfoHelp
          t={t}
          id="technical-feedback-parameters-info"
          field={parametersLabel}
          text={t('technical.help.feedbackParameters')}
        />
        <div class="checkbox-columns">
          {FEEDBACK_PARAMETERS.map((name) => (
            <CheckboxField t={t} field={feedbackForm.fields[name]} label={name} checked={state.values[name] === '1'} />
          ))}
        </div>
      </fieldset>
    </TechnicalCard>
  );
}

import {
  CAPTURE_DAYS,
  CHARSETS,
  DATA_CAPTURES,
  DEFAULT_OPERATIONS,
  ECI_CHOICES,
  emailsForm,
  PAYMENT_RETRIES,
  PROCESSING_MODES,
  SHA_ALGORITHM_NAMES,
  securityForm,
  transactionForm,
} from '../../src/technical/forms.ts';
import { settingFields } from './setting-fields.tsx';
import { TechnicalCard } from './technical-card.tsx';
import type { TechnicalSectionProps } from './technical-props.ts';

/** Global transaction parameters: default operation, data capture, processing mode, retries, default ECI (reference §0). */
export function TransactionSection(props: TechnicalSectionProps) {
  const { ctx, settings } = props;
  const { t } = ctx;
  const labels = {
    defaultOperation: t('technical.field.defaultOperation'),
    dataCapture: t('technical.field.dataCapture'),
    captureAfterDays: t('technical.field.captureAfterDays'),
    processingMode: t('technical.field.processingMode'),
    paymentRetries: t('technical.field.paymentRetries'),
    defaultEci: t('technical.field.defaultEci'),
  };
  const helps = {
    defaultOperation: t('technical.help.defaultOperation'),
    dataCapture: t('technical.help.dataCapture'),
    captureAfterDays: t('technical.help.captureAfterDays', CAPTURE_DAYS),
    processingMode: t('technical.help.processingMode'),
    paymentRetries: t('technical.help.paymentRetries', PAYMENT_RETRIES),
    defaultEci: t('technical.help.defaultEci'),
  };
  const { Select, Text } = settingFields(props, transactionForm, labels, helps);
  const capture = t(`technical.dataCapture.${settings.dataCapture}`);
  return (
    <TechnicalCard
      props={props}
      form={transactionForm}
      labels={labels}
      items={[
        [labels.defaultOperation, t(`technical.operation.${settings.defaultOperation}`)],
        [labels.dataCapture, capture],
        [labels.captureAfterDays, String(settings.captureAfterDays)],
        [labels.processingMode, t(`technical.processingMode.${settings.processingMode}`)],
        [labels.paymentRetries, String(settings.paymentRetries)],
        [labels.defaultEci, eciLabel(props, String(settings.defaultEci))],
      ]}
    >
      <Select
        name="defaultOperation"
        options={DEFAULT_OPERATIONS.map((code) => ({ value: code, label: t(`technical.operation.${code}`) }))}
      />
      <Select
        name="dataCapture"
        options={DATA_CAPTURES.map((code) => ({ value: code, label: t(`technical.dataCapture.${code}`) }))}
      />
      <Text name="captureAfterDays" inputmode="numeric" autocomplete="off" />
      <Select
        name="processingMode"
        options={PROCESSING_MODES.map((code) => ({ value: code, label: t(`technical.processingMode.${code}`) }))}
      />
      <Text name="paymentRetries" inputmode="numeric" autocomplete="off" />
      <Select name="defaultEci" options={ECI_CHOICES.map((code) => ({ value: code, label: eciLabel(props, code) }))} />
    </TechnicalCard>
  );
}

function eciLabel(props: TechnicalSectionProps, code: string): string {
  const known = (ECI_CHOICES as readonly string[]).includes(code);
  return known ? props.ctx.t(`technical.eci.${code as (typeof ECI_CHOICES)[number]}`) : code;
}

/** Global security parameters: the hash algorithm (SHA-1, SHA-256, SHA-512) and the character set. */
export function SecuritySection(props: TechnicalSectionProps) {
  const { ctx, settings } = props;
  const { t } = ctx;
  const labels = { shaAlgorithm: t('technical.field.shaAlgorithm'), charset: t('technical.field.charset') };
  const helps = { shaAlgorithm: t('technical.help.shaAlgorithm'), charset: t('technical.help.charset') };
  const { Select } = settingFields(props, securityForm, labels, helps);
  const charsetName = (code: string) =>
    (CHARSETS as readonly string[]).includes(code) ? t(`technical.charset.${code as (typeof CHARSETS)[number]}`) : code;
  return (
    <TechnicalCard
      props={props}
      form={securityForm}
      labels={labels}
      items={[
        [labels.shaAlgorithm, settings.shaAlgorithm],
        [labels.charset, charsetName(settings.charset)],
      ]}
    >
      <Select name="shaAlgorithm" options={SHA_ALGORITHM_NAMES.map((name) => ({ value: name, label: name }))} />
      <Select name="charset" options={CHARSETS.map((code) => ({ value: code, label: charsetName(code) }))} />
    </TechnicalCard>
  );
}

/** Transaction e-mails: the merchant's addresses and the three switches. */
export function EmailsSection(props: TechnicalSectionProps) {
  const { ctx, settings } = props;
  const { t } = ctx;
  const labels = {
    merchantEmails: t('technical.field.merchantEmails'),
    merchantConfirmationEmails: t('technical.field.merchantConfirmationEmails'),
    statusChangeEmails: t('technical.field.statusChangeEmails'),
    customerConfirmationEmails: t('technical.field.customerConfirmationEmails'),
  };
  const helps = {
    merchantEmails: t('technical.help.merchantEmails'),
    merchantConfirmationEmails: t('technical.help.merchantConfirmationEmails'),
    statusChangeEmails: t('technical.help.statusChangeEmails'),
    customerConfirmationEmails: t('technical.help.customerConfirmationEmails'),
  };
  const { Text, Checkbox } = settingFields(props, emailsForm, labels, helps);
  const yesNo = (on: boolean) => t(on ? 'audit.value.yes' : 'audit.value.no');
  return (
    <TechnicalCard
      props={props}
      form={emailsForm}
      labels={labels}
      items={[
        [labels.merchantEmails, (settings.merchantEmails ?? '').split(';').join('; ')],
        [labels.merchantConfirmationEmails, yesNo(settings.merchantConfirmationEmails)],
        [labels.statusChangeEmails, yesNo(settings.statusChangeEmails)],
        [labels.customerConfirmationEmails, yesNo(settings.customerConfirmationEmails)],
      ]}
    >
      <Text name="merchantEmails" autocomplete="email" />
      <Checkbox name="merchantConfirmationEmails" />
      <Checkbox name="statusChangeEmails" />
      <Checkbox name="customerConfirmationEmails" />
    </TechnicalCard>
  );
}

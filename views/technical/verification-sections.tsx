import { directLinkForm, ecommerceForm } from '../../src/technical/forms.ts';
import type { PassphraseUse } from '../../src/technical/settings.ts';
import { settingFields } from './setting-fields.tsx';
import { TechnicalCard } from './technical-card.tsx';
import type { TechnicalSectionProps } from './technical-props.ts';

/**
 * Data and origin verification (reference §0): "Checks for e-Commerce & Alias Gateway" (referrer
 * URLs and SHA-IN passphrase) and "Checks for DirectLink & Batch" (allowed IP addresses and
 * SHA-IN passphrase). A passphrase is said "Set" or "Not set", never shown.
 */

/** "Set" or "Not set" for a passphrase, in words. */
export function passphraseState(props: TechnicalSectionProps, use: PassphraseUse): string {
  return props.ctx.t(props.passphrases[use] ? 'technical.passphrase.set' : 'technical.passphrase.notSet');
}

/** Checks for e-Commerce & Alias Gateway. */
export function EcommerceSection(props: TechnicalSectionProps) {
  const { ctx, settings } = props;
  const { t } = ctx;
  const use = 'sha-in-ecommerce';
  const labels = { referrerUrls: t('technical.field.referrerUrls'), passphrase: t(`technical.field.passphrase.${use}`) };
  const helps = { referrerUrls: t('technical.help.referrerUrls'), passphrase: t(`technical.help.passphrase.${use}`) };
  const { TextArea, Text } = settingFields(props, ecommerceForm, labels, helps);
  const status = t(`technical.field.passphraseStatus.${use}`);
  return (
    <TechnicalCard
      props={props}
      form={ecommerceForm}
      labels={labels}
      items={[
        [labels.referrerUrls, settings.referrerUrls.length > 0 ? <Lines lines={settings.referrerUrls} /> : ''],
        [status, passphraseState(props, use)],
      ]}
    >
      <TextArea name="referrerUrls" />
      <PassphraseStatus id="technical-ecommerce-passphrase-status" label={status} value={passphraseState(props, use)} />
      <Text name="passphrase" type="password" autocomplete="new-password" hint={t('technical.passphrase.hint')} />
    </TechnicalCard>
  );
}

/** Checks for DirectLink & Batch: what DirectLink checks on every request (src/directlink/order-direct.ts checkOrigin). */
export function DirectLinkSection(props: TechnicalSectionProps) {
  const { ctx, settings } = props;
  const { t } = ctx;
  const use = 'sha-in-directlink';
  const labels = { allowedIps: t('technical.field.allowedIps'), passphrase: t(`technical.field.passphrase.${use}`) };
  const helps = { allowedIps: t('technical.help.allowedIps'), passphrase: t(`technical.help.passphrase.${use}`) };
  const { TextArea, Text } = settingFields(props, directLinkForm, labels, helps);
  const status = t(`technical.field.passphraseStatus.${use}`);
  return (
    <TechnicalCard
      props={props}
      form={directLinkForm}
      labels={labels}
      items={[
        [labels.allowedIps, settings.allowedIps.length > 0 ? <Lines lines={settings.allowedIps} /> : ''],
        [status, passphraseState(props, use)],
      ]}
    >
      <TextArea name="allowedIps" />
      <PassphraseStatus id="technical-directlink-passphrase-status" label={status} value={passphraseState(props, use)} />
      <Text name="passphrase" type="password" autocomplete="new-password" hint={t('technical.passphrase.hint')} />
    </TechnicalCard>
  );
}

/** Whether the passphrase is set, above the field that replaces it. */
export function PassphraseStatus({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <p class="passphrase-status" id={id}>
      {label}: <strong>{value}</strong>
    </p>
  );
}

/** Entries one per line. */
export function Lines({ lines }: { lines: string[] }) {
  return (
    <ul class="plain-list">
      {lines.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
  );
}

import {
  administrativeForm,
  BILLING_MODE_LIST,
  billingForm,
  isSubscriptionType,
  subscriptionForm,
  timeZoneForm,
} from '../../src/account/forms.ts';
import { timeZonesByRegion } from '../../src/lib/time.ts';
import type { SectionProps } from './account-props.ts';
import { FormSection, sectionFields } from './form-section.tsx';

/** C1: the legal name, the name customers see, a phone number and an e-mail address. */
export function AdministrativeSection(props: SectionProps) {
  const { ctx, account } = props;
  const { t } = ctx;
  const labels = {
    companyName: t('account.field.companyName'),
    tradeName: t('account.field.tradeName'),
    phone: t('account.field.phone'),
    email: t('account.field.email'),
  };
  const { Text } = sectionFields(props, administrativeForm, labels);
  return (
    <FormSection
      props={props}
      section="administrative"
      form={administrativeForm}
      labels={labels}
      items={[
        [labels.companyName, account.companyName],
        [labels.tradeName, account.tradeName],
        [labels.phone, account.phone],
        [labels.email, account.email],
      ]}
    >
      <Text name="companyName" hint={t('account.field.companyNameHint')} autocomplete="organization" />
      <Text name="tradeName" hint={t('account.field.tradeNameHint')} autocomplete="off" />
      <Text name="phone" hint={t('account.field.phoneHint')} autocomplete="tel" />
      <Text name="email" type="email" hint={t('account.field.emailHint')} autocomplete="email" />
    </FormSection>
  );
}

/** C2: billing address, VAT number, billing contact and billing mode. */
export function BillingSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const labels = {
    billingAddress: t('account.field.billingAddress'),
    vatNumber: t('account.field.vatNumber'),
    billingContact: t('account.field.billingContact'),
    billingMode: t('account.field.billingMode'),
  };
  const { Text, TextArea, Select } = sectionFields(props, billingForm, labels);
  return (
    <FormSection
      props={props}
      section="billing"
      form={billingForm}
      labels={labels}
      items={[
        [labels.billingAddress, account.billingAddress ? <span class="address">{lines(account.billingAddress)}</span> : ''],
        [labels.vatNumber, account.vatNumber],
        [labels.billingContact, account.billingContact],
        [labels.billingMode, t(`account.billingMode.${account.billingMode}`)],
      ]}
    >
      <TextArea name="billingAddress" autocomplete="street-address" />
      <Text name="vatNumber" hint={t('account.field.vatNumberHint')} autocomplete="off" />
      <Text name="billingContact" hint={t('account.field.billingContactHint')} autocomplete="off" />
      <Select name="billingMode">
        {BILLING_MODE_LIST.map((mode) => (
          <option value={mode} selected={state.values.billingMode === mode}>
            {t(`account.billingMode.${mode}`)}
          </option>
        ))}
      </Select>
    </FormSection>
  );
}

/** C3: the subscription type and the user limit it brings. */
export function SubscriptionSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const labels = { subscription: t('account.field.subscription') };
  const { Select } = sectionFields(props, subscriptionForm, labels);
  const name = (type: string) => (isSubscriptionType(type) ? t(`account.subscription.${type}`) : type);
  return (
    <FormSection
      props={props}
      section="subscription"
      form={subscriptionForm}
      labels={labels}
      intro={<p>{t('account.users', { count: props.userCount, limit: account.userLimit })}</p>}
      items={[
        [labels.subscription, name(account.subscription)],
        [t('account.userLimit'), t('account.userLimitValue', { count: account.userLimit })],
      ]}
    >
      <Select name="subscription" hint={t('account.field.subscriptionHint')}>
        {props.subscriptions.map(({ type, userLimit }) => (
          <option value={type} selected={state.values.subscription === type}>
            {t('account.subscriptionChoice', { name: t(`account.subscription.${type}`), count: userLimit })}
          </option>
        ))}
      </Select>
    </FormSection>
  );
}

/** D5: the account's time zone, the one new users start with. */
export function TimeZoneSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const labels = { timeZone: t('account.field.timeZone') };
  const { Select } = sectionFields(props, timeZoneForm, labels);
  return (
    <FormSection
      props={props}
      section="timeZone"
      form={timeZoneForm}
      labels={labels}
      items={[[labels.timeZone, account.timeZone]]}
    >
      <Select name="timeZone" hint={t('account.field.timeZoneHint')}>
        {timeZonesByRegion().map((group) => (
          <optgroup label={group.region}>
            {group.zones.map((zone) => (
              <option value={zone} selected={state.values.timeZone === zone}>
                {zone}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
    </FormSection>
  );
}

/** A multi-line text with its line breaks shown. */
function lines(text: string) {
  return text.split('\n').map((line, index) => (index === 0 ? line : [<br />, line]));
}

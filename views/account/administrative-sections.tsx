import {
  administrativeForm,
  BILLING_MODE_LIST,
  billingForm,
  isSubscriptionType,
  subscriptionForm,
  timeZoneForm,
} from '../../src/account/forms.ts';
import { timeZonesByRegion } from '../../src/lib/time.ts';
import { SelectField } from '../components/select-field.tsx';
import { TextAreaField } from '../components/text-area-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { SectionProps } from './account-props.ts';
import { SectionCard, SectionForm, Summary } from './section-card.tsx';

/** C1: the legal name, the name customers see, a phone number and an e-mail address. */
export function AdministrativeSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const { fields } = administrativeForm;
  const { values, errors } = state;
  const labels = {
    companyName: t('account.field.companyName'),
    tradeName: t('account.field.tradeName'),
    phone: t('account.field.phone'),
    email: t('account.field.email'),
  };
  return (
    <SectionCard
      props={props}
      section="administrative"
      title={t('account.section.administrative')}
      summary={
        <Summary
          props={props}
          items={[
            [labels.companyName, account.companyName],
            [labels.tradeName, account.tradeName],
            [labels.phone, account.phone],
            [labels.email, account.email],
          ]}
        />
      }
      form={
        <SectionForm
          props={props}
          section="administrative"
          form={administrativeForm}
          labels={labels}
          button={t('account.save.administrative')}
        >
          <TextField
            t={t}
            field={fields.companyName}
            label={labels.companyName}
            hint={t('account.field.companyNameHint')}
            value={values.companyName ?? ''}
            error={errors.companyName}
            autocomplete="organization"
          />
          <TextField
            t={t}
            field={fields.tradeName}
            label={labels.tradeName}
            hint={t('account.field.tradeNameHint')}
            value={values.tradeName ?? ''}
            error={errors.tradeName}
            autocomplete="off"
          />
          <TextField
            t={t}
            field={fields.phone}
            label={labels.phone}
            hint={t('account.field.phoneHint')}
            value={values.phone ?? ''}
            error={errors.phone}
            autocomplete="tel"
          />
          <TextField
            t={t}
            field={fields.email}
            type="email"
            label={labels.email}
            hint={t('account.field.emailHint')}
            value={values.email ?? ''}
            error={errors.email}
            autocomplete="email"
          />
        </SectionForm>
      }
    />
  );
}

/** C2: billing address, VAT number, billing contact and billing mode. */
export function BillingSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const { fields } = billingForm;
  const { values, errors } = state;
  const labels = {
    billingAddress: t('account.field.billingAddress'),
    vatNumber: t('account.field.vatNumber'),
    billingContact: t('account.field.billingContact'),
    billingMode: t('account.field.billingMode'),
  };
  return (
    <SectionCard
      props={props}
      section="billing"
      title={t('account.section.billing')}
      summary={
        <Summary
          props={props}
          items={[
            [labels.billingAddress, account.billingAddress ? <span class="address">{lines(account.billingAddress)}</span> : ''],
            [labels.vatNumber, account.vatNumber],
            [labels.billingContact, account.billingContact],
            [labels.billingMode, t(`account.billingMode.${account.billingMode}`)],
          ]}
        />
      }
      form={
        <SectionForm props={props} section="billing" form={billingForm} labels={labels} button={t('account.save.billing')}>
          <TextAreaField
            t={t}
            field={fields.billingAddress}
            label={labels.billingAddress}
            value={values.billingAddress ?? ''}
            error={errors.billingAddress}
            autocomplete="street-address"
          />
          <TextField
            t={t}
            field={fields.vatNumber}
            label={labels.vatNumber}
            hint={t('account.field.vatNumberHint')}
            value={values.vatNumber ?? ''}
            error={errors.vatNumber}
            autocomplete="off"
          />
          <TextField
            t={t}
            field={fields.billingContact}
            label={labels.billingContact}
            hint={t('account.field.billingContactHint')}
            value={values.billingContact ?? ''}
            error={errors.billingContact}
            autocomplete="off"
          />
          <SelectField t={t} field={fields.billingMode} label={labels.billingMode} error={errors.billingMode}>
            {BILLING_MODE_LIST.map((mode) => (
              <option value={mode} selected={values.billingMode === mode}>
                {t(`account.billingMode.${mode}`)}
              </option>
            ))}
          </SelectField>
        </SectionForm>
      }
    />
  );
}

/** C3: the subscription type and the user limit it brings. */
export function SubscriptionSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const { fields } = subscriptionForm;
  const labels = { subscription: t('account.field.subscription') };
  const name = (type: string) => (isSubscriptionType(type) ? t(`account.subscription.${type}`) : type);
  const users = <p>{t('account.users', { count: props.userCount, limit: account.userLimit })}</p>;
  return (
    <SectionCard
      props={props}
      section="subscription"
      title={t('account.section.subscription')}
      intro={users}
      summary={
        <Summary
          props={props}
          items={[
            [labels.subscription, name(account.subscription)],
            [t('account.userLimit'), t('account.userLimitValue', { count: account.userLimit })],
          ]}
        />
      }
      form={
        <SectionForm
          props={props}
          section="subscription"
          form={subscriptionForm}
          labels={labels}
          button={t('account.save.subscription')}
        >
          <SelectField
            t={t}
            field={fields.subscription}
            label={labels.subscription}
            hint={t('account.field.subscriptionHint')}
            error={state.errors.subscription}
          >
            {props.subscriptions.map(({ type, userLimit }) => (
              <option value={type} selected={state.values.subscription === type}>
                {t('account.subscriptionChoice', { name: t(`account.subscription.${type}`), count: userLimit })}
              </option>
            ))}
          </SelectField>
        </SectionForm>
      }
    />
  );
}

/** D5: the account's time zone, the one new users start with. */
export function TimeZoneSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const { fields } = timeZoneForm;
  const labels = { timeZone: t('account.field.timeZone') };
  return (
    <SectionCard
      props={props}
      section="timeZone"
      title={t('account.section.timeZone')}
      summary={<Summary props={props} items={[[labels.timeZone, account.timeZone]]} />}
      form={
        <SectionForm props={props} section="timeZone" form={timeZoneForm} labels={labels} button={t('account.save.timeZone')}>
          <SelectField
            t={t}
            field={fields.timeZone}
            label={labels.timeZone}
            hint={t('account.field.timeZoneHint')}
            error={state.errors.timeZone}
          >
            {timeZonesByRegion().map((group) => (
              <optgroup label={group.region}>
                {group.zones.map((zone) => (
                  <option value={zone} selected={state.values.timeZone === zone}>
                    {zone}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </SectionForm>
      }
    />
  );
}

/** A multi-line text with its line breaks shown. */
function lines(text: string) {
  return text.split('\n').map((line, index) => (index === 0 ? line : [<br />, line]));
}

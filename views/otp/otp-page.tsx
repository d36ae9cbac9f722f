import type { FieldErrors } from '../../src/forms/parse.ts';
import type { TwoFactorRequiredSectionProps } from '../account/two-factor-required-section.tsx';
import { TwoFactorRequiredSection } from '../account/two-factor-required-section.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { ActiveSections } from './active-sections.tsx';
import type { SetupSectionProps } from './setup-section.tsx';
import { SetupSection } from './setup-section.tsx';

export type OtpPageProps = {
  ctx: ViewContext;
  /** The account requires 2FA (B5): without it set up, nothing else is reachable; with it, it cannot be switched off. */
  required: boolean;
  /** 2FA on: since when (formatted), and how many recovery codes are left. */
  active?: { since: string; unusedRecoveryCodes: number };
  /** 2FA off: the pending seed made by the setup button, if any (see SetupSection). */
  setup?: SetupSectionProps['setup'];
  /** Which form failed, and its problems by field name. */
  failed?: { form: 'activate' | 'deactivate' | 'recovery' | 'account'; errors: FieldErrors };
  /** Administrators: the account setting. */
  accountSetting?: Omit<TwoFactorRequiredSectionProps, 'ctx'>;
};

/** B4: Configuration > Password > One-time password configuration. */
export function OtpPage(props: OtpPageProps) {
  const { ctx, failed } = props;
  const { t } = ctx;
  const activeFailed =
    failed?.form === 'deactivate' || failed?.form === 'recovery' ? { form: failed.form, errors: failed.errors } : undefined;
  return (
    <Layout ctx={ctx} title={t('otp.title')} hasErrors={Object.keys(failed?.errors ?? {}).length > 0}>
      <h1>{t('otp.title')}</h1>
      {props.required && !props.active ? (
        <div class="notice" role="status">
          <p>{t('otp.requiredNotice')}</p>
        </div>
      ) : null}
      <p>{t('otp.intro')}</p>
      <p>
        <strong>{props.active ? t('otp.statusOn', { date: props.active.since }) : t('otp.statusOff')}</strong>
      </p>
      {props.setup ? (
        <SetupSection ctx={ctx} setup={props.setup} errors={failed?.form === 'activate' ? failed.errors : {}} />
      ) : null}
      {props.active ? (
        <ActiveSections
          ctx={ctx}
          unusedRecoveryCodes={props.active.unusedRecoveryCodes}
          required={props.required}
          failed={activeFailed}
        />
      ) : null}
      {props.accountSetting ? <TwoFactorRequiredSection ctx={ctx} {...props.accountSetting} /> : null}
    </Layout>
  );
}

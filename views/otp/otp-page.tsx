import { raw } from 'hono/html';
import type { FieldErrors } from '../../src/http/forms.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type OtpPageProps = {
  ctx: ViewContext;
  /** The account requires 2FA and this user has not set it up: nothing else is reachable. */
  required: boolean;
  /** 2FA on: since when (formatted), and how many recovery codes are left. */
  active?: { since: string; unusedRecoveryCodes: number };
  /** 2FA off: the newest pending secret, its otpauth URI and its QR code (SVG). */
  setup?: { secret: string; uri: string; qrSvg: string };
  /** Which form failed, and how. */
  form?: 'activate' | 'deactivate' | 'recovery';
  errors?: FieldErrors;
  notice?: string;
  /** Administrators: the account setting. */
  accountSetting?: { pspid: string; required: boolean };
};

/** B4: Configuration > Password > One-time password configuration. */
export function OtpPage(props: OtpPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('otp.title')} hasErrors={Object.keys(errors).length > 0}>
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
      {props.setup ? <SetupSection {...props} setup={props.setup} errors={errors} /> : null}
      {props.active ? <ActiveSections {...props} active={props.active} errors={errors} /> : null}
      {props.accountSetting ? <AccountSetting ctx={ctx} {...props.accountSetting} /> : null}
    </Layout>
  );
}

/** The setup form: also the htmx fragment that replaces itself on a mistake. */
export function SetupSection(props: OtpPageProps & { setup: NonNullable<OtpPageProps['setup']>; errors: FieldErrors }) {
  const { ctx, setup, errors } = props;
  const { t, env } = ctx;
  return (
    <section class="card" id="otp-setup" aria-labelledby="otp-setup-title">
      <h2 id="otp-setup-title">{t('otp.setupTitle')}</h2>
      {props.notice ? (
        <div class="notice" role="status">
          <p>{props.notice}</p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={errors} order={['otp-code', 'otp-password']} />
      <ol class="steps">
        <li>
          <p>{t('otp.step1')}</p>
          <figure class="qr">
            <div role="img" aria-label={t('otp.qrAlt')}>
              {raw(setup.qrSvg)}
            </div>
            <figcaption>
              {t('otp.secretLabel')}:{' '}
              <code class="secret" data-otp-secret={setup.secret}>
                {groupSecret(setup.secret)}
              </code>
            </figcaption>
          </figure>
          <details>
            <summary>{t('otp.uriLabel')}</summary>
            <p>
              <code class="uri">{setup.uri}</code>
            </p>
          </details>
          <p class="hint">{t('otp.newestOnly')}</p>
        </li>
        <li>
          <p>{t('otp.step2')}</p>
          <form
            method="post"
            action={`/${env}/password/otp/activate`}
            novalidate
            hx-post={`/${env}/password/otp/activate`}
            hx-target="#otp-setup"
            hx-swap="outerHTML"
          >
            <CsrfField token={ctx.csrfToken} />
            <CodeAndPassword ctx={ctx} prefix="otp" errors={errors} />
            <button type="submit">{t('otp.activate')}</button>
          </form>
        </li>
      </ol>
    </section>
  );
}

function ActiveSections(props: OtpPageProps & { active: NonNullable<OtpPageProps['active']>; errors: FieldErrors }) {
  const { ctx, errors, form } = props;
  const { t, env } = ctx;
  const deactivateErrors = form === 'deactivate' ? errors : {};
  const recoveryErrors = form === 'recovery' ? errors : {};
  return (
    <>
      <section class="card" id="otp-recovery" aria-labelledby="otp-recovery-title">
        <h2 id="otp-recovery-title">{t('otp.recoveryTitle')}</h2>
        <p>{t('otp.recoveryIntro')}</p>
        <p>{t('otp.recoveryRemaining', { count: props.active.unusedRecoveryCodes })}</p>
        <ErrorSummary t={t} errors={recoveryErrors} order={['recovery-code', 'recovery-password']} />
        <form method="post" action={`/${env}/password/otp/recovery-codes`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <CodeAndPassword ctx={ctx} prefix="recovery" errors={recoveryErrors} />
          <button type="submit">{t('otp.recoveryRegenerate')}</button>
        </form>
      </section>
      {props.required ? null : (
        <section class="card" id="otp-deactivate" aria-labelledby="otp-deactivate-title">
          <h2 id="otp-deactivate-title">{t('otp.deactivateTitle')}</h2>
          <p>{t('otp.deactivateIntro')}</p>
          <ErrorSummary t={t} errors={deactivateErrors} order={['deactivate-code', 'deactivate-password']} />
          <form method="post" action={`/${env}/password/otp/deactivate`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <CodeAndPassword ctx={ctx} prefix="deactivate" errors={deactivateErrors} />
            <button type="submit">{t('otp.deactivate')}</button>
          </form>
        </section>
      )}
    </>
  );
}

function CodeAndPassword({ ctx, prefix, errors }: { ctx: ViewContext; prefix: string; errors: FieldErrors }) {
  const { t } = ctx;
  return (
    <>
      <TextField
        t={t}
        id={`${prefix}-code`}
        name="code"
        label={t('otp.code')}
        hint={t('otp.codeHint')}
        error={errors[`${prefix}-code`]}
        autocomplete="one-time-code"
        inputmode="numeric"
        maxLength={12}
      />
      <TextField
        t={t}
        id={`${prefix}-password`}
        name="password"
        type="password"
        label={t('otp.password')}
        error={errors[`${prefix}-password`]}
        autocomplete="current-password"
      />
    </>
  );
}

function AccountSetting({ ctx, pspid, required }: { ctx: ViewContext; pspid: string; required: boolean }) {
  const { t, env } = ctx;
  return (
    <section class="card" id="otp-account" aria-labelledby="otp-account-title">
      <h2 id="otp-account-title">{t('otp.requiredSetting')}</h2>
      <p class="hint" id="otp-required-hint">
        {t('otp.requiredSettingHint')}
      </p>
      <form method="post" action={`/${env}/password/otp/required`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submitted" value="1" />
        <div class="checkbox">
          <input
            type="checkbox"
            id="otp-required"
            name="required"
            value="1"
            checked={required}
            aria-describedby="otp-required-hint"
          />
          <label for="otp-required">{t('otp.requiredCheckbox', { pspid })}</label>
        </div>
        <button type="submit">{t('otp.requiredSave')}</button>
      </form>
    </section>
  );
}

/** The recovery codes, shown once after they are made, with a text download that needs no server. */
export function RecoveryCodesPage({
  ctx,
  codes,
  userid,
  pspid,
}: {
  ctx: ViewContext;
  codes: string[];
  userid: string;
  pspid: string;
}) {
  const { t, env } = ctx;
  const file = `${t('otp.codesFileHeader', { userid, pspid })}\n\n${codes.join('\n')}\n`;
  return (
    <Layout ctx={ctx} title={t('otp.codesTitle')}>
      <h1>{t('otp.codesTitle')}</h1>
      <p>{t('otp.codesIntro')}</p>
      <ul class="recovery-codes" aria-label={t('otp.codesTitle')}>
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download={`guichet-recovery-codes-${pspid}-${userid}.txt`}
        >
          {t('otp.codesDownload')}
        </a>
      </p>
      <p>
        <a class="button" href={`/${env}/password/otp`}>
          {t('otp.codesDone')}
        </a>
      </p>
    </Layout>
  );
}

/** "ABCD EFGH ..." is easier to type than 32 letters in a row. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

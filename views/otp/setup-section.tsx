import { raw } from 'hono/html';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import { activateForm } from '../../src/otp/forms.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorNotice, ErrorSummary } from '../components/error-summary.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { CodeAndPassword, codeAndPasswordLabels } from './code-and-password.tsx';

export type SetupSectionProps = {
  ctx: ViewContext;
  /**
   * 2FA is off. `pending`: the newest pending seed while valid (base32 secret, its otpauth URI
   * and its QR code as an SVG element), else null; `expired`: there is one but it is too old;
   * `minutes`: how long a QR code can be used.
   */
  setup: { pending: { secret: string; uri: string; qrSvg: string } | null; expired: boolean; minutes: number };
  /** The activation form's problems, by field name. */
  errors: FieldErrors;
};

/**
 * B4, while 2FA is off: the "Set up two-factor authentication" button (a POST makes the QR code;
 * looking at the page makes nothing), or, once pressed, the QR code and the form that switches 2FA
 * on. Also the htmx fragment that replaces itself after a mistake.
 */
export function SetupSection({ ctx, setup, errors }: SetupSectionProps) {
  const { t } = ctx;
  return (
    <section class="card" id="otp-setup" aria-labelledby="otp-setup-title">
      <h2 id="otp-setup-title">{t('otp.setupTitle')}</h2>
      {setup.pending ? (
        <PendingSteps ctx={ctx} pending={setup.pending} minutes={setup.minutes} errors={errors} />
      ) : (
        <>
          {errors.code ? (
            <ErrorNotice message={t.message(errors.code)} />
          ) : setup.expired ? (
            <div class="notice" role="status">
              <p>{t('otp.pendingExpired', { minutes: setup.minutes })}</p>
            </div>
          ) : null}
          <p>{t('otp.setupIntro', { minutes: setup.minutes })}</p>
          <SetupButton ctx={ctx} label={t('otp.setupStart')} />
        </>
      )}
    </section>
  );
}

/** The button that makes a new QR code (the first, or a new one in place of the last). */
function SetupButton({ ctx, label, secondary }: { ctx: ViewContext; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={paths.otp.setup(ctx.env)}>
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" class={secondary ? 'link-button' : undefined}>
        {label}
      </button>
    </form>
  );
}

/** Scan the QR code (or type its key), then confirm with a code and the password. */
function PendingSteps({
  ctx,
  pending,
  minutes,
  errors,
}: {
  ctx: ViewContext;
  pending: NonNullable<SetupSectionProps['setup']['pending']>;
  minutes: number;
  errors: FieldErrors;
}) {
  const { t, env } = ctx;
  const labels = codeAndPasswordLabels(t);
  return (
    <>
      <ErrorSummary t={t} errors={errors} form={activateForm} labels={labels} />
      <ol class="steps">
        <li>
          <p>{t('otp.step1')}</p>
          <QrCode t={t} pending={pending} />
          <p class="hint">{t('otp.newestOnly', { minutes })}</p>
          <SetupButton ctx={ctx} label={t('otp.setupAgain')} secondary />
        </li>
        <li>
          <p>{t('otp.step2')}</p>
          <form
            method="post"
            action={paths.otp.activate(env)}
            novalidate
            hx-post={paths.otp.activate(env)}
            hx-target="#otp-setup"
            hx-swap="outerHTML"
          >
            <CsrfField token={ctx.csrfToken} />
            <CodeAndPassword t={t} form={activateForm} errors={errors} labels={labels} />
            <button type="submit">{t('otp.activate')}</button>
          </form>
        </li>
      </ol>
    </>
  );
}

/** The QR code, the key as text for people who cannot scan, and the otpauth URI. */
function QrCode({ t, pending }: { t: Translate; pending: NonNullable<SetupSectionProps['setup']['pending']> }) {
  return (
    <>
      <figure class="qr">
        <div role="img" aria-label={t('otp.qrAlt')}>
          {raw(pending.qrSvg)}
        </div>
        <figcaption>
          {t('otp.secretLabel')}:{' '}
          <code class="secret" data-otp-secret={pending.secret}>
            {groupSecret(pending.secret)}
          </code>
        </figcaption>
      </figure>
      <details>
        <summary>{t('otp.uriLabel')}</summary>
        <p>
          <code class="uri">{pending.uri}</code>
        </p>
      </details>
    </>
  );
}

/** "ABCD EFGH ..." is easier to type than 32 letters in a row. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

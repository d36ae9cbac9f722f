import { raw } from 'hono/html';
import type { FieldErrors } from '../../src/forms/parse.ts';
import { activateForm } from '../../src/otp/forms.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { CodeAndPassword } from './code-and-password.tsx';

export type SetupSectionProps = {
  ctx: ViewContext;
  /** The newest pending seed (base32), its otpauth URI and its QR code (an SVG element). */
  setup: { secret: string; uri: string; qrSvg: string };
  /** The activation form's problems, by field name. */
  errors: FieldErrors;
  /** A note above the steps (the QR code expired and was replaced). */
  notice?: string;
};

/** B4: the setup form, while 2FA is off; also the htmx fragment that replaces itself after a mistake. */
export function SetupSection({ ctx, setup, errors, notice }: SetupSectionProps) {
  const { t, env } = ctx;
  return (
    <section class="card" id="otp-setup" aria-labelledby="otp-setup-title">
      <h2 id="otp-setup-title">{t('otp.setupTitle')}</h2>
      {notice ? (
        <div class="notice" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={errors} form={activateForm} />
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
            action={paths.otp.activate(env)}
            novalidate
            hx-post={paths.otp.activate(env)}
            hx-target="#otp-setup"
            hx-swap="outerHTML"
          >
            <CsrfField token={ctx.csrfToken} />
            <CodeAndPassword t={t} form={activateForm} errors={errors} />
            <button type="submit">{t('otp.activate')}</button>
          </form>
        </li>
      </ol>
    </section>
  );
}

/** "ABCD EFGH ..." is easier to type than 32 letters in a row. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

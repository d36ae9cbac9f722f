import { raw } from 'hono/html';
import type { PropsWithChildren } from 'hono/jsx';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { Flash } from '../components/flash.tsx';
import { HTMX_CONFIG } from './htmx.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { MainMenu } from './main-menu.tsx';
import type { ViewContext } from './view-context.ts';

type LayoutProps = PropsWithChildren<{
  ctx: ViewContext;
  title: string;
  hasErrors?: boolean;
  /** The page's own meta description; the application's by default. */
  description?: string;
}>;

/** The page shell: environment badge, account and user, language switch, menu, logout, footer. */
export function Layout({ ctx, title, hasErrors, description, children }: LayoutProps) {
  const { t, env } = ctx;
  const fullTitle = `${hasErrors ? t('form.errorTitlePrefix') : ''}${title} – ${t('app.name')}`;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <title>{fullTitle}</title>
          <meta name="description" content={description ?? t('app.description')} />
          <link rel="icon" href={ctx.assets.icon} type="image/svg+xml" />
          <link rel="stylesheet" href={ctx.assets.css} />
          <script src={ctx.assets.htmx} nonce={ctx.nonce} defer></script>
          <script src={ctx.assets.js} nonce={ctx.nonce} defer></script>
        </head>
        <body hx-boost="true">
          <div
            id="page"
            class={`env-${env}`}
            hx-headers={JSON.stringify({ 'X-CSRF-Token': ctx.csrfToken })}
            data-csrf-token={ctx.csrfToken}
            data-error-title-prefix={t('form.errorTitlePrefix')}
            data-idle-timeout-ms={ctx.idleTimeoutMs}
            data-idle-warning-ms={ctx.idleWarningMs}
            data-session-status={ctx.idleTimeoutMs ? paths.sessionStatus(env) : undefined}
          >
            <a class="skip-link" href="#main">
              {t('shell.skip')}
            </a>
            <header class="site-header">
              <div class="brand">
                <span class="brand-name">{t('app.name')}</span>
                <span class={`env-badge env-badge-${env}`}>
                  {t('env.badge', { env: t(env === 'test' ? 'env.test' : 'env.prod') })}
                </span>
              </div>
              {ctx.signedIn ? (
                <div class="identity">
                  <dl class="identity-list">
                    <div>
                      <dt>{t('shell.account')}</dt>
                      <dd>{ctx.signedIn.pspid}</dd>
                    </div>
                    <div>
                      <dt>{t('shell.user')}</dt>
                      <dd>{ctx.signedIn.userid}</dd>
                    </div>
                  </dl>
                  <form method="post" action={paths.logout(env)} class="logout-form">
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="link-button">
                      {t('shell.logout')}
                    </button>
                  </form>
                </div>
              ) : null}
              <LanguageSwitch ctx={ctx} />
            </header>
            {ctx.menu.length > 0 ? <MainMenu ctx={ctx} /> : null}
            <main id="main" tabindex={-1}>
              <Flash message={ctx.flash} />
              {children}
            </main>
            <footer class="site-footer">
              <a href={paths.cookies(env)}>{t('shell.cookies')}</a>
              <span>{t('shell.version', { version: ctx.version })}</span>
            </footer>
            {ctx.idleTimeoutMs ? <IdleDialog ctx={ctx} /> : null}
          </div>
        </body>
      </html>
    </>
  );
}

/** Shown by app.js two minutes before the idle timeout; never shown without JavaScript. */
function IdleDialog({ ctx }: { ctx: ViewContext }) {
  const { t, env } = ctx;
  return (
    <dialog id="idle-dialog" aria-labelledby="idle-title" aria-describedby="idle-body">
      <h2 id="idle-title">{t('idle.title')}</h2>
      <p id="idle-body" data-ended-text={t('idle.ended')}>
        {t('idle.body')}
      </p>
      <form method="post" action={paths.keepAlive(env)} data-keepalive hx-boost="false">
        <CsrfField token={ctx.csrfToken} />
        <button type="submit">{t('idle.stay')}</button>
      </form>
      <a href={paths.login(env, ctx.path)} data-idle-login hidden>
        {t('idle.login')}
      </a>
    </dialog>
  );
}

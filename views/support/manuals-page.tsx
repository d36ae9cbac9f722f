import type { Child } from 'hono/jsx';
import { MAX_OTP_FAILURES } from '../../src/auth/attempts.ts';
import { PASSWORD_MAX_AGE_MS, PASSWORD_NOTICE_MS } from '../../src/auth/stage.ts';
import type { PlainKey } from '../../src/i18n/catalogue.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/lib/clock.ts';
import { RECOVERY_CODE_COUNT } from '../../src/otp/recovery-codes.ts';
import { PENDING_SECRET_TTL_MS } from '../../src/otp/service.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../src/password/policy.ts';
import { RESET_PASSWORD_TTL_MS } from '../../src/password/reset-service.ts';
import { PASSWORD_HISTORY_SIZE } from '../../src/password/service.ts';
import type { ViewContext } from '../layout/view-context.ts';
import { type SessionFacts, SupportPageShell } from './support-page-shell.tsx';

type Section = { id: string; title: PlainKey; body: Child };

/** The password and two-factor limits the manual quotes, taken from the rules that enforce them. */
const SECURITY_FACTS = {
  passwordMin: PASSWORD_MIN_LENGTH,
  passwordMax: PASSWORD_MAX_LENGTH,
  passwordHistory: PASSWORD_HISTORY_SIZE,
  passwordDays: PASSWORD_MAX_AGE_MS / DAY_MS,
  noticeDays: PASSWORD_NOTICE_MS / DAY_MS,
  resetHours: RESET_PASSWORD_TTL_MS / HOUR_MS,
  qrMinutes: PENDING_SECRET_TTL_MS / MINUTE_MS,
  recoveryCodes: RECOVERY_CODE_COUNT,
  maxWrongCodes: MAX_OTP_FAILURES,
};

/** R1: the user manual of each part that exists today, with a table of contents. */
export function ManualsPage({ ctx, facts }: { ctx: ViewContext; facts: SessionFacts }) {
  const { t, env } = ctx;
  /** A menu path as the menu and the pages name it, e.g. Configuration > Password. */
  const path = (...labels: PlainKey[]) => labels.map((label) => t(label)).join(' > ');
  const passwordMenu = path('menu.configuration', 'menu.password');
  const profiles = { admin: t('profile.admin'), adminNoUserManager: t('profile.admin_no_user_manager') };
  const sections: Section[] = [
    {
      id: 'login',
      title: 'support.manuals.login.title',
      body: (
        <>
          <p>{t('support.manuals.login.intro')}</p>
          <ul>
            <li>{t('support.manuals.login.pspid', { form: t('login.pspidForm') })}</li>
            <li>{t('support.manuals.login.user', { form: t('login.userForm') })}</li>
          </ul>
          <p>{t('support.manuals.login.error', { max: facts.maxFailedLogins, minutes: facts.lockoutMinutes })}</p>
          <p>{t('support.manuals.login.next')}</p>
          <p>
            <a href={`/${env}/support/faq#faq-group-access`}>{t('support.manuals.login.faqLink')}</a>
          </p>
        </>
      ),
    },
    {
      id: 'environments',
      title: 'support.manuals.environments.title',
      body: (
        <>
          <p>{t('support.manuals.environments.separate')}</p>
          <p>{t('support.manuals.environments.paths')}</p>
          <p>{t('support.manuals.environments.login')}</p>
        </>
      ),
    },
    {
      id: 'sessions',
      title: 'support.manuals.sessions.title',
      body: (
        <>
          <p>{t('support.manuals.sessions.intro')}</p>
          <ul>
            <li>{t('support.manuals.sessions.idle', { minutes: facts.idleMinutes })}</li>
            <li>{t('support.manuals.sessions.absolute', { hours: facts.absoluteHours })}</li>
          </ul>
          <p>{t('support.manuals.sessions.js', { minutes: facts.warningMinutes, button: t('idle.stay') })}</p>
          <p>{t('support.manuals.sessions.nojs')}</p>
        </>
      ),
    },
    {
      id: 'logout',
      title: 'support.manuals.logout.title',
      body: (
        <>
          <p>{t('support.manuals.logout.body', { button: t('shell.logout') })}</p>
          <p>{t('support.manuals.logout.shared')}</p>
        </>
      ),
    },
    {
      id: 'language',
      title: 'support.manuals.language.title',
      body: (
        <>
          <p>{t('support.manuals.language.body', { label: t('shell.language'), button: t('shell.languageSubmit') })}</p>
          <p>{t('support.manuals.language.remembered')}</p>
        </>
      ),
    },
    {
      id: 'home',
      title: 'support.manuals.home.title',
      body: (
        <>
          <p>{t('support.manuals.home.body')}</p>
          <p>{t('support.manuals.home.security')}</p>
        </>
      ),
    },
    {
      id: 'password',
      title: 'support.manuals.password.title',
      body: (
        <>
          <p>
            {t('support.manuals.password.change', {
              menu: passwordMenu,
              current: t('password.current'),
              next: t('password.new'),
              confirm: t('password.confirm'),
              button: t('password.submit'),
            })}
          </p>
          <p>{t('support.manuals.password.rules')}</p>
          <ul>
            <li>{t('support.manuals.password.length', { min: SECURITY_FACTS.passwordMin, max: SECURITY_FACTS.passwordMax })}</li>
            <li>{t('support.manuals.password.letterDigit')}</li>
            <li>{t('support.manuals.password.notCommon')}</li>
            <li>{t('support.manuals.password.history', { count: SECURITY_FACTS.passwordHistory })}</li>
          </ul>
          <p>{t('support.manuals.password.expiry', { days: SECURITY_FACTS.passwordDays, notice: SECURITY_FACTS.noticeDays })}</p>
          <p>{t('support.manuals.password.issued', { forgotten: t('forgotten.link') })}</p>
          <p>
            {t('support.manuals.password.forgotten', {
              link: t('forgotten.link'),
              button: t('forgotten.submit'),
              hours: SECURITY_FACTS.resetHours,
            })}
          </p>
          <p>{t('support.manuals.password.forgottenCurrent')}</p>
          <p>{t('support.manuals.password.api', { title: t('password.apiTitle'), button: t('password.apiSubmit') })}</p>
          <p>
            <a href={`/${env}/password`}>{t('password.change')}</a>
          </p>
        </>
      ),
    },
    {
      id: 'two-factor',
      title: 'support.manuals.twoFactor.title',
      body: (
        <>
          <p>{t('support.manuals.twoFactor.intro', { path: path('menu.configuration', 'menu.password', 'otp.title') })}</p>
          <p>{t('support.manuals.twoFactor.setup', { button: t('otp.activate'), minutes: SECURITY_FACTS.qrMinutes })}</p>
          <p>
            {t('support.manuals.twoFactor.recovery', { count: SECURITY_FACTS.recoveryCodes, download: t('otp.codesDownload') })}
          </p>
          <p>{t('support.manuals.twoFactor.change', { regenerate: t('otp.recoveryRegenerate'), off: t('otp.deactivate') })}</p>
          <p>{t('support.manuals.twoFactor.login', { codes: SECURITY_FACTS.maxWrongCodes, max: facts.maxFailedLogins })}</p>
          <p>{t('support.manuals.twoFactor.required', { ...profiles, setting: t('otp.requiredSetting') })}</p>
          <p>
            <a href={`/${env}/password/otp`}>{t('password.otpLink')}</a>
          </p>
        </>
      ),
    },
    {
      id: 'users',
      title: 'support.manuals.users.title',
      body: (
        <>
          <p>
            {t('support.manuals.users.intro', {
              menu: path('menu.configuration', 'menu.users'),
              admin: profiles.admin,
              text: t('users.filterText'),
              status: t('users.filterStatus'),
              show: t('users.filterSubmit'),
            })}
          </p>
          <p>{t('support.manuals.users.limit')}</p>
          <p>{t('support.manuals.users.create', { button: t('users.new') })}</p>
          <ul>
            <li>{t('support.manuals.users.userid')}</li>
            <li>{t('support.manuals.users.contact')}</li>
            <li>{t('support.manuals.users.profile')}</li>
            <li>
              {t('support.manuals.users.scope', {
                label: t('users.field.scope'),
                superEncoder: t('profile.super_encoder'),
                encoder: t('profile.encoder'),
                viewer: t('profile.viewer'),
              })}
            </li>
            <li>{t('support.manuals.users.api', { label: t('users.field.api') })}</li>
            <li>{t('support.manuals.users.zone')}</li>
          </ul>
          <p>{t('support.manuals.users.password', { button: t('users.create'), menu: passwordMenu })}</p>
          <p>{t('support.manuals.users.edit', { edit: t('users.edit'), api: t('users.field.api'), save: t('users.save') })}</p>
          <p>{t('support.manuals.users.actions')}</p>
          <ul>
            <li>{t('support.manuals.users.sendPassword', { action: t('users.action.sendPassword') })}</li>
            <li>
              {t('support.manuals.users.deactivate', {
                deactivate: t('users.action.deactivate'),
                reactivate: t('users.action.reactivate'),
              })}
            </li>
            <li>{t('support.manuals.users.unlock', { action: t('users.action.unlock') })}</li>
            <li>{t('support.manuals.users.otpOff', { action: t('users.action.otpOff') })}</li>
          </ul>
          <p>{t('support.manuals.users.confirm')}</p>
          <p>{t('support.manuals.users.rules', { admin: profiles.admin })}</p>
          <p>
            <a href={`/${env}/support/profiles`}>{t('support.profiles.title')}</a>
          </p>
        </>
      ),
    },
    {
      id: 'audit',
      title: 'support.manuals.audit.title',
      body: (
        <>
          <p>{t('support.manuals.audit.intro', { menu: path('menu.configuration', 'menu.audit'), ...profiles })}</p>
          <p>
            {t('support.manuals.audit.filters', {
              from: t('audit.from'),
              to: t('audit.to'),
              user: t('audit.user'),
              event: t('audit.event'),
              result: t('audit.result'),
              submit: t('audit.submit'),
            })}
          </p>
          <p>{t('support.manuals.audit.order', { older: t('audit.older') })}</p>
          <p>{t('support.manuals.audit.download', { download: t('audit.download') })}</p>
          <p>{t('support.manuals.audit.integrity')}</p>
        </>
      ),
    },
    {
      id: 'cookies',
      title: 'support.manuals.cookies.title',
      body: (
        <>
          <p>{t('support.manuals.cookies.body', { link: t('shell.cookies') })}</p>
          <p>
            <a href={`/${env}/cookies`}>{t('shell.cookies')}</a>
          </p>
        </>
      ),
    },
    {
      id: 'support',
      title: 'support.manuals.support.title',
      body: (
        <>
          <p>{t('support.manuals.support.body')}</p>
          <ul>
            <li>
              <a href={`/${env}/support/faq`}>{t('support.faq.title')}</a>
            </li>
            <li>
              <a href={`/${env}/support/version`}>{t('support.version.title')}</a>
            </li>
            <li>
              <a href={`/${env}/support/contact`}>{t('support.contact.title')}</a>
            </li>
          </ul>
        </>
      ),
    },
  ];
  return (
    <SupportPageShell ctx={ctx} title="support.manuals.title">
      <p>{t('support.manuals.intro')}</p>
      <nav class="card toc" aria-labelledby="manual-toc-title">
        <h2 id="manual-toc-title">{t('support.manuals.toc')}</h2>
        <ol>
          {sections.map((section) => (
            <li>
              <a href={`#manual-${section.id}`}>{t(section.title)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((section) => (
        <section id={`manual-${section.id}`} aria-labelledby={`manual-${section.id}-title`} class="manual-section">
          <h2 id={`manual-${section.id}-title`}>{t(section.title)}</h2>
          {section.body}
        </section>
      ))}
    </SupportPageShell>
  );
}

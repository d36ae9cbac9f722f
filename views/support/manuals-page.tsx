import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../src/i18n/catalogue.ts';
import type { ViewContext } from '../layout/view-context.ts';
import { type SessionFacts, SupportPageShell } from './support-page-shell.tsx';

type Section = { id: string; title: MessageKey; body: Child };

/** R1: the user manual of each part that exists today, with a table of contents. */
export function ManualsPage({ ctx, facts }: { ctx: ViewContext; facts: SessionFacts }) {
  const { t, env } = ctx;
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

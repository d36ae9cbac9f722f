import type { Child } from 'hono/jsx';
import type { PlainKey } from '../../src/i18n/catalogue.ts';
import type { ViewContext } from '../layout/view-context.ts';
import { PasswordRules } from '../password/password-rules.tsx';
import { type SessionFacts, SupportPageShell } from './support-page-shell.tsx';

type Question = { id: string; question: PlainKey; answer: Child };
type Group = { id: string; title: PlainKey; questions: Question[] };

/** R1: questions and answers; <details> needs no JavaScript, and each answer has its own anchor. */
export function FaqPage({ ctx, facts }: { ctx: ViewContext; facts: SessionFacts }) {
  const { t, env } = ctx;
  const lockout = { max: facts.maxFailedLogins, minutes: facts.lockoutMinutes };
  const groups: Group[] = [
    {
      id: 'access',
      title: 'support.faq.group.access',
      questions: [
        {
          id: 'environments',
          question: 'support.faq.environments.q',
          answer: (
            <>
              <p>{t('support.faq.environments.a1')}</p>
              <p>{t('support.faq.environments.a2')}</p>
            </>
          ),
        },
        {
          id: 'login-error',
          question: 'support.faq.loginError.q',
          answer: (
            <>
              <p>{t('support.faq.loginError.a1')}</p>
              <p>{t('support.faq.loginError.a2')}</p>
            </>
          ),
        },
        {
          id: 'lockout',
          question: 'support.faq.lockout.q',
          answer: (
            <>
              <p>{t('support.faq.lockout.a1', lockout)}</p>
              <p>{t('support.faq.lockout.a2', lockout)}</p>
            </>
          ),
        },
        {
          id: 'api-users',
          question: 'support.faq.apiUser.q',
          answer: <p>{t('support.faq.apiUser.a')}</p>,
        },
      ],
    },
    {
      id: 'passwords',
      title: 'support.faq.group.passwords',
      questions: [
        {
          id: 'password-rules',
          question: 'support.faq.passwordRules.q',
          answer: (
            <>
              <PasswordRules t={t} id="faq-password-rules" />
              <p>
                <a href={`/${env}/password`}>{t('password.change')}</a>
              </p>
            </>
          ),
        },
        {
          id: 'issued-password',
          question: 'support.faq.issued.q',
          answer: <p>{t('support.faq.issued.a')}</p>,
        },
        {
          id: 'two-factor',
          question: 'support.faq.twoFactor.q',
          answer: (
            <>
              <p>{t('support.faq.twoFactor.a1')}</p>
              <p>{t('support.faq.twoFactor.a2')}</p>
              <p>
                <a href={`/${env}/password/otp`}>{t('password.otpLink')}</a>
              </p>
            </>
          ),
        },
        {
          id: 'lost-phone',
          question: 'support.faq.lostPhone.q',
          answer: <p>{t('support.faq.lostPhone.a')}</p>,
        },
      ],
    },
    {
      id: 'sessions',
      title: 'support.faq.group.sessions',
      questions: [
        {
          id: 'timeout',
          question: 'support.faq.timeout.q',
          answer: (
            <>
              <p>
                {t('support.faq.timeout.a1', { idle: facts.idleMinutes, hours: facts.absoluteHours, logout: t('shell.logout') })}
              </p>
              <p>{t('support.faq.timeout.a2', { warning: facts.warningMinutes, stay: t('idle.stay') })}</p>
            </>
          ),
        },
      ],
    },
    {
      id: 'cookies',
      title: 'support.faq.group.cookies',
      questions: [
        {
          id: 'cookies',
          question: 'support.faq.cookies.q',
          answer: (
            <>
              <p>{t('support.faq.cookies.a')}</p>
              <p>
                <a href={`/${env}/cookies`}>{t('support.faq.cookies.link')}</a>
              </p>
            </>
          ),
        },
      ],
    },
  ];
  return (
    <SupportPageShell ctx={ctx} title="support.faq.title">
      <p>{t('support.faq.intro')}</p>
      {groups.map((group) => (
        <section aria-labelledby={`faq-group-${group.id}`} class="faq-group">
          <h2 id={`faq-group-${group.id}`}>{t(group.title)}</h2>
          {group.questions.map((q) => (
            <details id={`faq-${q.id}`} class="faq-item">
              <summary>{t(q.question)}</summary>
              <div class="faq-answer">{q.answer}</div>
            </details>
          ))}
        </section>
      ))}
    </SupportPageShell>
  );
}

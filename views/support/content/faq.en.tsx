import { paths } from '../../../src/paths.ts';
import { PasswordRules } from '../../password/password-rules.tsx';
import { menuPath } from './menu-path.ts';
import type { ContentProps, Faq } from './types.ts';

/**
 * The frequently asked questions in English, by group. On-screen names come from the catalogue
 * through `t`, limits from `facts`, links from `paths`.
 */
export function faqEn({ t, env, facts }: ContentProps): Faq {
  return {
    intro: <p>Short answers to common questions. Select a question to show its answer.</p>,
    groups: [
      {
        id: 'access',
        title: 'Environments and logging in',
        questions: [
          {
            id: 'environments',
            question: 'What is the difference between TEST and PRODUCTION?',
            answer: (
              <>
                <p>
                  TEST is for trying things out, PRODUCTION is for real payments. They are separate: each has its own accounts,
                  users and data, and nothing done in one changes the other.
                </p>
                <p>
                  Addresses that start with /test are in TEST, those that start with /prod are in PRODUCTION, and the badge at the
                  top of every page names the environment. Each login page links to the other one, and you log in to each
                  environment separately.
                </p>
              </>
            ),
          },
          {
            id: 'login-error',
            question: 'Why does the login error not say what was wrong?',
            answer: (
              <>
                <p>
                  Saying whether the PSPID, the USERID or the password was wrong would help someone who is trying to guess login
                  details. So every failed login gets the same message, whatever the reason: wrong details, a locked or
                  deactivated user, or an API user. Checking an unknown user also takes as long as checking a known one.
                </p>
                <p>
                  Check each field and try again, and make sure you use the right form and the right environment. If it still
                  fails, ask an administrator of your account.
                </p>
              </>
            ),
          },
          {
            id: 'lockout',
            question: 'What happens after several failed logins?',
            answer: (
              <>
                <p>
                  After {facts.maxFailedLogins} failed logins in a row, the user is locked for {facts.lockoutMinutes} minutes.
                  Failures are counted per user, whatever the computer or network they come from, with one exception: a browser
                  you have already logged in with is recognised. Its own failures count for that browser alone (after{' '}
                  {facts.maxFailedLogins}, it is locked for {facts.lockoutMinutes} minutes), and it can still log in while the
                  user is locked by failures from elsewhere, so nobody else can lock you out of your own browser.
                </p>
                <p>
                  While the user is locked, even the right password is refused, with the usual login error. Once the{' '}
                  {facts.lockoutMinutes} minutes are over, you can log in again. A successful login sets the count back to zero,
                  and Home then shows how many failed attempts there were since your previous login.
                </p>
                <p>
                  When there are too many failed logins from your network, or on the whole service, the login page asks you to
                  wait a few minutes and says how long.
                </p>
              </>
            ),
          },
          {
            id: 'api-users',
            question: 'Can an API user log in to the back office?',
            answer: (
              <p>
                No. API users are meant for requests sent by your servers. A back-office login with an API user is always refused,
                with the usual login error, even with the right password.
              </p>
            ),
          },
        ],
      },
      {
        id: 'passwords',
        title: 'Passwords and two-factor authentication',
        questions: [
          {
            id: 'password-rules',
            question: 'What are the rules for a password?',
            answer: (
              <>
                <PasswordRules t={t} id="faq-password-rules" />
                <p>
                  <a href={paths.password.change(env)}>{t('password.change')}</a>
                </p>
              </>
            ),
          },
          {
            id: 'issued-password',
            question: 'Why must I change a password I was just given?',
            answer: (
              <p>
                A password issued by the system (the initial one, one sent by an administrator, or a one-time password from “
                {t('forgotten.link')}”) works for one login only, and that login leads straight to choosing your own. A
                self-chosen password lasts {facts.passwordMaxAgeDays} days; from {facts.passwordNoticeDays} days before, Home
                shows when it expires.
              </p>
            ),
          },
          {
            id: 'two-factor',
            question: 'How does two-factor authentication work?',
            answer: (
              <>
                <p>
                  After your password, the login asks for a {facts.codeDigits}-digit code from an authenticator app on your phone
                  (Google Authenticator, Microsoft Authenticator or any app for time-based codes). The code changes every{' '}
                  {facts.codePeriodSeconds} seconds and each code works once.
                </p>
                <p>
                  To switch it on, go to {menuPath(t, 'menu.configuration', 'menu.password', 'otp.title')}, choose “
                  {t('otp.setupStart')}”, scan the QR code (or type the key shown under it), then enter a code and your password.
                  Switching it off also asks for a code (or a recovery code) and your password. Your account may require it for
                  every user.
                </p>
                <p>
                  <a href={paths.otp.page(env)}>{t('password.otpLink')}</a>
                </p>
              </>
            ),
          },
          {
            id: 'lost-phone',
            question: 'I lost my phone: how do I log in?',
            answer: (
              <p>
                Use one of the recovery codes you kept when you switched two-factor authentication on: each replaces the app’s
                code once, at login and to switch two-factor authentication off (then set it up again on your new phone). Without
                them, contact an administrator of your account.
              </p>
            ),
          },
        ],
      },
      {
        id: 'sessions',
        title: 'Sessions',
        questions: [
          {
            id: 'timeout',
            question: 'Why was I signed out?',
            answer: (
              <>
                <p>
                  Your session ends after {facts.idleMinutes} minutes without activity, and in any case {facts.absoluteHours}{' '}
                  hours after you logged in. It also ends when you choose “{t('shell.logout')}”.
                </p>
                <p>
                  With JavaScript on, a window warns you {facts.warningMinutes} minutes before the idle limit: choose “
                  {t('idle.stay')}” to continue without losing what you have typed. Without JavaScript, the next page you open
                  asks you to log in again, then brings you back to that page.
                </p>
              </>
            ),
          },
        ],
      },
      {
        id: 'cookies',
        title: 'Cookies',
        questions: [
          {
            id: 'cookies',
            question: 'Which cookies does Guichet set?',
            answer: (
              <>
                <p>
                  Only functional cookies, which the site needs to work: the session cookie of each environment, a cookie that
                  protects forms before you log in, one for the language you chose, one that carries a confirmation message to the
                  next page, and one that remembers your cookie level. There are no analytics, advertising or social media
                  cookies.
                </p>
                <p>
                  <a href={paths.cookies(env)}>Every cookie, with its purpose and lifetime</a>
                </p>
              </>
            ),
          },
        ],
      },
    ],
  };
}

import { RETENTION_LIMITS } from '../../../src/account/forms.ts';
import { paths } from '../../../src/paths.ts';
import { TestCardsTable } from '../../technical/test-cards-table.tsx';
import { menuPath } from './menu-path.ts';
import type { ContentProps, Manual } from './types.ts';

/**
 * The user manual in English: one section per part of the back office that exists today.
 * On-screen names come from the catalogue through `t`, limits from `facts`, links from `paths`.
 */
export function manualEn({ t, env, facts, testCards }: ContentProps): Manual {
  const passwordMenu = menuPath(t, 'menu.configuration', 'menu.password');
  const admin = t('profile.admin');
  const adminNoUserManager = t('profile.admin_no_user_manager');
  return {
    intro: <p>This manual explains each part of the back office that exists today.</p>,
    sections: [
      {
        id: 'login',
        title: 'Logging in',
        body: (
          <>
            <p>The login page has two forms. Use the one that matches the login details you were given.</p>
            <ul>
              <li>
                “{t('login.pspidForm')}”: enter your PSPID and your password. You are logged in as the default administrator of
                the account, whose USERID is the same as the PSPID.
              </li>
              <li>
                “{t('login.userForm')}”: enter your USERID, the PSPID of the account and your password. You are logged in as that
                named user of the account.
              </li>
            </ul>
            <p>
              If something is wrong, one message says that the login failed, without saying which part was wrong. After{' '}
              {facts.maxFailedLogins} failed logins in a row, your user is locked for {facts.lockoutMinutes} minutes.
            </p>
            <p>
              If you opened a page of the back office while you were signed out, you are taken back to it once you have logged in;
              otherwise you arrive on the Home page.
            </p>
            <p>
              <a href={paths.support.faq(env, 'faq-group-access')}>Questions about login errors and locked users</a>
            </p>
          </>
        ),
      },
      {
        id: 'environments',
        title: 'TEST and PRODUCTION',
        body: (
          <>
            <p>
              Guichet has two environments: TEST, to try things out, and PRODUCTION, for real payments. Each has its own accounts,
              users and data; nothing you do in one changes the other.
            </p>
            <p>
              Addresses that start with /test belong to TEST, those that start with /prod to PRODUCTION. The badge at the top of
              every page shows the environment you are in.
            </p>
            <p>
              Each environment has its own login page, whose title says which one it is, with a link to the login page of the
              other. You log in to each environment separately.
            </p>
          </>
        ),
      },
      {
        id: 'sessions',
        title: 'Sessions and time limits',
        body: (
          <>
            <p>Once you have logged in, you stay signed in while you work, within two limits:</p>
            <ul>
              <li>after {facts.idleMinutes} minutes without activity, your session ends;</li>
              <li>after {facts.absoluteHours} hours, your session ends even if you are still working.</li>
            </ul>
            <p>
              With JavaScript on, a window warns you {facts.warningMinutes} minutes before the end of the idle period. Choose “
              {t('idle.stay')}” to continue: you stay on the same page and keep what you have typed. If the session has already
              ended, the window says so and offers a link to log in again.
            </p>
            <p>
              Without JavaScript there is no warning. If your session has ended, the next page you open asks you to log in again,
              then brings you back to that page. A form sent after the session has ended is not saved: log in again, then send it
              again.
            </p>
          </>
        ),
      },
      {
        id: 'logout',
        title: 'Logging out',
        body: (
          <>
            <p>
              Choose “{t('shell.logout')}” at the top of any page. Your session ends at once, and the login page confirms that you
              have logged out.
            </p>
            <p>On a shared computer, always log out when you have finished.</p>
          </>
        ),
      },
      {
        id: 'language',
        title: 'Language',
        body: (
          <>
            <p>
              The back office is available in English and in French. Pick a language in the “{t('shell.language')}” list at the
              top of the page and choose “{t('shell.languageSubmit')}”: the same page is shown again in that language.
            </p>
            <p>
              When you are logged in, your choice is saved with your user and applies every time you log in, from any computer.
              Before you log in, this browser remembers the choice.
            </p>
          </>
        ),
      },
      {
        id: 'home',
        title: 'The Home page',
        body: (
          <>
            <p>
              Home is the first page after you log in. It shows what needs your attention, a summary of your account (PSPID,
              company name, trade name, environment and time zone) and of your user (USERID, profile, time zone and the time of
              your previous login, in your time zone).
            </p>
            <p>
              Under “{t('home.attention')}”, each matter has its own heading, a few lines and a link to the page where you deal
              with it. A matter shows only when there is something to do, and only if your profile (and your account’s options)
              give you access to it. Today these are:
            </p>
            <ul>
              <li>
                <strong>{t('home.failedLogins.title')}</strong>: how many times someone failed to log in as you between your
                previous login and this one, with the time of that previous login. If they were not yours, change your password
                and tell an administrator of your account.
              </li>
              <li>
                <strong>{t('home.passwordExpiry.title')}</strong>: from {facts.passwordNoticeDays} days before your password
                expires, its date, with a link to change it.
              </li>
              <li>
                <strong>{t('home.otpOff.title')}</strong>: a link to set it up, and whether your account requires it.
              </li>
            </ul>
            <p>
              When nothing needs your attention, Home says that everything is in order. If part of the page could not be checked
              (a temporary fault), Home says so instead: reload the page a moment later.
            </p>
          </>
        ),
      },
      {
        id: 'password',
        title: 'Password',
        body: (
          <>
            <p>
              To change your password, go to {passwordMenu}, fill in “{t('password.current')}”, “{t('password.new')}” and “
              {t('password.confirm')}”, then choose “{t('password.submit')}”. Your other sessions, in other browsers or on other
              computers, end at once; you stay logged in where you made the change.
            </p>
            <p>A new password must follow these rules:</p>
            <ul>
              <li>
                {facts.passwordMinLength} to {facts.passwordMaxLength} characters; spaces and any characters are allowed, and case
                matters;
              </li>
              <li>at least one letter and one digit;</li>
              <li>
                hard to guess: not a common password, word, name or pattern, and without your USERID, PSPID, company name or
                e-mail address (if it is refused, the message beside the field says why and what to change);
              </li>
              <li>
                not one of your last {facts.passwordHistory} passwords, nor one you used in the last {facts.passwordHistoryMonths}{' '}
                months.
              </li>
            </ul>
            <p>
              A password you chose yourself lasts {facts.passwordMaxAgeDays} days. From {facts.passwordNoticeDays} days before it
              expires, Home shows the date, with a link to change it. Once it has expired, your next login leads straight to
              choosing a new one.
            </p>
            <p>
              A password issued by the system (your initial password, one sent by an administrator, or a one-time password from “
              {t('forgotten.link')}”) works for one login only. That login leads straight to choosing your own password, without
              asking for the current one, and you can open nothing else until you have done so.
            </p>
            <p>
              If you have forgotten your password, choose “{t('forgotten.link')}” on the login page. Enter your PSPID, and your
              USERID if you are a named user, then choose “{t('forgotten.submit')}”. If they match an active user with an e-mail
              address, a one-time password valid for {facts.resetHours} hours is mailed to that address.
            </p>
            <p>
              Your current password keeps working in the meantime: logging in with it cancels the one-time password. The page
              gives the same answer whatever you entered, so it never reveals whether a user exists.
            </p>
            <p>
              When the account has API users, administrators also find “{t('password.apiTitle')}” on this page: choose the API
              user, enter its new password twice and choose “{t('password.apiSubmit')}”. The same rules apply; API users never log
              in to the back office, and their passwords do not expire.
            </p>
            <p>
              <a href={paths.password.change(env)}>{t('password.change')}</a>
            </p>
          </>
        ),
      },
      {
        id: 'two-factor',
        title: 'Two-factor authentication',
        body: (
          <>
            <p>
              With two-factor authentication, each login asks, after your password, for a code from an authenticator app on your
              phone (Google Authenticator, Microsoft Authenticator or any app for time-based codes). You set it up in{' '}
              {menuPath(t, 'menu.configuration', 'menu.password', 'otp.title')}.
            </p>
            <p>
              Choose “{t('otp.setupStart')}”: a QR code appears, which can be used for {facts.qrMinutes} minutes. Scan it with the
              app, or type the key shown under it, then enter a code from the app and your password, and choose “
              {t('otp.activate')}”. Only the newest QR code works: “{t('otp.setupAgain')}” replaces it, for example once it has
              expired.
            </p>
            <p>
              Once it is on, {facts.recoveryCodes} recovery codes are shown, this one time only. Keep them somewhere safe, away
              from your phone; “{t('otp.codesDownload')}” saves them in a file. Each code replaces a code from the app once, for
              example if you lose your phone.
            </p>
            <p>
              To make new recovery codes (“{t('otp.recoveryRegenerate')}”, which cancels the old ones) or to turn two-factor
              authentication off (“{t('otp.deactivate')}”), enter a current code from the app, or one of your recovery codes if
              you lost your phone, and your password.
            </p>
            <p>
              At login, once your password is accepted, a second page asks for the code; you can enter a recovery code there
              instead. Each code works once. After {facts.maxWrongCodes} wrong codes in a row, the login attempt ends and you
              start again with your password; wrong codes also count toward the lock after {facts.maxFailedLogins} failed logins.
            </p>
            <p>
              An account can require two-factor authentication for every user: the {admin} and {adminNoUserManager} profiles set
              this on the same page, under “{t('otp.requiredSetting')}”, once their own two-factor authentication is on. Users who
              do not have it yet are then taken to the setup page at their next login, or at their next page if they are logged
              in, and can open nothing else until it is on; while it is required, it cannot be switched off.
            </p>
            <p>
              <a href={paths.otp.page(env)}>{t('password.otpLink')}</a>
            </p>
          </>
        ),
      },
      {
        id: 'account',
        title: t('account.title'),
        body: (
          <>
            <p>
              The {menuPath(t, 'menu.configuration', 'menu.account')} page holds the settings of your account, in sections. The{' '}
              {admin} and {adminNoUserManager} profiles change them; the {t('profile.viewer')} profile (the accountant) sees them
              without being able to change them; the other profiles do not see the page.
            </p>
            <p>
              Each section has its own button and is saved on its own: saving one section never changes another. If another
              administrator saved the same section while you were editing it, nothing is overwritten: the page shows the section
              as saved now, keeps what you typed in the form below it, and you save again once you have checked it. Every change
              is recorded in the audit log with the values before and after.
            </p>
            <ul>
              <li>
                “{t('account.section.administrative')}”: the company’s legal name, the trade name your customers see, a phone
                number in international format (+ and the country code, for example +32 2 123 45 67) and an e-mail address.
              </li>
              <li>
                “{t('account.section.billing')}”: the billing address, the VAT number (its two-letter country code, then the
                number: spaces, dots and hyphens are left out), the billing contact and the billing mode (
                {t('account.billingMode.invoice')} or {t('account.billingMode.direct_debit')}).
              </li>
              <li>
                “{t('account.section.subscription')}”: the subscription type, which sets how many users the account can have.
                Every user counts, deactivated and API users too, so a type that allows fewer users than the account has is
                refused.
              </li>
              <li>
                “{t('account.section.options')}”: the active options, then the recommended ones and the others, each with what it
                does. Switching an option off hides its pages and refuses its actions; nothing is deleted, and its data comes back
                when it is switched on again. In PRODUCTION, a page first lists what the change shows and hides, and the change is
                made only when you confirm it.
              </li>
              <li>“{t('account.section.languages')}”: the languages your payment page can be shown in, at least one.</li>
              <li>
                “{t('account.section.terms')}”, with the {t('account.option.ecommerce_level3')} option only: the address of your
                terms and conditions, which must start with https://.
              </li>
              <li>
                “{t('account.section.currencies')}”, with the {t('account.option.multi_currency')} option only: the currencies
                your customers can pay in, at least one. Each shows its number of decimals (ISO 4217: 0 for the yen, 2 for the
                euro, 3 for the Kuwaiti dinar) and whether your acquirer accepts it.
              </li>
              <li>“{t('account.section.timeZone')}”: the account’s time zone; new users start with it.</li>
              <li>
                “{t('account.section.retention')}”: how many days payment data is kept, a whole number from {RETENTION_LIMITS.min}{' '}
                to {RETENTION_LIMITS.max} ({RETENTION_LIMITS.default} unless you change it). Older payment data is deleted for
                good every day; the section says how much the next run will remove. The audit log is kept at least 12 months
                whatever this setting.
              </li>
            </ul>
          </>
        ),
      },
      {
        id: 'technical-information',
        title: t('technical.title'),
        body: (
          <>
            <p>
              The {menuPath(t, 'menu.configuration', 'menu.technical')} page says how your payments are processed, signed and
              checked, and where their results are sent. The {admin} and {adminNoUserManager} profiles change it; the{' '}
              {t('profile.viewer')} profile sees it without being able to change it; the other profiles do not see the page. Its
              tabs are sections of the page: the links at the top lead to each of them. Every setting has an “i” button beside it:
              open it (Enter or Space) to read what the setting does.
            </p>
            <p>
              Each section is saved on its own, as on the account page: a change made by another administrator meanwhile is never
              overwritten, and every change is recorded in the audit log with the values before and after. What you save applies
              from the next request on: DirectLink checks a new passphrase, algorithm or address list at once, so change your
              servers at the same time.
            </p>
            <ul>
              <li>
                “{t('technical.tab.transaction')}”: the default operation (authorisation or sale), the default data capture (by
                you, at the end of the day: once the midnight GMT+1 (23:00 UTC all year round, no summer time) after the order has
                passed, or after a number of days), the processing mode, the maximum payment attempts and the default ECI.
              </li>
              <li>
                “{t('technical.tab.security')}”: the hash algorithm of every SHA signature (SHA-1, SHA-256 or SHA-512) and the
                character encoding.
              </li>
              <li>
                “{t('technical.tab.verification')}”: for e-Commerce and the Alias Gateway, the addresses of the pages allowed to
                send payers, and the SHA-IN passphrase; for DirectLink and Batch, the IP addresses of your servers (IPv4 or IPv6,
                one per line or separated by commas; empty: any address) and the SHA-IN passphrase.
              </li>
              <li>
                “{t('technical.tab.feedback')}”: the SHA-OUT passphrase, the post-sale addresses and when they are called, the
                address called when a status changes offline, and the parameters sent. Addresses start with http:// or https://,
                with a host name, on port 80 or 443.
              </li>
              <li>“{t('technical.tab.emails')}”: your e-mail addresses (separated by semicolons) and which e-mails are sent.</li>
              <li>“{t('technical.tab.testInfo')}”: the test cards and the results they give in TEST.</li>
            </ul>
            <p>
              A passphrase is 8 to 64 characters (letters without accents, digits and symbols, no spaces). Once set it is never
              shown again: the page only says whether it is set. “{t('technical.generate.sha-in-directlink')}” and the other
              “generate” buttons let Guichet choose a random one, shown only on the page that follows: copy it then. When a
              passphrase is already set, a confirmation page comes first: requests signed with the current passphrase are refused
              from the moment you confirm, and Cancel changes nothing. TEST and PRODUCTION passphrases must differ: a passphrase
              already used by the account’s twin in the other environment is refused. The audit log says that a passphrase
              changed, never what it is.
            </p>
          </>
        ),
      },
      {
        id: 'users',
        title: 'Users',
        body: (
          <>
            <p>
              The {menuPath(t, 'menu.configuration', 'menu.users')} page is for the {admin} profile only. It lists the users of
              the account with their profile, two-factor authentication, status and last login. Filter the list with “
              {t('users.filterText')}” and “{t('users.filterStatus')}”, then choose “{t('users.filterSubmit')}”.
            </p>
            <p>
              The page also shows how many users the account has, out of the number its subscription allows. Every user counts,
              deactivated users and API users too; once the limit is reached, no user can be added.
            </p>
            <p>To add a user, choose “{t('users.new')}” and fill in:</p>
            <ul>
              <li>
                the USERID: 3 to 20 letters, digits, dots, hyphens or underscores, not already used in the account; it cannot be
                changed later;
              </li>
              <li>the name and, if the user has one, the e-mail address to which passwords are sent;</li>
              <li>the profile: you can give only profiles whose rights you hold yourself;</li>
              <li>
                “{t('users.field.scope')}”, for {t('profile.super_encoder')}, {t('profile.encoder')} and {t('profile.viewer')}{' '}
                users: they then see only the payments they made;
              </li>
              <li>
                “{t('users.field.api')}”, for DirectLink and automatic file upload: it can be set only when the user is created,
                and an API user never logs in to the back office;
              </li>
              <li>the time zone, which starts as the account’s, and the language.</li>
            </ul>
            <p>
              Then choose “{t('users.create')}”. The initial password is mailed to the user; if they have no e-mail address (or
              the mail cannot be sent), it is shown to you once, for you to give them. It works for one login, after which the
              user chooses their own. An API user gets its password in {passwordMenu} instead.
            </p>
            <p>
              On a user’s page, “{t('users.edit')}” lets you change their details, and “{t('users.save')}” keeps the changes; the
              USERID and “{t('users.field.api')}” cannot be changed. A new profile applies from the user’s next page. If another
              administrator saves a change to the same user while you are editing, nothing is overwritten and nothing is lost: the
              page shows the saved details and keeps your changes in the form, for you to check and save again.
            </p>
            <p>The user’s page also offers these actions:</p>
            <ul>
              <li>
                “{t('users.action.sendPassword')}”: a new password replaces the current one at once, is mailed to the user (or
                shown to you once) and works for one login; the user’s sessions end;
              </li>
              <li>
                “{t('users.action.deactivate')}” and “{t('users.action.reactivate')}”: a deactivated user can no longer log in,
                and their sessions end at once;
              </li>
              <li>
                “{t('users.action.unlock')}”, offered while a user is locked after failed logins: the user can log in again at
                once;
              </li>
              <li>
                “{t('users.action.otpOff')}”: the user’s two-factor authentication is switched off, for example after a lost
                phone; their sessions end, and they log in with their password alone until they set it up again.
              </li>
            </ul>
            <p>The actions that end the user’s sessions ask you to confirm first.</p>
            <p>
              A user who has not logged in for {facts.inactivityDays} days (counted from their creation when they never did, or
              from their reactivation) is deactivated automatically during the night, and their sessions end (PCI DSS 8.2.6). API
              users are not, nor is the account’s last active {admin}. The users list and the user’s page say why a user is
              inactive: “{t('users.deactivated.administrator')}” or “
              {t('users.deactivated.inactivity', { days: facts.inactivityDays })}”; the audit log records it. An administrator can
              reactivate the user, who then has {facts.inactivityDays} days to log in.
            </p>
            <p>
              Some rules always apply: nobody can give a profile with rights they do not hold themselves, the account always keeps
              at least one active {admin}, and nobody can change their own profile, nor deactivate their own user, send it a new
              password or switch off its two-factor authentication.
            </p>
            <p>
              <a href={paths.support.profiles(env)}>{t('support.profiles.title')}</a>
            </p>
          </>
        ),
      },
      {
        id: 'audit',
        title: 'Audit log',
        body: (
          <>
            <p>
              The {menuPath(t, 'menu.configuration', 'menu.audit')} page, for the {admin} and {adminNoUserManager} profiles, lists
              the audited events of the account: logins and their failures, lockouts, password and two-factor changes, changes to
              users and account settings, and the reading of the log itself. Each entry shows its time, the USERID, the event, its
              result, the origin IP address, the user or account concerned, and details.
            </p>
            <p>
              To narrow the list down, enter dates in “{t('audit.from')}” and “{t('audit.to')}” as YYYY-MM-DD: whole days in your
              own time zone, the end date included. You can also filter by “{t('audit.user')}” (the user who acted), “
              {t('audit.event')}” and “{t('audit.result')}” (successes, failures or both), then choose “{t('audit.submit')}”.
            </p>
            <p>
              Dates and times are shown in your time zone, newest first; “{t('audit.older')}” shows the entries that come before
              those on the page.
            </p>
            <p>
              “{t('audit.download')}” gives a CSV file of every entry that matches the filters, not only the page shown. Its times
              are in your time zone, which its header names.
            </p>
            <p>
              Nobody can change or delete an entry. Entries are kept {facts.auditKeepMonths} months, whatever the account’s data
              retention, then deleted by the nightly purge. Reading the log and downloading it are themselves recorded in it, with
              the filters used.
            </p>
          </>
        ),
      },
      {
        id: 'error-logs',
        title: t('errorLog.title'),
        body: (
          <>
            <p>
              The {menuPath(t, 'menu.configuration', 'menu.errorLogs')} page, for the {admin}, {adminNoUserManager} and{' '}
              {t('profile.viewer')} profiles, lists the transaction requests of the account that were refused in the last{' '}
              {facts.errorLogDays} days: DirectLink requests and e-Terminal payments today, newest first. Each error shows its
              time in your time zone, its source, the USERID that sent it, the ORDERID, the platform’s error code (NCERROR) and
              the detailed reason.
            </p>
            <p>
              The merchant’s server and the payer only get the error code and a short text; look here for the details when an
              integration is refused. Many reasons speak for themselves; for the others, see the integration guides or contact
              support with the NCERROR.
            </p>
            <p>
              To see the errors of one source only, choose it in “{t('errorLog.source')}”, then “{t('errorLog.submit')}”. “
              {t('errorLog.older')}” and “{t('errorLog.newer')}” move between pages of 50 errors. Errors older than{' '}
              {facts.errorLogDays} days are no longer shown and are deleted every hour.
            </p>
          </>
        ),
      },
      {
        id: 'data-retention',
        title: 'Data retention',
        body: (
          <>
            <p>
              Every night Guichet deletes the payment data of your account (orders and their operations, error-log entries,
              uploaded payment files) that is older than the account’s data retention, from {facts.retentionMinDays} to{' '}
              {facts.retentionMaxDays} days ({facts.retentionDefaultDays} unless an administrator changes it on the account page,
              which also shows how much the next run will delete). Audit log entries are not payment data: they are kept{' '}
              {facts.auditKeepMonths} months whatever the setting, then deleted. Each night’s deletion is recorded in the audit
              log with the number of rows deleted from each kind of data, even when there was nothing to delete.
            </p>
          </>
        ),
      },
      {
        id: 'production',
        title: t('production.title'),
        body: (
          <>
            <p>
              {menuPath(t, 'menu.configuration', 'menu.production')}, in TEST only and for the {admin} and {adminNoUserManager}{' '}
              profiles, copies your TEST account into PRODUCTION as a new account, for real payments. Your TEST account stays as
              it is, and you can go on using it for tests. PRODUCTION has no such page: its accounts are only opened from TEST.
            </p>
            <ol>
              <li>
                Choose the PSPID of the PRODUCTION account: the same as in TEST unless you type another one, of 2 to 30 letters,
                digits, dots, hyphens or underscores, that no other PRODUCTION account uses (whatever the case).
              </li>
              <li>
                Check the review page: it lists what will be copied and what will not. Nothing is created before you choose “
                {t('production.confirm', { pspid: 'PSPID' })}”.
              </li>
              <li>The summary page then lists what was copied and what to set up again in PRODUCTION.</li>
            </ol>
            <p>Copied:</p>
            <ul>
              <li>
                {t('production.part.administrative')}: {t('production.part.administrativeDetails')}
              </li>
              <li>
                {t('production.part.settings')}: {t('production.part.settingsDetails')}
              </li>
            </ul>
            <p>
              Not copied, to set up again: the subscription, the options (and the currencies, which come with the multi-currency
              option), the VAT number, the billing mode, the payment methods, the 3-D Secure data and the users.
            </p>
            <p>
              The PRODUCTION account has one user, its default administrator: its USERID is the PSPID and its profile {admin}. Its
              initial password is sent by e-mail to the TEST account’s e-mail address or, when the account has none, to yours;
              with neither, the page asks you to fill one in first. Log in to PRODUCTION with the PSPID and that password: it
              works once, and you then choose your own.
            </p>
            <p>
              The copy is made in one go: if anything fails, nothing is created. A TEST account has one PRODUCTION account; once
              it exists, the page shows when it was created, with a link to the summary. The creation is recorded in the audit log
              of both accounts.
            </p>
          </>
        ),
      },
      {
        id: 'e-terminal',
        title: t('eterminal.title'),
        body: (
          <>
            <p>
              The {menuPath(t, 'menu.operations', 'menu.newTransaction')} page (the e-Terminal) takes a card payment your customer
              gave you by mail or by telephone. It is there when the account has the e-Terminal option (
              {menuPath(t, 'menu.configuration', 'menu.account')}), for the {t('profile.encoder')} profile and every profile above
              it; the {t('profile.viewer')} profile cannot use it.
            </p>
            <p>
              Enter the order reference (up to 40 characters; a reference is paid only once in the account), the amount with the
              currency’s decimals (15.00 for euros, 1500 for yen, 1.500 for Kuwaiti dinars), the currency, and whether it is an
              authorisation (the amount is reserved, to be captured later) or a sale (the payment is requested at once): the
              account’s default operation is chosen first. Then the card: its number and expiry date (MM/YY) are required, the
              holder’s name and the “{t('eterminal.field.cvc')}” are not. Choose “{t('eterminal.pay')}”.
            </p>
            <p>
              The card is checked at once (its number, its expiry date, the length of its CVC) and sent to the acquirer. The next
              page shows the result: the PAYID, the status in figures and words, the authorisation code, the operation, the amount
              and the card masked. A refused card gets a PAYID too, and the page says why it was refused.
            </p>
            <p>
              If something is wrong, each problem is shown beside its field and what you typed is kept, except the card number and
              the CVC: Guichet never keeps them, so type them again. Guichet stores only the card’s first 6 and last 4 digits,
              never the CVC. Refused payments are listed in the error logs.
            </p>
            <p>
              In TEST, these cards give fixed results (the same table is on {menuPath(t, 'menu.configuration', 'menu.technical')},
              “{t('technical.tab.testInfo')}”); any other valid card number is authorised:
            </p>
            <TestCardsTable t={t} cards={testCards} id="manual-test-cards" />
          </>
        ),
      },
      {
        id: 'cookies',
        title: 'Cookie settings',
        body: (
          <>
            <p>
              The “{t('shell.cookies')}” link at the bottom of every page, also before you log in, lists every cookie Guichet sets
              and lets you choose a cookie level. At every level, Guichet sets only the cookies it needs to work.
            </p>
            <p>
              <a href={paths.cookies(env)}>{t('shell.cookies')}</a>
            </p>
          </>
        ),
      },
      {
        id: 'support',
        title: 'Support',
        body: (
          <>
            <p>
              Support, in the menu, holds this manual, the frequently asked questions, the platform version and how to contact the
              support team.
            </p>
            <ul>
              <li>
                <a href={paths.support.faq(env)}>{t('support.faq.title')}</a>
              </li>
              <li>
                <a href={paths.support.version(env)}>{t('support.version.title')}</a>
              </li>
              <li>
                <a href={paths.support.contact(env)}>{t('support.contact.title')}</a>
              </li>
            </ul>
          </>
        ),
      },
    ],
  };
}

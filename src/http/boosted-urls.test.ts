import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';
import { codeFor, activate as turnOnTwoFactor } from '../otp/test-fixtures.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { TestBrowser as Browser } from '../test/browser.ts';
import { createAccount, createHarness, createUser, ORIGIN, signIn, type TestUser } from '../test/harness.ts';
import { userForm } from '../users/test-fixtures.ts';

/*
 * Issue 8, item 12: with JavaScript on, every form is posted by htmx (hx-boost), and the address
 * bar shows what htmx is told to show. A reload must give the same page (never a 404 of a
 * POST-only address, never a page that offers the action again). Every POST route of the
 * application is a case below (the last test checks none is missing); each is posted as htmx
 * posts a boosted form, and its answer must say which address to show.
 */

const h = await createHarness();
const env = 'test' as const;
const GOOD_PASSWORD = 'Tulip-garden-2026';

/** The headers htmx sends with a boosted form's request, from the page at `from`. */
const boosted = (from: string) => ({ 'HX-Request': 'true', 'HX-Boosted': 'true', 'HX-Current-URL': `${ORIGIN}${from}` });

const URL_HEADERS = ['HX-Push-Url', 'HX-Replace-Url', 'HX-Location', 'HX-Redirect'];

/**
 * The address htmx shows after a boosted request answered with `response` (htmx 2.0's rules):
 * redirects are followed (as the browser's XHR does) and their target is shown; otherwise the
 * answer's HX-Push-Url / HX-Replace-Url ("false": the address stays), HX-Location, HX-Redirect.
 * An answer in place without any of these would show the POST's own address: refused here.
 */
async function shownAddress(browser: TestBrowser, response: Response, from: string, post: string) {
  let answer = response;
  let address = post;
  let redirected = false;
  while (answer.status >= 300 && answer.status < 400) {
    redirected = true;
    address = answer.headers.get('Location') ?? '';
    answer = await browser.get(address, boosted(from));
  }
  const push = answer.headers.get('HX-Push-Url') ?? answer.headers.get('HX-Replace-Url');
  const elsewhere = answer.headers.get('HX-Location') ?? answer.headers.get('HX-Redirect');
  if (elsewhere) return { address: elsewhere, answer };
  if (push === 'false') return { address: redirected ? address : from, answer };
  if (push) return { address: push, answer };
  assert.ok(redirected, `${post} answered ${answer.status} in place without ${URL_HEADERS.join(', ')}`);
  return { address, answer };
}

/** The page's own address, or the same with the mark of a refused form it shows again (`failed=`). */
function marked(page: string): RegExp {
  const escaped = page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}([?&]failed=[\\w-]+)?$`);
}

type Posted = {
  browser: TestBrowser;
  /** The page the form is on. */
  from: string;
  post: string;
  form: Record<string, string | null>;
  /** The address the bar must show afterwards (a RegExp when it carries a generated part). */
  shows: string | RegExp;
  /** When the answer shows something once (a password, recovery codes): what a reload must not show again. */
  once?: { heading: string; absent: string };
  /** An error page answered in place: the address stays the form's, whose page a reload shows (this heading). */
  reloadsAs?: string;
  /** What was typed, which a reload still shows (selector and value). */
  kept?: [string, string];
};

type Case = { name: string; route: string; prepare: () => Promise<Posted> };

/** An administrator on `from`, with the page read (its CSRF token in hand). */
async function adminOn(from: string) {
  const { user, browser } = await signIn(h);
  await browser.get(from);
  return { admin: user, browser, from };
}

/** An administrator with two-factor authentication on, on the one-time password page. */
async function withTwoFactor() {
  const { user, browser } = await signIn(h);
  const { secret } = await turnOnTwoFactor(h, browser, user.password);
  h.clock.advance(30_000);
  await browser.get(paths.otp.page(env));
  return { admin: user, browser, from: paths.otp.page(env), code: () => codeFor(h, secret) };
}

const anonymousOn = async (from: string) => {
  const browser = new Browser(h.app);
  await browser.get(from);
  return { browser, from };
};

const otherUser = (
  admin: TestUser,
  userid: string,
  options: Parameters<typeof createUser>[3] extends infer O ? Partial<O> : never = {},
) => createUser(h.db, admin.accountId, admin.pspid, { userid, ...options });

const cases: Case[] = [
  {
    name: 'a refused login stays on the login page',
    route: '/login',
    prepare: async () => {
      const { browser, from } = await anonymousOn(paths.login(env));
      return {
        browser,
        from,
        post: paths.login(env),
        form: { form: 'pspid', pspid: 'NOBODY', password: '' },
        shows: marked(from),
      };
    },
  },
  {
    name: 'a login goes Home',
    route: '/login',
    prepare: async () => {
      const { user } = await signIn(h);
      const { browser, from } = await anonymousOn(paths.login(env));
      const form = { form: 'pspid', pspid: user.pspid, password: user.password };
      return { browser, from, post: paths.login(env), form, shows: paths.home(env) };
    },
  },
  {
    name: 'logging out shows the login page',
    route: '/logout',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.home(env));
      return { browser, from, post: paths.logout(env), form: {}, shows: paths.login(env) };
    },
  },
  {
    name: 'the language switch returns to the page',
    route: '/language',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.support.index(env));
      return { browser, from, post: paths.language(env), form: { lang: 'fr', next: from }, shows: from };
    },
  },
  {
    name: 'a wrong code at the login’s code step stays on the step',
    route: '/login/otp',
    prepare: async () => {
      const { admin } = await withTwoFactor();
      const browser = new Browser(h.app);
      await browser.get(paths.login(env));
      await browser.post(paths.login(env), { form: 'pspid', pspid: admin.pspid, password: admin.password });
      const from = paths.loginCode(env, paths.home(env));
      await browser.get(from);
      return { browser, from, post: paths.loginCode(env), form: { code: '', next: paths.home(env) }, shows: marked(from) };
    },
  },
  {
    name: 'a refused password change stays on the password page',
    route: '/password',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.password.change(env));
      const form = { current: 'not the password', next: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
      return { browser, from, post: paths.password.change(env), form, shows: marked(from) };
    },
  },
  {
    name: 'a password change goes Home',
    route: '/password',
    prepare: async () => {
      const { admin, browser, from } = await adminOn(paths.password.change(env));
      const form = { current: admin.password, next: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
      return { browser, from, post: paths.password.change(env), form, shows: paths.home(env) };
    },
  },
  {
    name: 'a refused API user’s password stays on the password page (it was a 404 on reload)',
    route: '/password/api-user',
    prepare: async () => {
      const { admin, browser, from } = await adminOn(paths.password.change(env));
      const api = await otherUser(admin, 'api.refused', { isApiUser: true });
      const form = { apiUser: api.id, next: GOOD_PASSWORD, confirmation: 'Something-else-2026' };
      return { browser, from, post: paths.password.apiUser(env), form, shows: marked(from) };
    },
  },
  {
    name: 'an API user’s password set returns to the password page',
    route: '/password/api-user',
    prepare: async () => {
      const { admin, browser, from } = await adminOn(paths.password.change(env));
      const api = await otherUser(admin, 'api.set', { isApiUser: true });
      const form = { apiUser: api.id, next: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
      return { browser, from, post: paths.password.apiUser(env), form, shows: from };
    },
  },
  {
    name: 'a refused “Password forgotten?” stays on its page',
    route: '/password/forgotten',
    prepare: async () => {
      const { browser, from } = await anonymousOn(paths.password.forgotten(env));
      return { browser, from, post: from, form: { pspid: '', userid: '' }, shows: marked(from) };
    },
  },
  {
    name: '“Password forgotten?” answered: a reload shows the form, it sends nothing again',
    route: '/password/forgotten',
    prepare: async () => {
      const { browser, from } = await anonymousOn(paths.password.forgotten(env));
      return { browser, from, post: from, form: { pspid: 'NOBODY', userid: '' }, shows: from };
    },
  },
  {
    name: '“Set up two-factor authentication” returns to its page, with the QR code',
    route: '/password/otp/setup',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.otp.page(env));
      return { browser, from, post: paths.otp.setup(env), form: {}, shows: from };
    },
  },
  {
    name: 'a wrong code turning two-factor authentication on stays on its page',
    route: '/password/otp/activate',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.otp.page(env));
      return { browser, from, post: paths.otp.activate(env), form: { code: '000000', password: 'wrong' }, shows: marked(from) };
    },
  },
  {
    name: 'a wrong code switching one’s own two-factor authentication off stays on its page (it was a 404 on reload)',
    route: '/password/otp/deactivate',
    prepare: async () => {
      const { browser, from } = await withTwoFactor();
      return { browser, from, post: paths.otp.deactivate(env), form: { code: '000000', password: 'wrong' }, shows: marked(from) };
    },
  },
  {
    name: 'switching one’s own two-factor authentication off returns to its page',
    route: '/password/otp/deactivate',
    prepare: async () => {
      const { admin, browser, from, code } = await withTwoFactor();
      const form = { code: code(), password: admin.password };
      return { browser, from, post: paths.otp.deactivate(env), form, shows: from };
    },
  },
  {
    name: 'a wrong code asking for new recovery codes stays on its page (it was a 404 on reload)',
    route: '/password/otp/recovery-codes',
    prepare: async () => {
      const { browser, from } = await withTwoFactor();
      return {
        browser,
        from,
        post: paths.otp.recoveryCodes(env),
        form: { code: '000000', password: 'wrong' },
        shows: marked(from),
      };
    },
  },
  {
    name: 'new recovery codes are shown once: a reload shows the one-time password page without them',
    route: '/password/otp/recovery-codes',
    prepare: async () => {
      const { admin, browser, from, code } = await withTwoFactor();
      const form = { code: code(), password: admin.password };
      return {
        browser,
        from,
        post: paths.otp.recoveryCodes(env),
        form,
        shows: from,
        once: { heading: 'Your recovery codes', absent: 'ul.recovery-codes' },
      };
    },
  },
  {
    name: 'the account’s 2FA setting returns to its page',
    route: '/password/otp/required',
    prepare: async () => {
      const { browser, from } = await withTwoFactor();
      return { browser, from, post: paths.account.twoFactorRequired(env), form: { required: '' }, shows: from };
    },
  },
  {
    name: 'a refused new user stays on the new-user form (it showed the users list on reload)',
    route: '/users',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.users.new(env));
      const form = userForm({ userid: 'a b', name: 'Typed Name' });
      const shows = marked(from);
      return { browser, from, post: paths.users.create(env), form, shows, kept: ['#user-name', 'Typed Name'] };
    },
  },
  {
    name: 'a user created with a mailed password shows the user’s page',
    route: '/users',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.users.new(env));
      const form = userForm({ userid: 'mailed.new', email: 'mailed.new@example.test' });
      return { browser, from, post: paths.users.create(env), form, shows: /^\/test\/users\/[0-9a-f-]{36}$/ };
    },
  },
  {
    name: 'a user created without e-mail: the password is shown once, a reload shows the user’s page without it',
    route: '/users',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.users.new(env));
      const form = userForm({ userid: 'shown.new' });
      return {
        browser,
        from,
        post: paths.users.create(env),
        form,
        shows: /^\/test\/users\/[0-9a-f-]{36}$/,
        once: { heading: 'shown.new', absent: 'code.shown-password' },
      };
    },
  },
  {
    name: 'a refused edit stays on the edit form',
    route: '/users/:id',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      const user = await otherUser(admin, 'edit.refused');
      const from = paths.users.edit(env, user.id);
      await browser.get(from);
      const form = userForm({ version: '1', name: '' });
      return { browser, from, post: paths.users.show(env, user.id), form, shows: marked(from) };
    },
  },
  {
    name: 'a saved edit shows the user’s page',
    route: '/users/:id',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      const user = await otherUser(admin, 'edit.saved');
      const from = paths.users.edit(env, user.id);
      await browser.get(from);
      const form = userForm({ version: '1', name: 'Saved Name' });
      return { browser, from, post: paths.users.show(env, user.id), form, shows: paths.users.show(env, user.id) };
    },
  },
  ...(['deactivate', 'otp-off', 'send-password'] as const).map(
    (action): Case => ({
      name: `“${action}” refused on one’s own user shows the user’s page with the refusal`,
      route: `/users/:id/${action}`,
      prepare: async () => {
        const { admin, browser } = await adminOn(paths.home(env));
        const from = paths.users.action(env, admin.id, action);
        await browser.get(from);
        return { browser, from, post: from, form: {}, shows: marked(paths.users.show(env, admin.id)) };
      },
    }),
  ),
  {
    name: 'a deactivation shows the user’s page',
    route: '/users/:id/deactivate',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      const user = await otherUser(admin, 'to.deactivate');
      const from = paths.users.action(env, user.id, 'deactivate');
      await browser.get(from);
      return { browser, from, post: from, form: {}, shows: paths.users.show(env, user.id) };
    },
  },
  {
    name: 'switching a user’s 2FA off shows the user’s page',
    route: '/users/:id/otp-off',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      const user = await otherUser(admin, 'otp.user');
      await h.db.update(users).set({ totpEnabledAt: h.clock.now() }).where(eq(users.id, user.id));
      const from = paths.users.action(env, user.id, 'otp-off');
      await browser.get(from);
      return { browser, from, post: from, form: {}, shows: paths.users.show(env, user.id) };
    },
  },
  {
    name: 'a new password mailed shows the user’s page',
    route: '/users/:id/send-password',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      const user = await otherUser(admin, 'mailed.pw', { email: 'mailed.pw@example.test' });
      const from = paths.users.action(env, user.id, 'send-password');
      await browser.get(from);
      return { browser, from, post: from, form: {}, shows: paths.users.show(env, user.id) };
    },
  },
  {
    name: 'a new password shown once: the user’s page, whose reload neither shows it again nor offers a second reset',
    route: '/users/:id/send-password',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      const user = await otherUser(admin, 'shown.pw');
      const from = paths.users.action(env, user.id, 'send-password');
      await browser.get(from);
      return {
        browser,
        from,
        post: from,
        form: {},
        shows: paths.users.show(env, user.id),
        once: { heading: 'shown.pw', absent: 'code.shown-password' },
      };
    },
  },
  {
    name: 'a reactivation shows the user’s page',
    route: '/users/:id/reactivate',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      const user = await otherUser(admin, 'to.reactivate', { active: false });
      const from = paths.users.show(env, user.id);
      await browser.get(from);
      return { browser, from, post: paths.users.action(env, user.id, 'reactivate'), form: {}, shows: from };
    },
  },
  {
    name: 'an unlock shows the user’s page',
    route: '/users/:id/unlock',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      const user = await otherUser(admin, 'to.unlock');
      await h.db
        .update(users)
        .set({ lockedUntil: new Date(h.clock.now().getTime() + 600_000) })
        .where(eq(users.id, user.id));
      const from = paths.users.show(env, user.id);
      await browser.get(from);
      return { browser, from, post: paths.users.action(env, user.id, 'unlock'), form: {}, shows: from };
    },
  },
  {
    name: 'a refused section of the account page stays on the account page, what was typed kept',
    route: '/account/:section',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.account.page(env));
      const post = paths.account.section(env, 'retention');
      const kept: [string, string] = ['#account-retention-retention-days', '9'];
      return { browser, from, post, form: { version: '1', retentionDays: '9' }, shows: marked(from), kept };
    },
  },
  {
    name: 'a saved section of the account page returns to the account page',
    route: '/account/:section',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.account.page(env));
      const form = { version: '1', retentionDays: '90' };
      return { browser, from, post: paths.account.section(env, 'retention'), form, shows: from };
    },
  },
  {
    name: 'a refused section of the technical information stays on its page, what was typed kept',
    route: '/technical-information/:section',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.technical.page(env));
      const post = paths.technical.section(env, 'directlink-checks');
      const kept: [string, string] = ['#technical-directlink-allowed-ips', '999.1.1.1'];
      return { browser, from, post, form: { version: '1', allowedIps: '999.1.1.1', passphrase: '' }, shows: marked(from), kept };
    },
  },
  {
    name: 'a saved section of the technical information returns to its page',
    route: '/technical-information/:section',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.technical.page(env));
      const form = { version: '1', shaAlgorithm: 'SHA-256', charset: 'utf-8' };
      return { browser, from, post: paths.technical.section(env, 'security'), form, shows: from };
    },
  },
  {
    name: 'a generated passphrase is shown once: the bar shows the technical information, which a reload shows without it',
    route: '/technical-information/:section/generate',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.technical.page(env));
      return {
        browser,
        from,
        post: paths.technical.generate(env, 'directlink-checks'),
        form: { version: '1' },
        shows: from,
        once: { heading: 'Your new passphrase', absent: '#generated-passphrase' },
      };
    },
  },
  {
    name: 'a refused cookie level stays on the cookie settings',
    route: '/cookies',
    prepare: async () => {
      const { browser, from } = await anonymousOn(paths.cookies(env));
      return { browser, from, post: from, form: { level: 'everything' }, shows: marked(from) };
    },
  },
  {
    name: 'a cookie level saved returns to the cookie settings',
    route: '/cookies',
    prepare: async () => {
      const { browser, from } = await anonymousOn(paths.cookies(env));
      return { browser, from, post: from, form: { level: 'functional' }, shows: from };
    },
  },
  {
    name: 'a form refused by the CSRF check (an error page) keeps the address of the form’s page',
    route: '/users',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.users.new(env));
      const form = { ...userForm({ userid: 'csrf.refused' }), _csrf: 'not-the-token' };
      return { browser, from, post: paths.users.create(env), form, shows: from, reloadsAs: 'New user' };
    },
  },
  {
    name: 'a refused PSPID for the PRODUCTION account shows the PSPID form with it',
    route: '/account/production',
    prepare: async () => {
      const { browser, from } = await adminOn(paths.production.review('NOT.CHECKED'));
      const form = { pspid: 'no good' };
      return {
        browser,
        from,
        post: paths.production.create(),
        form,
        shows: marked(paths.production.start()),
        kept: ['#production-pspid', 'no good'],
      };
    },
  },
  {
    name: 'the PRODUCTION account created shows its summary, which a reload shows again',
    route: '/account/production',
    prepare: async () => {
      const owner = await createAccount(h.db);
      const { browser } = await signIn(h, { account: owner, email: 'boosted.live@example.test', userid: 'boosted.admin' });
      const from = paths.production.review(owner.pspid);
      await browser.get(from);
      return { browser, from, post: paths.production.create(), form: { pspid: owner.pspid }, shows: paths.production.summary() };
    },
  },
  {
    name: 'a refused e-Terminal payment stays on the form, what was typed kept (never the card number)',
    route: '/operations/new-transaction',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      await h.db
        .update(accounts)
        .set({ options: ['e_terminal'] })
        .where(eq(accounts.id, admin.accountId));
      const from = paths.eTerminal.newTransaction(env);
      await browser.get(from);
      const form = {
        orderId: 'boosted-1',
        amount: 'abc',
        currency: 'EUR',
        operation: 'RES',
        cardNumber: '4111111111111111',
        expiry: '12/30',
      };
      return { browser, from, post: from, form, shows: marked(from), kept: ['#eterminal-order-id', 'boosted-1'] };
    },
  },
  {
    name: 'an e-Terminal payment shows its result, which a reload shows again',
    route: '/operations/new-transaction',
    prepare: async () => {
      const { admin, browser } = await adminOn(paths.home(env));
      await h.db
        .update(accounts)
        .set({ options: ['e_terminal'] })
        .where(eq(accounts.id, admin.accountId));
      const from = paths.eTerminal.newTransaction(env);
      await browser.get(from);
      const form = {
        orderId: 'boosted-2',
        amount: '15.00',
        currency: 'EUR',
        operation: 'RES',
        cardNumber: '4111111111111111',
        expiry: '12/30',
      };
      return { browser, from, post: from, form, shows: /^\/test\/operations\/new-transaction\/result\/\d+$/ };
    },
  },
];

/** POST routes that are not forms a person submits: "Stay signed in" is a fetch of app.js (hx-boost="false"), answered 204. */
/** POST routes no form of a page posts: the idle dialog's keepalive, and DirectLink (merchants' servers, XML answers). */
const NOT_BOOSTED = ['/session/keepalive', '/ncol/:env/:file'];

describe('a boosted form post says which address the bar shows, and that address reloads as the same page (issue 8, item 12)', () => {
  for (const { name, prepare } of cases) {
    test(name, async () => {
      const { browser, from, post, form, shows, once, reloadsAs, kept } = await prepare();
      const response = await browser.post(post, form, boosted(from));
      const redirected = response.status >= 300 && response.status < 400;
      if (!redirected) {
        const said = URL_HEADERS.filter((header) => response.headers.has(header));
        assert.ok(said.length > 0, `${post} answered ${response.status} without ${URL_HEADERS.join(', ')}`);
      }
      const { address, answer } = await shownAddress(browser, response, from, post);
      if (typeof shows === 'string') assert.equal(address, shows);
      else assert.match(address, shows);
      const heading = browser.page.h1();
      if (once) assert.equal(heading, once.heading);
      assert.notEqual(answer.status, 404, 'the answer is a page');

      // A reload is a plain GET of the address in the bar.
      const reload = await browser.get(address);
      assert.notEqual(reload.status, 404, `a reload of ${address} finds its page`);
      assert.ok(reload.status < 500, `a reload of ${address} answers ${reload.status}`);
      if (once) {
        assert.equal(browser.page.one(once.absent), null, 'what was shown once is not shown again');
        assert.ok(!browser.page.h1().startsWith('Send a new password'), 'no second reset is offered');
      } else {
        assert.equal(browser.page.h1(), reloadsAs ?? heading, `a reload of ${address} shows the same page`);
      }
      if (kept) assert.equal(browser.page.valueOf(kept[0]), kept[1], 'what was typed is still there');
    });
  }

  test('every POST route of the application is a case above', () => {
    const posted = new Set(
      h.app.routes.filter((route) => route.method === 'POST').map((route) => route.path.replace(/^\/(test|prod)(?=\/|$)/, '')),
    );
    const covered = new Set([...cases.map((c) => c.route), ...NOT_BOOSTED]);
    assert.deepEqual([...posted].filter((path) => !covered.has(path)).sort(), [], 'POST routes without a case');
  });
});

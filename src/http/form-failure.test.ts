import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeFor, startSetup, activate as turnOnTwoFactor } from '../otp/test-fixtures.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { TestBrowser as Browser } from '../test/browser.ts';
import { createHarness, createUser, signIn } from '../test/harness.ts';
import { userForm } from '../users/test-fixtures.ts';
import { FAILURE_TTL_S } from './form-failure.ts';

/*
 * Issue 8, item 12, without JavaScript: a refused form answered in place is a POST in the
 * browser's history, and Back (or Forward) to it shows the browser's "Confirm form resubmission"
 * page. So a refused form in a browser's history is answered by a redirect (303) to the form's
 * own page, which shows the problems and what was typed (Post/Redirect/Get for errors too,
 * decision record 0006). A browser's form submission says `Sec-Fetch-Mode: navigate`.
 */

const h = await createHarness();
const env = 'test' as const;
const NAVIGATE = { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' };

/** Posts as a browser without JavaScript; the answer must be a 303 to `page` marked `?failed=`. */
async function postRefused(browser: TestBrowser, post: string, form: Record<string, string>, page: string) {
  const response = await browser.post(post, form, NAVIGATE);
  assert.equal(response.status, 303, `${post} refused answers with a redirect, not the page in place`);
  const location = response.headers.get('Location') ?? '';
  const url = new URL(location, 'http://localhost');
  assert.equal(url.pathname, new URL(page, 'http://localhost').pathname);
  assert.match(url.searchParams.get('failed') ?? '', /^[\w-]{8,}$/);
  return location;
}

type Case = {
  name: string;
  /** Signs in, opens the form's page; returns what to post and what the page must show after. */
  prepare: () => Promise<{
    browser: TestBrowser;
    page: string;
    post: string;
    form: Record<string, string>;
    status: number;
    /** Error summary lines (as `href`), or the whole-action alert's text. */
    shows: { summary: string[] } | { alert: string };
    kept?: [string, string];
  }>;
};

const cases: Case[] = [
  {
    name: 'a new user refused beside its fields',
    prepare: async () => {
      const { browser } = await signIn(h);
      const page = paths.users.new(env);
      await browser.get(page);
      const form = userForm({ userid: 'a b', name: 'Typed Name', email: 'not-an-address' });
      return {
        browser,
        page,
        post: paths.users.create(env),
        form,
        status: 422,
        shows: { summary: ['#user-userid', '#user-email'] },
        kept: ['#user-email', 'not-an-address'],
      };
    },
  },
  {
    name: 'a new user refused by the service (USERID taken)',
    prepare: async () => {
      const { user: admin, browser } = await signIn(h);
      await createUser(h.db, admin.accountId, admin.pspid, { userid: 'taken.one' });
      const page = paths.users.new(env);
      await browser.get(page);
      const form = userForm({ userid: 'TAKEN.one', name: 'Second Taker' });
      const shows = { summary: ['#user-userid'] };
      return { browser, page, post: paths.users.create(env), form, status: 422, shows, kept: ['#user-name', 'Second Taker'] };
    },
  },
  {
    name: 'an edit refused beside its field',
    prepare: async () => {
      const { user: admin, browser } = await signIn(h);
      const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'edit.me' });
      const page = paths.users.edit(env, user.id);
      await browser.get(page);
      const form = userForm({ version: '1', name: '', email: 'kept@example.test' });
      const shows = { summary: ['#user-name'] };
      return {
        browser,
        page,
        post: paths.users.show(env, user.id),
        form,
        status: 422,
        shows,
        kept: ['#user-email', 'kept@example.test'],
      };
    },
  },
  {
    name: 'a stale edit (409): the saved details above, the input kept',
    prepare: async () => {
      const { user: admin, browser } = await signIn(h);
      const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'contested.two' });
      const page = paths.users.edit(env, user.id);
      await browser.get(page);
      const first = await browser.post(paths.users.show(env, user.id), userForm({ version: '1', name: 'First Writer' }));
      assert.equal(first.status, 303);
      await browser.get(page);
      const form = userForm({ version: '1', name: 'Second Writer' });
      const shows = { alert: 'Someone changed this user while you were editing.' };
      return {
        browser,
        page,
        post: paths.users.show(env, user.id),
        form,
        status: 409,
        shows,
        kept: ['#user-name', 'Second Writer'],
      };
    },
  },
  {
    name: 'an action refused by a rule (one’s own user), on the user’s page',
    prepare: async () => {
      const { user: admin, browser } = await signIn(h);
      const post = paths.users.action(env, admin.id, 'deactivate');
      await browser.get(post);
      const shows = { alert: 'You cannot do this to your own user.' };
      return { browser, page: paths.users.show(env, admin.id), post, form: {}, status: 422, shows };
    },
  },
  {
    name: 'a password change refused by the service',
    prepare: async () => {
      const { browser } = await signIn(h);
      const page = paths.password.change(env);
      await browser.get(page);
      const form = { current: 'not the password', next: 'Tulip-garden-2026', confirmation: 'Tulip-garden-2026' };
      return { browser, page, post: page, form, status: 422, shows: { summary: ['#password-current'] } };
    },
  },
  {
    name: 'an API user’s password refused, the API user still chosen',
    prepare: async () => {
      const { user: admin, browser } = await signIn(h);
      const api = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'api.prg', isApiUser: true });
      const page = paths.password.change(env);
      await browser.get(page);
      const form = { apiUser: api.id, next: 'Tulip-garden-2026', confirmation: 'Other-garden-2026' };
      const shows = { summary: ['#api-confirm'] };
      return { browser, page, post: paths.password.apiUser(env), form, status: 422, shows, kept: ['#api-user', api.id] };
    },
  },
  {
    name: 'a refused login (the generic message), what was typed kept, never the password',
    prepare: async () => {
      const { user } = await signIn(h);
      const browser = new Browser(h.app);
      const page = paths.login(env, paths.users.list(env));
      await browser.get(page);
      const form = {
        form: 'user',
        userid: user.userid,
        pspid: user.pspid,
        password: 'Tulip-garden-2026',
        next: paths.users.list(env),
      };
      const shows = { summary: ['#user-userid'] };
      return { browser, page, post: paths.login(env), form, status: 422, shows, kept: ['#user-pspid', user.pspid] };
    },
  },
  {
    name: 'a refused code at the login’s code step',
    prepare: async () => {
      const { user, browser: own } = await signIn(h);
      await turnOnTwoFactor(h, own, user.password);
      const browser = new Browser(h.app);
      await browser.get(paths.login(env));
      await browser.post(paths.login(env), { form: 'pspid', pspid: user.pspid, password: user.password });
      const page = paths.loginCode(env, paths.home(env));
      await browser.get(page);
      const form = { code: '12ab56', next: paths.home(env) };
      return { browser, page, post: paths.loginCode(env), form, status: 422, shows: { summary: ['#login-code'] } };
    },
  },
  {
    name: 'two-factor authentication: a wrong code turning it on',
    prepare: async () => {
      const { browser } = await signIn(h);
      await startSetup(browser);
      const page = paths.otp.page(env);
      const form = { code: '000000', password: 'Tulip-garden-2026' };
      return { browser, page, post: paths.otp.activate(env), form, status: 422, shows: { summary: ['#otp-code'] } };
    },
  },
  ...(['deactivate', 'recovery'] as const).map((form) => ({
    name: `two-factor authentication: a wrong code (${form})`,
    prepare: async () => {
      const { user, browser } = await signIn(h);
      await turnOnTwoFactor(h, browser, user.password);
      const page = paths.otp.page(env);
      await browser.get(page);
      const post = form === 'deactivate' ? paths.otp.deactivate(env) : paths.otp.recoveryCodes(env);
      const sent = { code: '', password: 'Tulip-garden-2026' };
      return { browser, page, post, form: sent, status: 422, shows: { summary: [`#${form}-code`] } };
    },
  })),
  {
    name: 'the account’s 2FA setting refused (own 2FA off), the ticked box kept',
    prepare: async () => {
      const { browser } = await signIn(h);
      const page = paths.otp.page(env);
      await browser.get(page);
      const form = { submitted: '1', required: '1' };
      const shows = { summary: ['#otp-required'] };
      return {
        browser,
        page,
        post: paths.account.twoFactorRequired(env),
        form,
        status: 422,
        shows,
        kept: ['#otp-required', 'on'],
      };
    },
  },
  {
    name: 'a cookie level that is not one',
    prepare: async () => {
      const browser = new Browser(h.app);
      const page = paths.cookies(env);
      await browser.get(page);
      return { browser, page, post: page, form: { level: 'everything' }, status: 422, shows: { summary: ['#level-functional'] } };
    },
  },
  {
    name: '“Password forgotten?” without a PSPID',
    prepare: async () => {
      const browser = new Browser(h.app);
      const page = paths.password.forgotten(env);
      await browser.get(page);
      const form = { pspid: '', userid: 'someone' };
      return {
        browser,
        page,
        post: page,
        form,
        status: 422,
        shows: { summary: ['#forgotten-pspid'] },
        kept: ['#forgotten-userid', 'someone'],
      };
    },
  },
];

describe('a refused form, submitted without JavaScript, is answered by a redirect to its page (issue 8, item 12)', () => {
  for (const { name, prepare } of cases) {
    test(name, async () => {
      const { browser, page, post, form, status, shows, kept } = await prepare();
      const location = await postRefused(browser, post, form, page);
      for (const attempt of ['shown', 'reloaded']) {
        const response = await browser.get(location, NAVIGATE);
        assert.equal(response.status, status, `${attempt}: the page answers ${status}`);
        assert.ok(browser.page.title().startsWith('Error: '), `${attempt}: "Error: " in the title`);
        if ('summary' in shows) {
          assert.deepEqual(
            browser.page.errorSummary().map((line) => line.href),
            shows.summary,
          );
        } else {
          assert.ok(browser.page.alert().startsWith(shows.alert), browser.page.alert());
        }
        if (kept) assert.equal(browser.page.valueOf(kept[0]), kept[1], `${attempt}: what was typed is kept`);
        assert.ok(!browser.lastBody.includes('Tulip-garden-2026'), 'never a password');
      }
      // The same page reached by a link is fresh.
      await browser.get(page);
      assert.deepEqual(browser.page.errorSummary(), []);
      assert.ok(!browser.page.title().startsWith('Error: '));
    });
  }

  test('the kept failure is this session’s only, and is forgotten after ten minutes', async () => {
    const { browser } = await signIn(h);
    await browser.get(paths.users.new(env));
    const location = await postRefused(browser, paths.users.create(env), userForm({ userid: 'a b' }), paths.users.new(env));
    const { browser: other } = await signIn(h);
    for (const [name, value] of browser.cookies) if (name.endsWith('guichet_form')) other.cookies.set(name, value);
    await other.get(location);
    assert.deepEqual(other.page.errorSummary(), [], 'another session cannot open it');
    h.clock.advance(FAILURE_TTL_S * 1000 + 1000);
    await browser.get(location);
    assert.deepEqual(browser.page.errorSummary(), [], 'expired');
    assert.equal(browser.page.h1(), 'New user');
  });

  test('htmx swapping a part of the page gets the answer in place, its address the marked page; clients that keep no history get it in place', async () => {
    const { user: admin, browser } = await signIn(h);
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'in.place' });
    await browser.get(paths.users.show(env, user.id));
    const fragment = await browser.post(paths.users.show(env, user.id), userForm({ version: '1', name: '', email: 'typed@' }), {
      'HX-Request': 'true',
    });
    assert.equal(fragment.status, 422);
    assert.equal(browser.page.one('h1'), null, 'the section alone');
    assert.deepEqual(
      browser.page.errorSummary().map((line) => line.href),
      ['#user-name', '#user-email'],
    );
    // The bar shows the edit page marked with this failure: a reload shows it, with what was typed.
    const shown = fragment.headers.get('HX-Replace-Url') ?? '';
    assert.match(shown, new RegExp(`^${paths.users.edit(env, user.id)}\\?failed=[\\w-]+$`));
    assert.equal((await browser.get(shown, NAVIGATE)).status, 422);
    assert.deepEqual(
      browser.page.errorSummary().map((line) => line.href),
      ['#user-name', '#user-email'],
    );
    assert.equal(browser.page.valueOf('#user-email'), 'typed@');
    const plain = await browser.post(paths.users.create(env), userForm({ userid: 'a b' }));
    assert.equal(plain.status, 422, 'no fetch metadata: in place');
    assert.equal(plain.headers.get('HX-Replace-Url'), null);
  });

  test('a value too big to keep in a cookie is answered in place, still with its message', async () => {
    const { browser } = await signIn(h);
    await browser.get(paths.users.new(env));
    const response = await browser.post(
      paths.users.create(env),
      userForm({ userid: 'big.one', name: 'x'.repeat(5000) }),
      NAVIGATE,
    );
    assert.equal(response.status, 422);
    assert.equal(browser.page.fieldError('user-name'), 'Enter at most 100 characters.');
    assert.equal(browser.page.valueOf('#user-name'), 'x'.repeat(5000));
  });
});

describe('with JavaScript, a refused boosted form is shown under the address htmx ends on (issue 8, item 12)', () => {
  test('two refusals on the same page: the latest is shown under its own address, added to the history as without JavaScript', async () => {
    // htmx posts a boosted form, its XHR follows the 303, and htmx adds the address it ended on
    // (xhr.responseURL, the newest `?failed=` mark) to the history before it swaps the page in.
    // An HX-Replace-Url or HX-Push-Url answer would override that: a replace would drop the
    // form's page from the history, so Back would skip it (without JavaScript it is there).
    const { browser } = await signIn(h);
    const page = paths.users.new(env);
    await browser.get(page);
    const boosted = { 'HX-Request': 'true', 'HX-Boosted': 'true' };
    const marks: string[] = [];
    for (const name of ['First Try', 'Second Try']) {
      const refused = await browser.post(paths.users.create(env), userForm({ userid: 'a b', name }), {
        ...boosted,
        'HX-Current-URL': `http://localhost${marks.at(-1) ?? page}`,
      });
      assert.equal(refused.status, 303);
      const location = refused.headers.get('Location') ?? '';
      assert.match(location, /\?failed=[\w-]+$/);
      const followed = await browser.get(location, boosted);
      assert.equal(followed.status, 422);
      assert.equal(followed.headers.get('HX-Replace-Url'), null, 'htmx shows the address it ended on');
      assert.equal(followed.headers.get('HX-Push-Url'), null, 'and adds it to the history');
      assert.equal(browser.page.valueOf('#user-name'), name);
      marks.push(location);
    }
    assert.notEqual(marks[0], marks[1]);
    // A reload of the address shown: the latest refusal, with what was typed.
    await browser.get(marks[1]!, NAVIGATE);
    assert.deepEqual(
      browser.page.errorSummary().map((line) => line.href),
      ['#user-userid'],
    );
    assert.equal(browser.page.valueOf('#user-name'), 'Second Try');
    // Back to the first refusal's address: only the latest failure is kept, so the form afresh.
    await browser.get(marks[0]!, NAVIGATE);
    assert.deepEqual(browser.page.errorSummary(), []);
    assert.equal(browser.page.h1(), 'New user');
  });

  test('a refused fragment form after a refused boosted form on the same page: a reload shows the latest refusal', async () => {
    // The password page: the API user's form is boosted (a redirect to `?failed=`), the change of
    // one's own password swaps its own section. The bar must not keep the first refusal's mark.
    const { user: admin, browser } = await signIn(h);
    const api = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'api.twice', isApiUser: true });
    const page = paths.password.change(env);
    await browser.get(page);
    const first = await browser.post(
      paths.password.apiUser(env),
      { apiUser: api.id, next: 'Tulip-garden-2026', confirmation: 'Other-garden-2026' },
      { 'HX-Request': 'true', 'HX-Boosted': 'true', 'HX-Current-URL': `http://localhost${page}` },
    );
    const firstMark = first.headers.get('Location') ?? '';
    assert.match(firstMark, /\?failed=/);
    await browser.get(firstMark, { 'HX-Request': 'true', 'HX-Boosted': 'true' });

    const second = await browser.post(
      page,
      { current: 'not the password', next: 'Tulip-garden-2026', confirmation: 'Tulip-garden-2026' },
      { 'HX-Request': 'true', 'HX-Target': 'change-password', 'HX-Current-URL': `http://localhost${firstMark}` },
    );
    assert.equal(second.status, 422, 'in place');
    const shown = second.headers.get('HX-Replace-Url') ?? '';
    assert.match(shown, new RegExp(`^${page}\\?failed=[\\w-]+$`), 'the bar shows a new mark');
    assert.notEqual(shown, firstMark);

    assert.equal((await browser.get(shown, NAVIGATE)).status, 422);
    assert.deepEqual(
      browser.page.errorSummary().map((line) => line.href),
      ['#password-current'],
      'the change of password’s refusal, not the API user’s',
    );
  });

  test('new recovery codes after a refused request for them: the bar shows the page without the refusal’s mark', async () => {
    // The codes are answered in place (shown once); the address the bar had is the refusal's,
    // whose reload would show that refusal again after the codes were made.
    const { user, browser } = await signIn(h);
    const { secret } = await turnOnTwoFactor(h, browser, user.password);
    h.clock.advance(30_000);
    const page = paths.otp.page(env);
    await browser.get(page);
    const boosted = { 'HX-Request': 'true', 'HX-Boosted': 'true' };
    const refused = await browser.post(
      paths.otp.recoveryCodes(env),
      { code: '000000', password: 'not the password' },
      { ...boosted, 'HX-Current-URL': `http://localhost${page}` },
    );
    const mark = refused.headers.get('Location') ?? '';
    assert.match(mark, /\?failed=/);
    await browser.get(mark, boosted);

    const made = await browser.post(
      paths.otp.recoveryCodes(env),
      { code: codeFor(h, secret), password: user.password },
      { ...boosted, 'HX-Current-URL': `http://localhost${mark}` },
    );
    assert.equal(made.status, 200);
    assert.equal(browser.page.h1(), 'Your recovery codes');
    assert.equal(made.headers.get('HX-Replace-Url'), page, 'the page the codes were made from, unmarked');
    assert.equal(made.headers.get('HX-Push-Url'), null);
    assert.equal((await browser.get(page, NAVIGATE)).status, 200);
    assert.deepEqual(browser.page.errorSummary(), []);
    assert.equal(browser.page.all('ul.recovery-codes').length, 0);
  });

  test('a page answered in place after a refused form (“Password forgotten?” sent): the bar drops the refusal’s mark', async () => {
    const browser = new Browser(h.app);
    const page = paths.password.forgotten(env);
    await browser.get(page);
    const boosted = { 'HX-Request': 'true', 'HX-Boosted': 'true' };
    const refused = await browser.post(
      page,
      { pspid: '', userid: 'someone' },
      { ...boosted, 'HX-Current-URL': `http://localhost${page}` },
    );
    const mark = refused.headers.get('Location') ?? '';
    assert.match(mark, /\?failed=/);
    await browser.get(mark, boosted);

    const sent = await browser.post(
      page,
      { pspid: 'NOBODY', userid: 'someone' },
      { ...boosted, 'HX-Current-URL': `http://localhost${mark}` },
    );
    assert.equal(sent.status, 200);
    assert.equal(sent.headers.get('HX-Replace-Url'), page, 'the form’s page, not the refusal’s address');
    assert.equal(sent.headers.get('HX-Push-Url'), null);
    // Without a mark in the bar, the bar stays as it is.
    const again = await browser.post(
      page,
      { pspid: 'NOBODY', userid: 'someone' },
      { ...boosted, 'HX-Current-URL': `http://localhost${page}` },
    );
    assert.equal(again.headers.get('HX-Push-Url'), 'false');
    assert.equal(again.headers.get('HX-Replace-Url'), null);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startSetup, activate as turnOnTwoFactor } from '../otp/test-fixtures.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { TestBrowser as Browser } from '../test/browser.ts';
import { createHarness, createUser, signIn } from '../test/harness.ts';
import type { Page } from '../test/html.ts';

/*
 * Issue 8, item 18 (the parts every form shares): each line of an error summary names its field
 * with the field's own label ("Name: Enter the user’s name."), on every form; and a value that is
 * too long is kept in its field with a message, never blanked or silently ignored.
 */

const h = await createHarness();
const env = 'test' as const;

/** The label a person reads for a control: its <label>, or the legend of the group a radio button is in. */
function labelOf(page: Page, id: string): string {
  const control = page.one(`#${id}`);
  assert.ok(control, `the summary links to #${id}, which exists`);
  if (control.getAttribute('type') === 'radio') {
    const legend = control.closest('fieldset')?.querySelector('legend');
    return page.textOf(legend);
  }
  return page.textOf(page.one(`label[for="${id}"]`));
}

/** Each summary line is "<label>: <the message shown beside the field>". */
function assertLinesNameTheirFields(page: Page, expectedLines: number) {
  const lines = page.errorSummary();
  assert.equal(lines.length, expectedLines, JSON.stringify(lines));
  const messages = page.all('.error-message').map((element) => {
    const clone = element.cloneNode(true) as Element;
    for (const hidden of clone.querySelectorAll('.visually-hidden')) hidden.remove();
    return page.textOf(clone);
  });
  for (const { text, href } of lines) {
    const label = labelOf(page, href.slice(1));
    assert.ok(label.length > 0, `the field of ${href} has a label`);
    assert.ok(text.startsWith(`${label}: `), `"${text}" names its field "${label}"`);
    assert.ok(messages.includes(text.slice(label.length + 2)), `"${text}" repeats the message beside the field`);
  }
}

type Form = {
  name: string;
  /** Opens the form and submits it with problems; the browser then holds the refused page. */
  submit: () => Promise<TestBrowser>;
  lines: number;
};

async function admin() {
  return (await signIn(h)).browser;
}
async function postOn(browser: TestBrowser, page: string, post: string, form: Record<string, string>) {
  await browser.get(page);
  await browser.post(post, form);
  return browser;
}
async function withTwoFactor() {
  const { user, browser } = await signIn(h);
  await turnOnTwoFactor(h, browser, user.password);
  return browser;
}

const forms: Form[] = [
  {
    name: 'login (PSPID)',
    lines: 2,
    submit: () => postOn(new Browser(h.app), paths.login(env), paths.login(env), { form: 'pspid', pspid: '', password: '' }),
  },
  {
    name: 'login (USERID)',
    lines: 3,
    submit: () =>
      postOn(new Browser(h.app), paths.login(env), paths.login(env), { form: 'user', userid: '', pspid: '', password: '' }),
  },
  {
    name: 'password forgotten',
    lines: 1,
    submit: () => postOn(new Browser(h.app), paths.password.forgotten(env), paths.password.forgotten(env), { pspid: '' }),
  },
  {
    name: 'cookie settings',
    lines: 1,
    submit: () => postOn(new Browser(h.app), paths.cookies(env), paths.cookies(env), { level: 'everything' }),
  },
  {
    name: 'password change',
    lines: 3,
    submit: async () =>
      postOn(await admin(), paths.password.change(env), paths.password.change(env), { current: '', next: '', confirmation: '' }),
  },
  {
    name: 'an API user’s password',
    lines: 2,
    submit: async () => {
      const { user, browser } = await signIn(h);
      const api = await createUser(h.db, user.accountId, user.pspid, { userid: 'api.labels', isApiUser: true });
      return postOn(browser, paths.password.change(env), paths.password.apiUser(env), {
        apiUser: api.id,
        next: '',
        confirmation: '',
      });
    },
  },
  {
    name: 'turning two-factor authentication on',
    lines: 2,
    submit: async () => {
      const browser = await admin();
      await startSetup(browser);
      return postOn(browser, paths.otp.page(env), paths.otp.activate(env), { code: '', password: '' });
    },
  },
  {
    name: 'new recovery codes',
    lines: 2,
    submit: async () =>
      postOn(await withTwoFactor(), paths.otp.page(env), paths.otp.recoveryCodes(env), { code: '', password: '' }),
  },
  {
    name: 'switching one’s own two-factor authentication off',
    lines: 2,
    submit: async () => postOn(await withTwoFactor(), paths.otp.page(env), paths.otp.deactivate(env), { code: '', password: '' }),
  },
  {
    name: 'the login’s code step',
    lines: 1,
    submit: async () => {
      const { user, browser } = await signIn(h);
      await turnOnTwoFactor(h, browser, user.password);
      const other = new Browser(h.app);
      await other.get(paths.login(env));
      await other.post(paths.login(env), { form: 'pspid', pspid: user.pspid, password: user.password });
      return postOn(other, paths.loginCode(env), paths.loginCode(env), { code: '' });
    },
  },
  {
    name: 'new user',
    lines: 5,
    submit: async () =>
      postOn(await admin(), paths.users.new(env), paths.users.create(env), {
        userid: 'a b',
        name: '',
        email: 'not-an-address',
        profile: 'boss',
        timeZone: 'Mars/Olympus',
        language: 'en',
      }),
  },
  {
    name: 'editing a user',
    lines: 2,
    submit: async () => {
      const { user, browser } = await signIn(h);
      const other = await createUser(h.db, user.accountId, user.pspid, { userid: 'labels.edit' });
      return postOn(browser, paths.users.edit(env, other.id), paths.users.show(env, other.id), {
        version: '1',
        name: '',
        email: 'nope',
        profile: 'viewer',
        timeZone: 'Europe/Brussels',
        language: 'en',
      });
    },
  },
  {
    name: 'the users filter',
    lines: 1,
    submit: async () => {
      const browser = await admin();
      await browser.get(paths.users.list(env, { q: 'x'.repeat(200) }));
      return browser;
    },
  },
  {
    name: 'the audit log filters',
    lines: 2,
    submit: async () => {
      const browser = await admin();
      await browser.get(paths.audit.list(env, { from: 'yesterday', to: 'today' }));
      return browser;
    },
  },
];

describe('each line of an error summary names its field by its label (issue 8, item 18)', () => {
  for (const form of forms) {
    test(form.name, async () => {
      const browser = await form.submit();
      assertLinesNameTheirFields(browser.page, form.lines);
    });
  }

  test('in French too, with the French colon', async () => {
    const browser = new Browser(h.app, { 'Accept-Language': 'fr' });
    await postOn(browser, paths.password.forgotten(env), paths.password.forgotten(env), { pspid: '' });
    const [line] = browser.page.errorSummary();
    assert.ok(line?.text.startsWith('PSPID : '), line?.text);
  });
});

type TooLong = {
  name: string;
  /** The control's id, its limit, and how the value is sent. */
  id: string;
  max: number;
  send: (value: string) => Promise<TestBrowser>;
};

const tooLong: TooLong[] = [
  {
    name: 'login PSPID',
    id: 'login-pspid',
    max: 30,
    send: (value) =>
      postOn(new Browser(h.app), paths.login(env), paths.login(env), { form: 'pspid', pspid: value, password: 'x' }),
  },
  {
    name: 'login USERID',
    id: 'user-userid',
    max: 20,
    send: (value) =>
      postOn(new Browser(h.app), paths.login(env), paths.login(env), {
        form: 'user',
        userid: value,
        pspid: 'DEMO',
        password: 'x',
      }),
  },
  {
    name: 'password forgotten, USERID',
    id: 'forgotten-userid',
    max: 20,
    send: (value) =>
      postOn(new Browser(h.app), paths.password.forgotten(env), paths.password.forgotten(env), { pspid: 'DEMO', userid: value }),
  },
  {
    name: 'new user, name',
    id: 'user-name',
    max: 100,
    send: async (value) =>
      postOn(await admin(), paths.users.new(env), paths.users.create(env), {
        userid: 'long.name',
        name: value,
        email: '',
        profile: 'viewer',
        timeZone: 'Europe/Brussels',
        language: 'en',
      }),
  },
  {
    name: 'new user, e-mail address',
    id: 'user-email',
    max: 254,
    send: async (value) =>
      postOn(await admin(), paths.users.new(env), paths.users.create(env), {
        userid: 'long.mail',
        name: 'Long Mail',
        email: `${value}@example.test`,
        profile: 'viewer',
        timeZone: 'Europe/Brussels',
        language: 'en',
      }),
  },
  {
    name: 'the users filter (not silently everyone)',
    id: 'filter-text',
    max: 100,
    send: async (value) => {
      const browser = await admin();
      await browser.get(paths.users.list(env, { q: value }));
      assert.equal(browser.page.one('table'), null, 'no list of everyone');
      return browser;
    },
  },
];

describe('a value that is too long is kept in its field, with a message (issue 8, item 18)', () => {
  for (const field of tooLong) {
    test(field.name, async () => {
      const typed = 'y'.repeat(field.max + 100);
      const browser = await field.send(typed);
      const shown = browser.page.valueOf(`#${field.id}`) ?? '';
      assert.ok(shown.startsWith(typed), `the value is kept (${shown.length} characters shown)`);
      assert.equal(browser.page.fieldError(field.id), `Enter at most ${field.max} characters.`);
      assert.ok(browser.page.title().startsWith('Error: '));
    });
  }
});

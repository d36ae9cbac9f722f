import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness } from '../test/harness.ts';
import { parsePage } from '../test/html.ts';

/** What the login does with what it is sent: typing mistakes, odd bodies, and where it goes afterwards. */
const h = await createHarness();

describe('bad input on the login form', () => {
  /** The form posted, and the message expected beside each field (by id), in the summary's order. */
  const cases: [string, Record<string, string>, [string, string][]][] = [
    [
      'empty fields',
      { form: 'user', userid: '', pspid: '  ', password: '' },
      [
        ['user-userid', 'Enter your USERID.'],
        ['user-pspid', 'Enter your PSPID.'],
        ['user-password', 'Enter your password.'],
      ],
    ],
    [
      'an over-long PSPID',
      { form: 'pspid', pspid: 'P'.repeat(31), password: 'x' },
      [['login-pspid', 'Enter at most 30 characters.']],
    ],
    [
      'a NUL byte',
      { form: 'pspid', pspid: 'DEMO\u0000', password: 'x' },
      [['login-pspid', 'Remove the control characters or invalid characters from this field.']],
    ],
    [
      'an over-long password',
      { form: 'pspid', pspid: 'DEMO', password: 'x'.repeat(129) },
      [['login-password', 'Enter at most 128 characters.']],
    ],
  ];
  for (const [name, form, expected] of cases) {
    test(`${name}: 422 with the message beside the field`, async () => {
      const browser = new TestBrowser(h.app);
      await browser.get(paths.login('test'));
      const response = await browser.post(paths.login('test'), form);
      assert.equal(response.status, 422);
      const { page } = browser;
      assert.deepEqual(
        page.errorSummary(),
        expected.map(([id, text]) => ({ text: `${page.textOf(page.one(`label[for="${id}"]`))}: ${text}`, href: `#${id}` })),
        'the error summary (role=alert) lists each problem, named by its field’s label and linked to it',
      );
      assert.equal(page.one('[data-error-summary]')?.getAttribute('role'), 'alert');
      for (const [id, text] of expected) {
        assert.equal(page.fieldError(id), text, `the message beside ${id}`);
        assert.equal(page.one(`#${id}`)?.getAttribute('aria-invalid'), 'true', `${id} is marked invalid`);
      }
    });
  }

  test('bytes that are not UTF-8: 422, never a 500', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get('/test/login');
    const response = await browser.send('/test/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
      body: `_csrf=${browser.csrfToken}&form=pspid&pspid=%FF%FEDEMO&password=abc`,
    });
    assert.equal(response.status, 422);
    const page = parsePage(await response.text());
    assert.equal(page.fieldError('login-pspid'), 'Remove the control characters or invalid characters from this field.');
  });

  test('a body over the limit is refused with 413', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get('/test/login');
    const response = await browser.post('/test/login', { form: 'pspid', pspid: 'DEMO', password: 'x'.repeat(70_000) });
    assert.equal(response.status, 413);
    assert.equal(browser.page.h1(), 'Too much data');
  });

  test('a malformed multipart body is a 400', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get('/test/login');
    const response = await browser.send('/test/login', {
      method: 'POST',
      headers: {
        'Content-Type': 'multipart/form-data; boundary=zzz',
        Origin: 'http://localhost',
        'X-CSRF-Token': browser.csrfToken ?? '',
      },
      body: '--zzz\r\nContent-Disposition: form-data; name="pspid"\r\n\r\nDEMO',
    });
    assert.equal(response.status, 400);
  });
});

describe('coming back after login', () => {
  test('a signed-out visit goes to the login page and, after login, back to the page', async () => {
    const admin = await createAccount(h.db);
    const browser = new TestBrowser(h.app);
    const response = await browser.get('/test/home?tab=1');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/test/login?next=%2Ftest%2Fhome%3Ftab%3D1');
    await browser.get(response.headers.get('Location')!);
    const forms = browser.page.all('main form');
    assert.equal(forms.length, 2, 'both login forms');
    for (const form of forms) {
      assert.equal(form.querySelector('input[name="next"]')?.getAttribute('value'), '/test/home?tab=1', 'each form carries next');
    }
    const login = await browser.post('/test/login', {
      form: 'pspid',
      pspid: admin.pspid,
      password: admin.password,
      next: '/test/home?tab=1',
    });
    assert.equal(login.headers.get('Location'), '/test/home?tab=1');
  });

  for (const next of ['//evil.example/x', 'https://evil.example/', '/prod/home', '/test/\\evil', 'javascript:alert(1)']) {
    test(`next=${next} is not followed`, async () => {
      const admin = await createAccount(h.db);
      const browser = new TestBrowser(h.app);
      const response = await logIn(browser, admin, { next });
      assert.equal(response.headers.get('Location'), '/test/home');
    });
  }
});

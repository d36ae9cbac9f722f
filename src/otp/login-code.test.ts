import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { activate, codeFor, nextStep } from './test-fixtures.ts';

const h = await createHarness();
const codeStep = paths.loginCode('test');
const CODE_OR_RECOVERY = 'Enter the 6-digit code from your app or one of your recovery codes.';

describe('logging in with two-factor authentication (B4)', () => {
  test('the whole journey: activate, log out, password then code, a code only once', async () => {
    const { user, browser } = await signIn(h);
    const { secret, codes } = await activate(h, browser, user.password);
    assert.equal(codes.length, 10);
    for (const code of codes) assert.match(code, /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    assert.ok(browser.page.one('a[download]')?.getAttribute('download')?.startsWith('guichet-recovery-codes-'));
    await browser.get(paths.otp.page('test'));
    assert.ok(browser.page.text().includes('Two-factor authentication is on'));
    assert.equal(browser.page.one('svg'), null, 'no QR code while 2FA is on');
    await browser.post(paths.logout('test'), {});

    nextStep(h);
    const login = new TestBrowser(h.app);
    const response = await logIn(login, user);
    assert.equal(response.headers.get('Location'), paths.loginCode('test', paths.home('test')));
    const halfToken = login.cookies.get('guichet_test_session')!;
    for (const path of [paths.home('test'), paths.support.index('test'), paths.password.change('test'), paths.otp.page('test')]) {
      const inner = await login.get(path);
      assert.equal(inner.status, 303, path);
      assert.equal(inner.headers.get('Location'), codeStep, path);
    }
    await login.get(paths.loginCode('test', paths.home('test')));
    assert.equal(login.page.h1(), 'Enter your code');
    const wrong = await login.post(codeStep, { code: '000000', next: paths.home('test') });
    assert.equal(wrong.status, 422);
    assert.equal(
      login.page.fieldError('login-code'),
      'This code is not correct or was already used. Wait for the next code in your app and enter it.',
    );
    const code = codeFor(h, secret);
    const right = await login.post(codeStep, { code, next: paths.home('test') });
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('Location'), paths.home('test'));
    assert.notEqual(login.cookies.get('guichet_test_session'), halfToken, 'the token rotated after the code step');
    assert.equal((await login.get(paths.home('test'))).status, 200);

    const again = new TestBrowser(h.app);
    await logIn(again, user);
    await again.get(codeStep);
    const replay = await again.post(codeStep, { code });
    assert.equal(replay.status, 422, 'the same code is refused a second time');
    nextStep(h);
    assert.equal((await again.post(codeStep, { code: codeFor(h, secret) })).status, 303);
  });

  test('a mistyped code, app or recovery, asks for either, with JavaScript off and on; an empty one too', async () => {
    const { user, browser } = await signIn(h);
    await activate(h, browser, user.password);
    const boosted = { 'HX-Request': 'true', 'HX-Boosted': 'true' };
    // A recovery code with a character short, one with digits base32 has not, and an app code with letters.
    for (const code of ['abcd-efgh-ijkl-mno', 'abcd-efgh-ijkl-mn01', '12ab56']) {
      // A new login for each, as 5 wrong codes in a row end the login.
      const login = new TestBrowser(h.app);
      await logIn(login, user);
      await login.get(codeStep);
      assert.equal(login.page.field('Code from the app, or a recovery code')?.id, 'login-code');
      assert.notEqual(login.page.one('#login-code')?.getAttribute('inputmode'), 'numeric', 'letters can be typed');
      for (const headers of [{}, boosted] as Record<string, string>[]) {
        const answer = await login.post(codeStep, { code }, headers);
        // Boosted (JavaScript on), a refused form is redirected to its page, which htmx follows (decision record 0006).
        if (headers === boosted) assert.equal(answer.status, 303, code);
        const shown = headers === boosted ? await login.get(answer.headers.get('Location') ?? '', headers) : answer;
        assert.equal(shown.status, 422, code);
        assert.equal(login.page.fieldError('login-code'), CODE_OR_RECOVERY, code);
        assert.deepEqual(login.page.errorSummary(), [
          { text: `Code from the app, or a recovery code: ${CODE_OR_RECOVERY}`, href: '#login-code' },
        ]);
        assert.ok(login.page.title().startsWith('Error: '));
        assert.ok(!login.lastBody.includes(code), 'the code is not echoed');
      }
      assert.equal((await login.post(codeStep, { code: ' ' })).status, 422);
      assert.deepEqual(login.page.errorSummary(), [
        { text: `Code from the app, or a recovery code: ${CODE_OR_RECOVERY}`, href: '#login-code' },
      ]);
    }
  });

  test('a well-formed recovery code that is wrong says so, not “wait for the next code”', async () => {
    const { user, browser } = await signIn(h);
    await activate(h, browser, user.password);
    const login = new TestBrowser(h.app);
    await logIn(login, user);
    await login.get(codeStep);
    assert.equal((await login.post(codeStep, { code: 'aaaa-bbbb-cccc-dddd' })).status, 422);
    assert.equal(
      login.page.fieldError('login-code'),
      'This recovery code is not correct or was already used. Check it, or try another one.',
    );
  });

  test('a recovery code replaces the app’s code once', async () => {
    const { user, browser } = await signIn(h);
    const { codes } = await activate(h, browser, user.password);
    const recovery = codes[0]!.toUpperCase().replaceAll('-', ' ');
    const first = new TestBrowser(h.app);
    await logIn(first, user);
    await first.get(codeStep);
    assert.equal((await first.post(codeStep, { code: recovery })).status, 303);
    const second = new TestBrowser(h.app);
    await logIn(second, user);
    await second.get(codeStep);
    assert.equal((await second.post(codeStep, { code: codes[0]! })).status, 422);
    const events = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, user.id), eq(auditLog.eventType, 'otp.recovery_code_used')));
    assert.equal(events.length, 1);
  });

  test('5 wrong codes in a row end the half-open session; wrong codes count toward the lockout', async () => {
    const { user, browser } = await signIn(h);
    await activate(h, browser, user.password);
    const login = new TestBrowser(h.app);
    await logIn(login, user);
    await login.get(codeStep);
    for (let i = 0; i < 4; i += 1) assert.equal((await login.post(codeStep, { code: `00000${i}` })).status, 422);
    const fifth = await login.post(codeStep, { code: '000009' });
    assert.equal(fifth.status, 303);
    assert.equal(fifth.headers.get('Location'), paths.login('test'));
    await login.get(paths.login('test'));
    assert.equal(login.page.flash(), 'Too many wrong codes. Log in again with your password.');
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.failedLoginCount, 5);
    for (let i = 0; i < 5; i += 1) {
      const retry = new TestBrowser(h.app);
      await logIn(retry, user);
      await retry.get(codeStep);
      await retry.post(codeStep, { code: '111111' });
    }
    const [locked] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.ok(locked?.lockedUntil && locked.lockedUntil > h.clock.now(), 'ten wrong codes lock the user');
    assert.equal((await logIn(new TestBrowser(h.app), user)).status, 422);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accounts } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { activate, codeFor, nextStep, startSetup } from '../otp/test-fixtures.ts';
import { paths } from '../paths.ts';
import { createHarness, signIn } from '../test/harness.ts';

const h = await createHarness();
const otpPage = paths.otp.page('test');
const setting = paths.account.twoFactorRequired('test');
const CHECKBOX = 'Require two-factor authentication for every user';
const OWN_FIRST = 'Set up your own two-factor authentication first: once it is required, you could reach nothing but its setup.';
const EFFECT =
  'When it is required, every user without two-factor authentication is taken to the setup page at their next login, or at their next page if already logged in, and can do nothing else until it is on. Users can then no longer switch it off.';

describe('two-factor authentication required for every user (B5)', () => {
  test('an administrator without 2FA cannot require it: refused beside the checkbox (422), and not locked in', async () => {
    const { user: admin, browser } = await signIn(h);
    await signIn(h, { account: admin, userid: 'without.one', profile: 'viewer' });
    await signIn(h, { account: admin, userid: 'without.two', profile: 'viewer' });
    await browser.get(otpPage);
    const section = () => browser.page.textOf(browser.page.one('#otp-account'));
    assert.ok(section().includes(EFFECT), 'what happens to the other users is said before ticking');
    assert.ok(section().includes(`2 other active users of ${admin.pspid} have not set it up yet.`));
    assert.ok(
      section().includes(
        'Set up your own two-factor authentication above first: the account cannot require it before you have it.',
      ),
    );
    const refused = await browser.post(setting, { submitted: '1', required: '1' });
    assert.equal(refused.status, 422);
    assert.equal(browser.page.h1(), 'One-time password configuration');
    assert.equal(browser.page.fieldError('otp-required'), OWN_FIRST);
    const label = browser.page.textOf(browser.page.one('label[for="otp-required"]'));
    assert.deepEqual(browser.page.errorSummary(), [{ text: `${label}: ${OWN_FIRST}`, href: '#otp-required' }]);
    assert.ok(browser.page.title().startsWith('Error: '));
    assert.equal(browser.page.valueOf('#otp-required'), 'on', 'the ticked box is kept as sent');
    const [account] = await h.db.select().from(accounts).where(eq(accounts.id, admin.accountId));
    assert.equal(account?.twoFactorRequired, false, 'nothing saved');
    assert.equal((await browser.get(paths.home('test'))).status, 200, 'the administrator still reaches the back office');

    await activate(h, browser, admin.password);
    await browser.get(otpPage);
    assert.ok(!section().includes('above first'), 'with 2FA on, nothing more to do first');
    assert.equal((await browser.post(setting, { submitted: '1', required: '1' })).status, 303);
    assert.equal((await browser.get(paths.home('test'))).status, 200, 'and it does not lock them in');
    await browser.get(otpPage);
    assert.equal(browser.page.valueOf('#otp-required'), 'on');
  });

  test('the page counts the users without 2FA, in French too', async () => {
    const { user: admin, browser } = await signIn(h);
    await activate(h, browser, admin.password);
    await browser.get(otpPage);
    assert.ok(
      browser.page
        .textOf(browser.page.one('#otp-account'))
        .includes(`Every other active user of ${admin.pspid} has set it up already.`),
    );
    await signIn(h, { account: admin, userid: 'without.three', profile: 'viewer' });
    await browser.get(otpPage);
    assert.ok(
      browser.page
        .textOf(browser.page.one('#otp-account'))
        .includes(`1 other active user of ${admin.pspid} has not set it up yet.`),
    );
    await signIn(h, { account: admin, userid: 'without.four', profile: 'viewer' });
    const { browser: french } = await signIn(h, { account: admin, userid: 'admin.fr', language: 'fr' });
    await french.get(otpPage);
    assert.ok(
      french.page
        .textOf(french.page.one('#otp-account'))
        .includes(`2 autres utilisateurs actifs de ${admin.pspid} ne l’ont pas encore configurée.`),
    );
  });

  test('sends users without it to the setup page, and nothing else; it cannot be turned off then', async () => {
    const { user: admin, browser: adminBrowser } = await signIn(h);
    await adminBrowser.get(otpPage);
    assert.equal(adminBrowser.page.valueOf('#otp-required'), '', 'off by default');
    assert.ok(adminBrowser.page.field(CHECKBOX));
    await activate(h, adminBrowser, admin.password);
    await adminBrowser.get(otpPage);
    const saved = await adminBrowser.post(setting, { submitted: '1', required: '1' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('Location'), otpPage);
    const [account] = await h.db.select().from(accounts).where(eq(accounts.id, admin.accountId));
    assert.equal(account?.twoFactorRequired, true);
    await adminBrowser.get(otpPage);
    assert.equal(adminBrowser.page.flash(), 'Two-factor authentication is now required for every user.');
    assert.equal(adminBrowser.page.valueOf('#otp-required'), 'on');
    const [event] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'account.two_factor_required'), eq(auditLog.accountId, admin.accountId)));
    assert.equal(event?.object, `account:${admin.accountId}`);
    assert.equal(event?.userId, admin.id);
    assert.deepEqual(event?.details, { before: false, after: true });

    const { user: viewer, browser } = await signIn(h, { account: admin, userid: 'viewer.three', profile: 'viewer' });
    for (const path of [paths.home('test'), paths.support.index('test'), paths.password.change('test')]) {
      const response = await browser.get(path);
      assert.equal(response.headers.get('Location'), otpPage, path);
    }
    await browser.get(otpPage);
    assert.equal(
      browser.page.textOf(browser.page.one('main > .notice[role=status]')),
      'Your account requires two-factor authentication for every user. Set it up to continue.',
    );
    assert.equal(browser.page.one('.main-menu'), null);
    assert.equal(browser.page.field(CHECKBOX), null, 'no account setting here');
    assert.ok(browser.page.buttons().includes('Set up two-factor authentication'));
    const secret = await startSetup(browser);
    await browser.post(paths.otp.activate('test'), { code: codeFor(h, secret), password: viewer.password });
    assert.equal((await browser.get(paths.home('test'))).status, 200, 'once set up, the back office opens');
    nextStep(h);
    await browser.get(otpPage);
    assert.equal(browser.page.one('#otp-deactivate'), null, 'no form to turn it off');
    const off = await browser.post(paths.otp.deactivate('test'), { code: codeFor(h, secret), password: viewer.password });
    assert.equal(off.status, 422, 'cannot be turned off while required');
    assert.ok(browser.page.text().includes('Two-factor authentication is on'));
  });

  test('a viewer cannot change it; an administrator can turn it back off', async () => {
    const { user: admin, browser: adminBrowser } = await signIn(h);
    const { browser: viewer } = await signIn(h, { account: admin, userid: 'viewer.four', profile: 'viewer' });
    await viewer.get(paths.home('test'));
    assert.equal((await viewer.post(setting, { submitted: '1', required: '1' })).status, 403, 'a viewer cannot change it');
    // Once required, an administrator without 2FA could reach only its setup: turn it on first.
    await activate(h, adminBrowser, admin.password);
    await adminBrowser.get(otpPage);
    assert.equal((await adminBrowser.post(setting, { submitted: '1', required: '1' })).status, 303);
    await adminBrowser.get(otpPage);
    assert.equal((await adminBrowser.post(setting, { submitted: '1' })).status, 303);
    await adminBrowser.get(otpPage);
    assert.equal(adminBrowser.page.flash(), 'Two-factor authentication is no longer required.');
    const [account] = await h.db.select().from(accounts).where(eq(accounts.id, admin.accountId));
    assert.equal(account?.twoFactorRequired, false);
    const events = await h.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'account.two_factor_required'), eq(auditLog.accountId, admin.accountId)));
    assert.deepEqual(
      events.map((event) => event.details),
      [
        { before: false, after: true },
        { before: true, after: false },
      ],
    );
  });
});

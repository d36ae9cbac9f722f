import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { HOUR_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import type { Harness } from '../test/harness.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';
import { startTestSmtpServer } from '../test/smtp.ts';

const smtp = await startTestSmtpServer();
after(() => smtp.close());
/** Mails go through a real SMTP server: what the user receives. */
const h = await createHarness({ smtpUrl: smtp.url, trustProxy: 1 });
/**
 * Mails go to the harness's outbox, filled when the request sends them: what was *not* sent can
 * be told as soon as the request has answered, without waiting for a mail that never comes.
 */
const counted = await createHarness({ trustProxy: 1 });
const FORGOTTEN = paths.password.forgotten('test');
const SENT = 'If the details match an active user with an e-mail address, a one-time password is on its way.';

let ipCounter = 0;
/** Each test asks from its own address, so the per-address limit does not carry over. */
function browserFromNewAddress(harness: Pick<Harness, 'app'> = h) {
  ipCounter += 1;
  return new TestBrowser(harness.app, { 'X-Forwarded-For': `198.51.100.${ipCounter}` });
}

async function ask(browser: TestBrowser, form: { pspid: string; userid?: string }) {
  await browser.get(FORGOTTEN);
  return browser.post(FORGOTTEN, { pspid: form.pspid, userid: form.userid ?? '' });
}

const oneTimePassword = (text: string) =>
  /(?:One-time password|Mot de passe à usage unique) : ?([A-Za-z0-9]{16})/.exec(text)?.[1];

describe('password forgotten (B3)', () => {
  test('the login page links to it; the mail arrives in the user’s language; the one-time password works once and forces a change', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const user = await createUser(h.db, admin.accountId, admin.pspid, {
      userid: 'anne.fr',
      email: 'anne@example.test',
      language: 'fr',
      passwordChangedAt: h.clock.now(),
    });
    const browser = browserFromNewAddress();
    await browser.get(paths.login('test'));
    assert.equal(browser.page.link('Password forgotten?'), FORGOTTEN);
    const response = await ask(browser, { pspid: admin.pspid, userid: 'anne.fr' });
    assert.equal(response.status, 200);
    assert.ok(browser.page.text().includes(SENT));

    const mail = await smtp.waitForMessage((m) => m.to.includes('anne@example.test'));
    assert.equal(mail.subject, 'Votre mot de passe à usage unique Guichet');
    assert.match(mail.text, /http:\/\/127\.0\.0\.1:3000\/test\/login/, 'the configured origin, never the Host header');
    const otp = oneTimePassword(mail.text);
    assert.ok(otp, 'the mail carries the one-time password');

    const first = new TestBrowser(h.app);
    assert.equal((await logIn(first, { ...user, password: otp })).status, 303);
    const inner = await first.get(paths.home('test'));
    assert.equal(inner.headers.get('Location'), paths.password.change('test'), 'straight to the change page');
    assert.equal((await logIn(new TestBrowser(h.app), { ...user, password: otp })).status, 422, 'it works once');
  });

  test('the current password keeps working; using it cancels the pending one-time password', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const user = await createUser(h.db, admin.accountId, admin.pspid, {
      userid: 'remembers',
      email: 'remembers@example.test',
      passwordChangedAt: h.clock.now(),
    });
    await ask(browserFromNewAddress(), { pspid: admin.pspid, userid: user.userid });
    const mail = await smtp.waitForMessage((m) => m.to.includes('remembers@example.test'));
    const otp = oneTimePassword(mail.text)!;
    assert.equal((await logIn(new TestBrowser(h.app), user)).status, 303);
    assert.equal((await logIn(new TestBrowser(h.app), { ...user, password: otp })).status, 422);
  });

  test('the answer is the same for an unknown PSPID, an unknown user, a user without e-mail and an inactive user', async () => {
    const admin = await createAccount(counted.db);
    await createUser(counted.db, admin.accountId, admin.pspid, { userid: 'no.mail' });
    await createUser(counted.db, admin.accountId, admin.pspid, { userid: 'gone', email: 'gone@example.test', active: false });
    const before = counted.sentMails.length;
    const pages = new Set<string>();
    for (const form of [
      { pspid: 'NOPE-PSPID' },
      { pspid: admin.pspid, userid: 'nobody' },
      { pspid: admin.pspid, userid: 'no.mail' },
      { pspid: admin.pspid, userid: 'gone' },
    ]) {
      const browser = browserFromNewAddress(counted);
      const response = await ask(browser, form);
      assert.equal(response.status, 200);
      assert.ok(browser.page.text().includes(SENT));
      // The main content without what was typed (and the form's token): the same for every request.
      const main = browser.page.one('main')?.cloneNode(true) as Element;
      for (const input of main.querySelectorAll('input')) input.removeAttribute('value');
      pages.add(main.outerHTML);
    }
    assert.equal(pages.size, 1, 'identical pages');
    assert.equal(counted.sentMails.length, before, 'no mail sent');
    const reasons = await counted.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'password.reset_request'), eq(auditLog.success, false)));
    assert.ok(reasons.length >= 4, 'every request is audited');
  });

  test('the one-time password expires after 24 hours', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const user = await createUser(h.db, admin.accountId, admin.pspid, {
      userid: 'late.user',
      email: 'late@example.test',
      passwordChangedAt: h.clock.now(),
    });
    await ask(browserFromNewAddress(), { pspid: admin.pspid, userid: user.userid });
    const mail = await smtp.waitForMessage((m) => m.to.includes('late@example.test'));
    assert.equal(mail.subject, 'Your Guichet one-time password');
    h.clock.advance(24 * HOUR_MS + 1000);
    assert.equal((await logIn(new TestBrowser(h.app), { ...user, password: oneTimePassword(mail.text)! })).status, 422);
  });

  test('requests are rate-limited per address (429 with a message) and per user (silently)', async () => {
    const admin = await createAccount(counted.db);
    await createUser(counted.db, admin.accountId, admin.pspid, { userid: 'busy.user', email: 'busy@example.test' });
    const browser = browserFromNewAddress(counted);
    for (let i = 0; i < 10; i += 1) assert.equal((await ask(browser, { pspid: 'UNKNOWN' })).status, 200);
    const limited = await ask(browser, { pspid: 'UNKNOWN' });
    assert.equal(limited.status, 429);
    assert.ok(browser.page.alert().startsWith('Too many requests from this connection'));

    const mailsToBusy = () => counted.sentMails.filter((m) => m.to === 'busy@example.test').length;
    const before = mailsToBusy();
    for (let i = 0; i < 5; i += 1) {
      const response = await ask(browserFromNewAddress(counted), { pspid: admin.pspid, userid: 'busy.user' });
      assert.equal(response.status, 200, 'the same answer, limited or not');
    }
    assert.equal(mailsToBusy() - before, 3, 'at most 3 mails an hour per user');
  });

  test('empty or over-long fields get messages beside them', async () => {
    const browser = browserFromNewAddress();
    await browser.get(FORGOTTEN);
    assert.equal((await browser.post(FORGOTTEN, { pspid: '', userid: 'x'.repeat(21) })).status, 422);
    const { page } = browser;
    assert.equal(page.fieldError('forgotten-pspid'), 'Enter your PSPID.');
    assert.equal(page.fieldError('forgotten-userid'), 'Enter at most 20 characters.');
    assert.deepEqual(page.errorSummary(), [
      { text: 'PSPID: Enter your PSPID.', href: '#forgotten-pspid' },
      { text: 'USERID: Enter at most 20 characters.', href: '#forgotten-userid' },
    ]);
  });
});

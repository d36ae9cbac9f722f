import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { HOUR_MS } from '../lib/clock.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';
import { startTestSmtpServer } from '../test/smtp.ts';

const smtp = await startTestSmtpServer();
after(() => smtp.close());
const h = await createHarness({ smtpUrl: smtp.url, trustProxy: true });
const SENT = 'If the details match an active user with an e-mail address, a one-time password is on its way.';

let ipCounter = 0;
/** Each test asks from its own address, so the per-address limit does not carry over. */
function browserFromNewAddress() {
  ipCounter += 1;
  return new TestBrowser(h.app, { 'X-Forwarded-For': `198.51.100.${ipCounter}` });
}

async function ask(browser: TestBrowser, form: { pspid: string; userid?: string }) {
  await browser.get('/test/password/forgotten');
  return browser.post('/test/password/forgotten', { pspid: form.pspid, userid: form.userid ?? '' });
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
    await browser.get('/test/login');
    assert.match(browser.lastBody, /href="\/test\/password\/forgotten">Password forgotten\?/);
    const response = await ask(browser, { pspid: admin.pspid, userid: 'anne.fr' });
    assert.equal(response.status, 200);
    assert.ok(browser.lastBody.includes(SENT));

    const mail = await smtp.waitForMessage((m) => m.to.includes('anne@example.test'));
    assert.equal(mail.subject, 'Votre mot de passe à usage unique Guichet');
    assert.match(mail.text, /http:\/\/127\.0\.0\.1:3000\/test\/login/, 'the configured origin, never the Host header');
    const otp = oneTimePassword(mail.text);
    assert.ok(otp, 'the mail carries the one-time password');

    const first = new TestBrowser(h.app);
    assert.equal((await logIn(first, { ...user, password: otp })).status, 303);
    const inner = await first.get('/test/home');
    assert.equal(inner.headers.get('Location'), '/test/password', 'straight to the change page');
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
    const admin = await createAccount(h.db);
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'no.mail' });
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'gone', email: 'gone@example.test', active: false });
    const before = smtp.messages.length;
    const bodies = new Set<string>();
    for (const form of [
      { pspid: 'NOPE-PSPID' },
      { pspid: admin.pspid, userid: 'nobody' },
      { pspid: admin.pspid, userid: 'no.mail' },
      { pspid: admin.pspid, userid: 'gone' },
    ]) {
      const browser = browserFromNewAddress();
      const response = await ask(browser, form);
      assert.equal(response.status, 200);
      assert.ok(browser.lastBody.includes(SENT));
      bodies.add(/<main[\s\S]*<\/main>/.exec(browser.lastBody)?.[0].replace(/value="[^"]*"/g, '') ?? '');
    }
    assert.equal(bodies.size, 1, 'identical pages');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(smtp.messages.length, before, 'no mail sent');
    const reasons = await h.db
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
    const admin = await createAccount(h.db);
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'busy.user', email: 'busy@example.test' });
    const browser = browserFromNewAddress();
    for (let i = 0; i < 10; i += 1) assert.equal((await ask(browser, { pspid: 'UNKNOWN' })).status, 200);
    const limited = await ask(browser, { pspid: 'UNKNOWN' });
    assert.equal(limited.status, 429);
    assert.match(browser.lastBody, /Too many requests from this connection/);

    const before = smtp.messages.filter((m) => m.to.includes('busy@example.test')).length;
    for (let i = 0; i < 5; i += 1) await ask(browserFromNewAddress(), { pspid: admin.pspid, userid: 'busy.user' });
    await smtp.waitForMessage((m) => m.to.includes('busy@example.test'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(
      smtp.messages.filter((m) => m.to.includes('busy@example.test')).length - before,
      3,
      'at most 3 mails an hour per user',
    );
  });

  test('empty or over-long fields get messages beside them', async () => {
    const browser = browserFromNewAddress();
    await browser.get('/test/password/forgotten');
    assert.equal((await browser.post('/test/password/forgotten', { pspid: '', userid: 'x'.repeat(21) })).status, 422);
    assert.match(browser.lastBody, /Enter your PSPID[\s\S]*Enter at most 20 characters/);
  });
});

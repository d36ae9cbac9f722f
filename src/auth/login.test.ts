import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';

const h = await createHarness();
const GENERIC = 'The login details are not correct, or this user cannot log in at the moment. Check them and try again.';

describe('login pages (A1, A2)', () => {
  test('/ leads to the TEST login; each environment names itself and links to the other', async () => {
    const browser = new TestBrowser(h.app);
    const root = await browser.get('/');
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('Location'), paths.login('test'));
    const test = await browser.get(paths.login('test'));
    assert.equal(test.status, 200);
    assert.equal(browser.page.h1(), 'TEST login');
    assert.equal(browser.page.link('Go to the Production login'), paths.login('prod'));
    await browser.get(paths.login('prod'));
    assert.equal(browser.page.h1(), 'Production login');
    assert.equal(browser.page.link('Go to the TEST login'), paths.login('test'));
  });

  test('an unknown environment in the path is a 404 page', async () => {
    const browser = new TestBrowser(h.app);
    const response = await browser.get('/staging/login');
    assert.equal(response.status, 404);
    assert.equal(browser.page.h1(), 'Page not found');
  });

  test('the PSPID form logs in the default administrator and shows the shell', async () => {
    const admin = await createAccount(h.db);
    const browser = new TestBrowser(h.app);
    const response = await logIn(browser, admin, { form: 'pspid' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), paths.home('test'));
    const home = await browser.get(paths.home('test'));
    assert.equal(home.status, 200);
    assert.equal(browser.page.h1(), `Welcome, Name of ${admin.userid}`);
    assert.ok(browser.page.one('nav[aria-label="Main menu"]'), 'the main menu');
    assert.ok(
      browser.page.all('dd').some((dd) => browser.page.textOf(dd) === admin.pspid),
      'the account is named',
    );
    assert.ok(browser.page.one(`form[action="${paths.logout('test')}"]`), 'the logout form');
  });

  test('the USERID form logs in a named user, whatever the case of PSPID and USERID', async () => {
    const admin = await createAccount(h.db);
    const viewer = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'Anna.Viewer' });
    const browser = new TestBrowser(h.app);
    const response = await logIn(
      browser,
      { ...viewer, userid: 'anna.viewer', pspid: admin.pspid.toLowerCase() },
      { form: 'user' },
    );
    assert.equal(response.status, 303);
    await browser.get(paths.home('test'));
    assert.ok(browser.page.all('dd').some((dd) => browser.page.textOf(dd) === 'Anna.Viewer'));
  });

  test('the PSPID form never logs in a named user', async () => {
    const admin = await createAccount(h.db);
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'other.user', password: 'same password 1' });
    const response = await logIn(
      new TestBrowser(h.app),
      { userid: admin.pspid, pspid: admin.pspid, password: 'same password 1' },
      { form: 'pspid' },
    );
    assert.equal(response.status, 422);
  });
});

describe('one generic error for every failure (A2)', () => {
  test('unknown PSPID, unknown user, wrong password, inactive, locked and API users get the same answer', async () => {
    const admin = await createAccount(h.db);
    const inactive = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'gone.user', active: false });
    const api = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'api.user', isApiUser: true, profile: 'admin' });
    const locked = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'locked.user' });
    await h.db
      .update(users)
      .set({ failedLoginCount: 10, lockedUntil: new Date(h.clock.now().getTime() + 10 * MINUTE_MS) })
      .where(eq(users.id, locked.id));

    const attempts = [
      { userid: 'x', pspid: 'NO-SUCH-PSPID', password: 'whatever 1' },
      { userid: 'nobody', pspid: admin.pspid, password: 'whatever 1' },
      { ...admin, userid: admin.pspid, password: 'wrong password 1' },
      inactive,
      locked,
      api,
    ];
    const summaries = new Set<string>();
    for (const attempt of attempts) {
      const browser = new TestBrowser(h.app);
      const response = await logIn(browser, attempt, { form: 'user' });
      assert.equal(response.status, 422, `status for ${attempt.userid}`);
      assert.deepEqual(
        browser.page.errorSummary(),
        [{ text: `USERID: ${GENERIC}`, href: '#user-userid' }],
        `generic message for ${attempt.userid}`,
      );
      assert.equal(browser.page.fieldError('user-userid'), GENERIC);
      assert.match(browser.page.title(), /^Error: TEST login/);
      assert.equal(browser.cookies.has('guichet_test_session'), false);
      summaries.add(browser.page.one('[data-error-summary]')?.outerHTML ?? '');
    }
    assert.equal(summaries.size, 1, 'the error summary is identical for every kind of failure');

    const reasons = await h.db
      .select({ reason: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'login'), eq(auditLog.success, false)));
    const recorded = reasons.map((r) => (r.reason as { reason: string }).reason);
    for (const reason of ['unknown_account', 'unknown_user', 'wrong_password', 'inactive', 'locked', 'api_user']) {
      assert.ok(recorded.includes(reason), `audit log records ${reason}`);
    }
  });

  test('the typed PSPID and USERID are kept, the password never comes back', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, { userid: 'some.user', pspid: 'SOMEPSPID', password: 'secret typed 99' }, { form: 'user' });
    assert.equal(browser.page.valueOf('#user-userid'), 'some.user');
    assert.equal(browser.page.one('#user-userid')?.getAttribute('name'), 'userid');
    assert.equal(browser.page.valueOf('#user-pspid'), 'SOMEPSPID');
    assert.equal(browser.page.one('#user-pspid')?.getAttribute('name'), 'pspid');
    assert.equal(browser.page.valueOf('#user-password'), '');
    assert.equal(browser.page.valueOf('#login-pspid'), '', 'the other form stays empty');
    assert.ok(!browser.lastBody.includes('secret typed 99'));
  });

  test('a successful login is audited with the origin address', async () => {
    const admin = await createAccount(h.db);
    await logIn(new TestBrowser(h.app), admin);
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'login'), eq(auditLog.success, true)));
    assert.ok(entry);
    assert.equal(entry.accountId, admin.accountId);
    assert.equal(entry.actor, admin.userid);
    assert.equal(entry.object, `user:${admin.id}`);
  });
});

describe('lockout (A2)', () => {
  test('10 failures lock the user for 30 minutes, whatever the browser; the right password is refused meanwhile', async () => {
    const admin = await createAccount(h.db);
    for (let i = 0; i < 10; i += 1) {
      const response = await logIn(new TestBrowser(h.app), { ...admin, password: `wrong guess ${i}` });
      assert.equal(response.status, 422);
    }
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.failedLoginCount, 10);
    assert.ok(row?.lockedUntil);
    const [lockEvent] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'user.locked')));
    assert.ok(lockEvent, 'the lockout is audited');

    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 422, 'locked: right password refused');
    h.clock.advance(29 * MINUTE_MS);
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 422, 'still locked after 29 minutes');
    h.clock.advance(1 * MINUTE_MS + 1000);
    const browser = new TestBrowser(h.app);
    assert.equal((await logIn(browser, admin)).status, 303, 'released after 30 minutes');
    await browser.get(paths.home('test'));
    assert.match(browser.page.text(), /There were 10 failed login attempts/);
  });

  test('nine failures then a success reset the counter', async () => {
    const admin = await createAccount(h.db);
    for (let i = 0; i < 9; i += 1) await logIn(new TestBrowser(h.app), { ...admin, password: `wrong guess ${i}` });
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 303);
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.failedLoginCount, 0);
    assert.equal(row?.lockedUntil, null);
  });

  test('after a lock runs out, counting starts again from one', async () => {
    const admin = await createAccount(h.db);
    for (let i = 0; i < 10; i += 1) await logIn(new TestBrowser(h.app), { ...admin, password: `wrong guess ${i}` });
    h.clock.advance(31 * MINUTE_MS);
    await logIn(new TestBrowser(h.app), { ...admin, password: 'wrong again 1' });
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.failedLoginCount, 1);
    assert.equal(row?.lockedUntil, null);
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 303);
  });

  test('parallel failures cannot slip past the limit', async () => {
    const admin = await createAccount(h.db);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => logIn(new TestBrowser(h.app), { ...admin, password: `parallel wrong ${i}` })),
    );
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.ok(row?.lockedUntil, 'locked');
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 422);
  });
});

test('the PRODUCTION login says that PRODUCTION accounts come from TEST and links to the TEST login', async () => {
  const h = await createHarness();
  const browser = new TestBrowser(h.app);
  await browser.get('/prod/login');
  assert.match(browser.page.text(), /PRODUCTION accounts are opened from a TEST account/);
  assert.ok(
    browser.page.links().some((link) => link.href === '/test/login'),
    'the switch to the TEST login is there',
  );
  await browser.get('/test/login');
  assert.doesNotMatch(browser.page.text(), /PRODUCTION accounts are opened/);
});

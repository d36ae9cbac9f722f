import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { canGrant, grantableProfiles } from '../auth/permissions.ts';
import { accounts } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { PROFILES, users } from '../db/schema/users.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';
import { startTestSmtpServer } from '../test/smtp.ts';

const smtp = await startTestSmtpServer();
after(() => smtp.close());
const h = await createHarness({ smtpUrl: smtp.url });

async function adminSession() {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  const browser = new TestBrowser(h.app);
  assert.equal((await logIn(browser, admin)).status, 303);
  return { admin, browser };
}

const fresh = () => ({ passwordChangedAt: h.clock.now() });
const form = (fields: Record<string, string>) => ({
  name: 'Jeanne Martin',
  email: '',
  profile: 'viewer',
  timeZone: 'Europe/Brussels',
  language: 'en',
  ...fields,
});

describe('users list (D1)', () => {
  test('lists every user with profile, API flag, 2FA, status and last login, against the limit', async () => {
    const { admin, browser } = await adminSession();
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'api.robot', isApiUser: true, profile: 'admin' });
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'left.company', active: false });
    await browser.get('/test/users');
    assert.match(browser.lastBody, /<h1>Users<\/h1>/);
    assert.match(browser.lastBody, /3 of 10 users allowed by your subscription/);
    assert.match(
      browser.lastBody,
      />api\.robot<\/a><\/th><td>Name of api\.robot<\/td><td>Admin<\/td><td>Yes<\/td><td>Off<\/td><td>Active<\/td><td>Never<\/td>/,
    );
    assert.match(browser.lastBody, />left\.company<\/a>[\s\S]*?<td>Inactive<\/td>/);
    assert.match(browser.lastBody, /Time zone of .*: Europe\/Brussels/);
    await browser.get('/test/users?status=inactive&q=left');
    assert.doesNotMatch(browser.lastBody, />api\.robot</);
    assert.match(browser.lastBody, />left\.company</);
  });

  test('last logins are shown in the viewer’s time zone, daylight saving applied', async () => {
    const { admin, browser } = await adminSession();
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'summer.user' });
    await h.db
      .update(users)
      .set({ lastLoginAt: new Date('2026-07-01T12:00:00Z') })
      .where(eq(users.id, user.id));
    await browser.get('/test/users?q=summer');
    assert.match(browser.lastBody, /01\/07\/2026 14:00 CEST/);
    await h.db.update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, admin.id));
    await browser.get('/test/users?q=summer');
    assert.match(browser.lastBody, /01\/07\/2026 08:00 (EDT|GMT-4)/);
    await h.db
      .update(users)
      .set({ lastLoginAt: new Date('2026-01-15T12:00:00Z') })
      .where(eq(users.id, user.id));
    await browser.get('/test/users?q=summer');
    assert.match(browser.lastBody, /15\/01\/2026 07:00 (EST|GMT-5)/);
  });

  test('"New user" is refused at the subscription’s limit, with a message', async () => {
    const { admin, browser } = await adminSession();
    await h.db.update(accounts).set({ userLimit: 2 }).where(eq(accounts.id, admin.accountId));
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'second.one' });
    await browser.get('/test/users');
    assert.match(browser.lastBody, /all are in use/);
    assert.doesNotMatch(browser.lastBody, /href="\/test\/users\/new"/);
    await browser.get('/test/users/new');
    const response = await browser.post('/test/users', form({ userid: 'third.one' }));
    assert.equal(response.status, 422);
    assert.match(browser.lastBody, /user limit is reached/);
    const rows = await h.db.select().from(users).where(eq(users.accountId, admin.accountId));
    assert.equal(rows.length, 2);
  });
});

describe('creating a user (D1)', () => {
  test('the new user gets an initial password by mail, in their language, which forces a change at first use', async () => {
    const { admin, browser } = await adminSession();
    await browser.get('/test/users/new');
    const response = await browser.post(
      '/test/users',
      form({ userid: 'jeanne', email: 'jeanne@example.test', language: 'fr', profile: 'encoder' }),
    );
    assert.equal(response.status, 303);
    const mail = await smtp.waitForMessage((m) => m.to.includes('jeanne@example.test'));
    assert.equal(mail.subject, 'Votre utilisateur Guichet');
    const password = /Mot de passe initial : ([A-Za-z0-9]{16})/.exec(mail.text)?.[1];
    assert.ok(password);
    await browser.get(response.headers.get('Location')!);
    assert.match(browser.lastBody, /Their initial password was sent/);
    const jeanne = new TestBrowser(h.app);
    assert.equal((await logIn(jeanne, { userid: 'jeanne', pspid: admin.pspid, password })).status, 303);
    assert.equal((await jeanne.get('/test/home')).headers.get('Location'), '/test/password');
    const [created] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'user.create'), eq(auditLog.userId, admin.id)));
    assert.equal((created?.details as { profile: string } | undefined)?.profile, 'encoder');
  });

  test('without an e-mail address the password is shown once to the administrator', async () => {
    const { browser } = await adminSession();
    await browser.get('/test/users/new');
    const response = await browser.post('/test/users', form({ userid: 'no.mail.user' }));
    assert.equal(response.status, 200);
    assert.match(browser.lastBody, /give them this initial password yourself/);
    assert.match(browser.lastBody, /<code class="shown-password">[A-Za-z0-9]{16}<\/code>/);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a malformed USERID', { userid: 'a b' }, /Enter a USERID of 3 to 20 letters/],
    ['a too short USERID', { userid: 'ab' }, /Enter a USERID of 3 to 20 letters/],
    ['a bad e-mail', { userid: 'good.one', email: 'not-an-address' }, /Enter an e-mail address like/],
    ['an unknown time zone', { userid: 'good.two', timeZone: 'Mars/Olympus' }, /Choose a time zone from the list/],
    ['an unknown profile', { userid: 'good.three', profile: 'superuser' }, /Choose a profile from the list/],
    [
      'a scope on an admin',
      { userid: 'good.four', profile: 'admin', scopeOwnOnly: '1' },
      /Only Super-encoder, Encoder and Viewer/,
    ],
  ];
  for (const [name, fields, message] of bad) {
    test(`${name} is refused beside its field, with the input kept`, async () => {
      const { admin, browser } = await adminSession();
      await browser.get('/test/users/new');
      const response = await browser.post('/test/users', form(fields));
      assert.equal(response.status, 422);
      assert.match(browser.lastBody, message);
      assert.match(browser.lastBody, /value="Jeanne Martin"/);
      const rows = await h.db.select().from(users).where(eq(users.accountId, admin.accountId));
      assert.equal(rows.length, 1, 'nothing written');
    });
  }

  test('a duplicate USERID (whatever the case) is refused', async () => {
    const { admin, browser } = await adminSession();
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'Taken.Name' });
    await browser.get('/test/users/new');
    assert.equal((await browser.post('/test/users', form({ userid: 'taken.name' }))).status, 422);
    assert.match(browser.lastBody, /already used in this account/);
  });
});

describe('editing (D1, D3)', () => {
  test('the edit form replaces the details in place with htmx, and saves with before/after in the audit log', async () => {
    const { admin, browser } = await adminSession();
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'to.edit' });
    await browser.get(`/test/users/${user.id}`);
    const fragment = await browser.get(`/test/users/${user.id}/edit`, { 'HX-Request': 'true' });
    assert.equal(fragment.status, 200);
    assert.match(browser.lastBody, /^<section class="card" id="user-details"/);
    assert.match(fragment.headers.get('Vary') ?? '', /HX-Request/);
    const saved = await browser.post(`/test/users/${user.id}`, form({ version: '1', name: 'New Name', profile: 'encoder' }));
    assert.equal(saved.status, 303);
    const [event] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'user.update'), eq(auditLog.object, `user:${user.id}`)));
    const changes =
      (event?.details as { changes: Record<string, { before: unknown; after: unknown }> } | undefined)?.changes ?? {};
    assert.deepEqual(changes.profile, { before: 'viewer', after: 'encoder' });
    assert.deepEqual(changes.name, { before: 'Name of to.edit', after: 'New Name' });
    assert.equal(changes.timeZone, undefined, 'only changed fields');
  });

  test('a stale edit gets a conflict: nothing is overwritten and the input is kept', async () => {
    const { admin, browser } = await adminSession();
    const other = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'second.admin', profile: 'admin', ...fresh() });
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'contested' });
    const otherBrowser = new TestBrowser(h.app);
    await logIn(otherBrowser, other);
    await otherBrowser.get(`/test/users/${user.id}/edit`);
    await browser.get(`/test/users/${user.id}/edit`);
    assert.equal((await otherBrowser.post(`/test/users/${user.id}`, form({ version: '1', name: 'First Writer' }))).status, 303);
    const response = await browser.post(`/test/users/${user.id}`, form({ version: '1', name: 'Second Writer' }));
    assert.equal(response.status, 409);
    assert.match(browser.lastBody, /Someone changed this user while you were editing/);
    assert.match(browser.lastBody, /<dd>First Writer<\/dd>/);
    assert.match(browser.lastBody, /value="Second Writer"/);
    assert.match(browser.lastBody, /name="version" value="2"/);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.name, 'First Writer');
  });

  test('the USERID cannot be changed by editing the form', async () => {
    const { admin, browser } = await adminSession();
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'fixed.id' });
    await browser.get(`/test/users/${user.id}/edit`);
    await browser.post(`/test/users/${user.id}`, form({ version: '1', userid: 'renamed' }));
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.userid, 'fixed.id');
  });

  test('an administrator cannot change their own profile', async () => {
    const { admin, browser } = await adminSession();
    await browser.get(`/test/users/${admin.id}/edit`);
    const demote = await browser.post(`/test/users/${admin.id}`, form({ version: '1', profile: 'viewer', name: 'Me' }));
    assert.equal(demote.status, 422);
    assert.match(browser.lastBody, /You cannot do this to your own user/);
    assert.equal(
      (await browser.post(`/test/users/${admin.id}`, form({ version: '1', profile: 'admin', name: 'Me Renamed' }))).status,
      303,
      'other details may change',
    );
  });

  test('two administrators demoting each other at once leave one Admin (the last-admin rule holds under concurrency)', async () => {
    const { admin, browser } = await adminSession();
    const second = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'admin.two', profile: 'admin', ...fresh() });
    const secondBrowser = new TestBrowser(h.app);
    await logIn(secondBrowser, second);
    await browser.get(`/test/users/${second.id}/edit`);
    await secondBrowser.get(`/test/users/${admin.id}/edit`);
    const results = await Promise.all([
      browser.post(`/test/users/${second.id}`, form({ version: '1', profile: 'viewer', name: 'Second' })),
      secondBrowser.post(`/test/users/${admin.id}`, form({ version: '1', profile: 'viewer', name: 'First' })),
    ]);
    const admins = await h.db
      .select()
      .from(users)
      .where(and(eq(users.accountId, admin.accountId), eq(users.profile, 'admin')));
    assert.equal(admins.length, 1, `one Admin left (statuses ${results.map((r) => r.status).join(', ')})`);
  });

  test('the API flag is fixed after creation', async () => {
    const { admin, browser } = await adminSession();
    const person = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'a.person' });
    await browser.get(`/test/users/${person.id}/edit`);
    assert.doesNotMatch(browser.lastBody, /name="isApiUser"/);
    await browser.post(`/test/users/${person.id}`, form({ version: '1', name: 'A Person', isApiUser: '1' }));
    const [row] = await h.db.select().from(users).where(eq(users.id, person.id));
    assert.equal(row?.isApiUser, false);
  });

  test('a change of profile applies to the user’s next request', async () => {
    const { admin, browser } = await adminSession();
    const colleague = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'colleague', profile: 'admin', ...fresh() });
    const colleagueBrowser = new TestBrowser(h.app);
    await logIn(colleagueBrowser, colleague);
    assert.equal((await colleagueBrowser.get('/test/users')).status, 200);
    await browser.get(`/test/users/${colleague.id}/edit`);
    await browser.post(`/test/users/${colleague.id}`, form({ version: '1', name: 'Name of colleague', profile: 'viewer' }));
    assert.equal((await colleagueBrowser.get('/test/users')).status, 403, 'no longer a user manager');
    assert.equal((await colleagueBrowser.get('/test/home')).status, 200, 'still signed in');
  });
});

describe('actions (D2)', () => {
  test('deactivation goes through a confirmation page and ends the user’s sessions at once; reactivation', async () => {
    const { admin, browser } = await adminSession();
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'leaving', ...fresh() });
    const userBrowser = new TestBrowser(h.app);
    await logIn(userBrowser, user);
    await browser.get(`/test/users/${user.id}/deactivate`);
    assert.match(browser.lastBody, /<h1>Deactivate leaving\?<\/h1>/);
    assert.equal((await browser.post(`/test/users/${user.id}/deactivate`, {})).status, 303);
    assert.equal((await userBrowser.get('/test/home')).status, 303, 'signed out on the next request');
    assert.equal((await logIn(new TestBrowser(h.app), user)).status, 422);
    await browser.get(`/test/users/${user.id}`);
    assert.equal((await browser.post(`/test/users/${user.id}/reactivate`, {})).status, 303);
    assert.equal((await logIn(new TestBrowser(h.app), user)).status, 303);
  });

  test('an administrator cannot deactivate their own user', async () => {
    const { admin, browser } = await adminSession();
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'backup.admin', profile: 'admin' });
    await browser.get(`/test/users/${admin.id}/deactivate`);
    assert.equal((await browser.post(`/test/users/${admin.id}/deactivate`, {})).status, 422);
    assert.match(browser.lastBody, /You cannot do this to your own user/);
  });

  test('"Activate (errors)" unlocks a user locked by failed logins', async () => {
    const { admin, browser } = await adminSession();
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'fumbler', ...fresh() });
    for (let i = 0; i < 10; i += 1) await logIn(new TestBrowser(h.app), { ...user, password: `wrong guess ${i}` });
    assert.equal((await logIn(new TestBrowser(h.app), user)).status, 422);
    await browser.get(`/test/users/${user.id}`);
    assert.match(browser.lastBody, /Locked after failed logins until/);
    assert.equal((await browser.post(`/test/users/${user.id}/unlock`, {})).status, 303);
    assert.equal((await logIn(new TestBrowser(h.app), user)).status, 303);
  });

  test('"Send a new password" mails a one-time password and ends the user’s sessions', async () => {
    const { admin, browser } = await adminSession();
    const user = await createUser(h.db, admin.accountId, admin.pspid, {
      userid: 'forgetful',
      email: 'forgetful@example.test',
      ...fresh(),
    });
    const userBrowser = new TestBrowser(h.app);
    await logIn(userBrowser, user);
    await browser.get(`/test/users/${user.id}/send-password`);
    assert.equal((await browser.post(`/test/users/${user.id}/send-password`, {})).status, 303);
    const mail = await smtp.waitForMessage((m) => m.to.includes('forgetful@example.test'));
    const password = /New password: ([A-Za-z0-9]{16})/.exec(mail.text)?.[1];
    assert.ok(password);
    assert.equal((await userBrowser.get('/test/home')).status, 303);
    assert.equal((await logIn(new TestBrowser(h.app), user)).status, 422, 'the old password no longer works');
    const next = new TestBrowser(h.app);
    assert.equal((await logIn(next, { ...user, password })).status, 303);
    assert.equal((await next.get('/test/home')).headers.get('Location'), '/test/password');
  });
});

describe('rights (D3)', () => {
  test('nobody can grant a profile with rights they do not hold', () => {
    assert.deepEqual(grantableProfiles('admin'), [...PROFILES]);
    assert.ok(!canGrant('admin_no_user_manager', 'admin'));
    assert.ok(canGrant('admin_no_user_manager', 'viewer'));
    assert.ok(!canGrant('viewer', 'admin_no_user_manager'));
  });

  test('only user managers reach the users pages; others get 403 and no menu link', async () => {
    const admin = await createAccount(h.db, fresh());
    for (const profile of ['admin_no_user_manager', 'super_encoder', 'encoder', 'viewer'] as const) {
      const user = await createUser(h.db, admin.accountId, admin.pspid, {
        userid: `no.${profile}`.slice(0, 20),
        profile,
        ...fresh(),
      });
      const browser = new TestBrowser(h.app);
      await logIn(browser, user);
      await browser.get('/test/home');
      assert.doesNotMatch(browser.lastBody, /href="\/test\/users"/, profile);
      for (const path of [
        '/test/users',
        '/test/users/new',
        `/test/users/${admin.id}`,
        `/test/users/${admin.id}/edit`,
        `/test/users/${admin.id}/deactivate`,
      ]) {
        assert.equal((await browser.get(path)).status, 403, `${profile} ${path}`);
      }
      await browser.get('/test/home');
      for (const path of [
        '/test/users',
        `/test/users/${admin.id}`,
        `/test/users/${admin.id}/unlock`,
        `/test/users/${admin.id}/deactivate`,
      ]) {
        assert.equal(
          (await browser.post(path, form({ userid: 'sneaky', version: '1', profile: 'admin' }))).status,
          403,
          `${profile} POST ${path}`,
        );
      }
    }
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.active, true);
  });

  test('ids of another account answer 404 on every user route', async () => {
    const { browser } = await adminSession();
    const stranger = await createAccount(h.db);
    const base = `/test/users/${stranger.id}`;
    for (const path of [base, `${base}/edit`, `${base}/deactivate`, `${base}/send-password`, `${base}/otp-off`]) {
      assert.equal((await browser.get(path)).status, 404, path);
    }
    await browser.get('/test/users');
    for (const path of [
      base,
      `${base}/deactivate`,
      `${base}/send-password`,
      `${base}/otp-off`,
      `${base}/reactivate`,
      `${base}/unlock`,
    ]) {
      assert.equal((await browser.post(path, form({ version: '1' }))).status, 404, `POST ${path}`);
    }
    assert.equal((await browser.get('/test/users/not-a-uuid')).status, 404);
    const [row] = await h.db.select().from(users).where(eq(users.id, stranger.id));
    assert.equal(row?.active, true);
  });
});

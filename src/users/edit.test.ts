import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { createHarness, createUser, signIn } from '../test/harness.ts';
import { details, userForm } from './test-fixtures.ts';

const h = await createHarness();
const show = (id: string) => paths.users.show('test', id);
const edit = (id: string) => paths.users.edit('test', id);
const save = (browser: TestBrowser, id: string, fields: Record<string, string>, headers?: Record<string, string>) =>
  browser.post(show(id), userForm(fields), headers);
const stored = async (id: string) => (await h.db.select().from(users).where(eq(users.id, id)))[0];

describe('editing (D1, D3)', () => {
  test('the edit form replaces the details in place with htmx, and saves with before/after in the audit log', async () => {
    const { user: admin, browser } = await signIn(h);
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'to.edit' });
    await browser.get(show(user.id));
    assert.equal(details(browser).Name, 'Name of to.edit');
    const fragment = await browser.get(edit(user.id), { 'HX-Request': 'true' });
    assert.equal(fragment.status, 200);
    assert.equal(browser.page.title(), '', 'only the section, without the page around it');
    assert.equal(browser.page.one('h1'), null);
    const section = browser.page.one('section');
    assert.equal(section?.getAttribute('id'), 'user-details');
    assert.equal(browser.page.valueOf('#user-name'), 'Name of to.edit');
    assert.equal(browser.page.valueOf('[name=version]'), '1');
    assert.match(fragment.headers.get('Vary') ?? '', /HX-Request/);
    const saved = await save(browser, user.id, { version: '1', name: 'New Name', profile: 'encoder' });
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
    await browser.get(saved.headers.get('Location') ?? '');
    assert.equal(browser.page.flash(), 'The changes were saved.');
    assert.equal(details(browser).Profile, 'Encoder');
  });

  test('a stale edit answers 409 with the saved details shown: nothing is overwritten and the input is kept', async () => {
    const { user: admin, browser } = await signIn(h);
    const { browser: otherBrowser } = await signIn(h, { account: admin, userid: 'second.admin', profile: 'admin' });
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'contested' });
    await otherBrowser.get(edit(user.id));
    await browser.get(edit(user.id));
    assert.equal((await save(otherBrowser, user.id, { version: '1', name: 'First Writer' })).status, 303);
    const response = await save(browser, user.id, { version: '1', name: 'Second Writer' });
    assert.equal(response.status, 409);
    assert.ok(browser.page.alert().startsWith('Someone changed this user while you were editing.'));
    assert.equal(details(browser).Name, 'First Writer', 'the saved details');
    assert.equal(browser.page.valueOf('#user-name'), 'Second Writer', 'the input kept');
    assert.equal(browser.page.valueOf('[name=version]'), '2', 'the form now carries the saved version');
    assert.equal((await stored(user.id))?.name, 'First Writer');
  });

  test('a stale edit sent by htmx shows the whole page, not the form alone', async () => {
    const { user: admin, browser } = await signIn(h);
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'contested.hx' });
    await browser.get(edit(user.id));
    await h.db.update(users).set({ name: 'Meanwhile', version: 2 }).where(eq(users.id, user.id));
    const response = await save(browser, user.id, { version: '1', name: 'Late' }, { 'HX-Request': 'true' });
    assert.equal(response.status, 409);
    assert.equal(response.headers.get('HX-Retarget'), 'body');
    assert.equal(browser.page.h1(), 'contested.hx');
    assert.equal(details(browser).Name, 'Meanwhile');
    assert.equal(browser.page.valueOf('#user-name'), 'Late');
  });

  test('the USERID cannot be changed by editing the form', async () => {
    const { user: admin, browser } = await signIn(h);
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'fixed.id' });
    await browser.get(edit(user.id));
    assert.equal(browser.page.one('#user-userid'), null);
    await save(browser, user.id, { version: '1', userid: 'renamed' });
    assert.equal((await stored(user.id))?.userid, 'fixed.id');
  });

  test('an administrator cannot change their own profile', async () => {
    const { user: admin, browser } = await signIn(h);
    await browser.get(edit(admin.id));
    const demote = await save(browser, admin.id, { version: '1', profile: 'viewer', name: 'Me' });
    assert.equal(demote.status, 422);
    assert.equal(browser.page.fieldError('user-profile'), 'You cannot do this to your own user.');
    assert.deepEqual(browser.page.errorSummary(), [
      { text: 'Profile: You cannot do this to your own user.', href: '#user-profile' },
    ]);
    assert.equal(browser.page.valueOf('#user-name'), 'Me', 'the input kept');
    assert.equal(
      (await save(browser, admin.id, { version: '1', profile: 'admin', name: 'Me Renamed' })).status,
      303,
      'other details may change',
    );
  });

  test('two administrators demoting each other at once leave one Admin (the last-admin rule holds under concurrency)', async () => {
    const { user: admin, browser } = await signIn(h);
    const { user: second, browser: secondBrowser } = await signIn(h, { account: admin, userid: 'admin.two', profile: 'admin' });
    await browser.get(edit(second.id));
    await secondBrowser.get(edit(admin.id));
    const results = await Promise.all([
      save(browser, second.id, { version: '1', profile: 'viewer', name: 'Second' }),
      save(secondBrowser, admin.id, { version: '1', profile: 'viewer', name: 'First' }),
    ]);
    const admins = await h.db
      .select()
      .from(users)
      .where(and(eq(users.accountId, admin.accountId), eq(users.profile, 'admin')));
    assert.equal(admins.length, 1, `one Admin left (statuses ${results.map((r) => r.status).join(', ')})`);
  });

  test('the API flag is fixed after creation', async () => {
    const { user: admin, browser } = await signIn(h);
    const person = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'a.person' });
    await browser.get(edit(person.id));
    assert.equal(browser.page.one('[name=isApiUser]'), null);
    await save(browser, person.id, { version: '1', name: 'A Person', isApiUser: '1' });
    assert.equal((await stored(person.id))?.isApiUser, false);
  });

  test('a change of profile applies to the user’s next request', async () => {
    const { user: admin, browser } = await signIn(h);
    const { user: colleague, browser: colleagueBrowser } = await signIn(h, {
      account: admin,
      userid: 'colleague',
      profile: 'admin',
    });
    assert.equal((await colleagueBrowser.get(paths.users.list('test'))).status, 200);
    await browser.get(edit(colleague.id));
    await save(browser, colleague.id, { version: '1', name: 'Name of colleague', profile: 'viewer' });
    assert.equal((await colleagueBrowser.get(paths.users.list('test'))).status, 403, 'no longer a user manager');
    assert.equal((await colleagueBrowser.get(paths.home('test'))).status, 200, 'still signed in');
  });
});

test('an e-mail address with a display name is refused on creating and on editing; nothing is stored (issue 8)', async () => {
  const { user: admin, browser } = await signIn(h);
  const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'mail.target', email: 'bob@example.test' });
  const typed = 'Bob,Eve<eve@attacker.example>';
  const message = 'Enter an e-mail address like name@example.com.';
  await browser.get(paths.users.new('test'));
  assert.equal((await browser.post(paths.users.create('test'), userForm({ userid: 'new.target', email: typed }))).status, 422);
  assert.equal(browser.page.fieldError('user-email'), message);
  await browser.get(edit(user.id));
  assert.equal((await save(browser, user.id, { version: '1', name: 'Name of mail.target', email: typed })).status, 422);
  assert.equal(browser.page.fieldError('user-email'), message);
  assert.equal((await stored(user.id))?.email, 'bob@example.test');
  const addresses = (await h.db.select().from(users).where(eq(users.accountId, admin.accountId))).map((row) => row.email);
  assert.ok(!addresses.some((address) => address?.includes('attacker')), JSON.stringify(addresses));
});

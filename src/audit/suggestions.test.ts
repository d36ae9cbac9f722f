import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import type { Harness, TestUser } from '../test/harness.ts';
import { createAccount, signIn } from '../test/harness.ts';
import { parsePage } from '../test/html.ts';
import { auditHarness, numbers, suggestions, writeEntries } from './test-fixtures.ts';

/**
 * Issue 8, item 21: the user filter is a USERID typed with suggestions, not a select of every
 * user of the account resent with each page.
 */
const h = await auditHarness();

/** `count` users of the account, written in one statement (no password to hash: they never log in). */
async function manyUsers(h: Harness, account: TestUser, count: number, prefix = 'staff') {
  await h.db.insert(users).values(
    Array.from({ length: count }, (_, i) => ({
      accountId: account.accountId,
      userid: `${prefix}${String(i).padStart(4, '0')}`,
      name: `Staff ${i}`,
      profile: 'viewer' as const,
      timeZone: 'Europe/Brussels',
      passwordHash: 'not a hash',
      passwordChangedAt: h.clock.now(),
    })),
  );
}

describe('the user filter', () => {
  test('a text field with the first 50 USERIDs as suggestions, whatever the number of users', async () => {
    const { user: admin, browser } = await signIn(h);
    await manyUsers(h, admin, 300);
    await browser.get(paths.audit.list('test'));
    const { page } = browser;
    const field = page.field('User (USERID)');
    assert.equal(field?.tagName, 'INPUT');
    assert.equal(field?.getAttribute('type'), 'text');
    assert.equal(page.all('select#audit-user').length, 0, 'no select of users');
    const suggested = suggestions(page);
    assert.equal(suggested.length, 50);
    assert.deepEqual(
      suggested,
      [...suggested].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    assert.ok(!browser.lastBody.includes('staff0299'), 'the 300th user is not in the page');
    assert.ok(browser.lastBody.length < 40_000, `the page weighs ${browser.lastBody.length} characters`);
    // With JavaScript, the field asks for the USERIDs that start with what is typed.
    assert.equal(field?.getAttribute('hx-get'), paths.audit.userSuggestions('test'));
  });

  test('the suggestions for what is typed: any case, this account only, wildcards taken literally, at most 50', async () => {
    const { user: admin, browser } = await signIn(h);
    await manyUsers(h, admin, 60, 'Staff');
    await manyUsers(h, admin, 3, 'ops_');
    await manyUsers(h, admin, 2, 'opsx');
    const other = await createAccount(h.db);
    await manyUsers(h, other, 3, 'staffother');
    const ask = async (typed: string) => {
      const response = await browser.get(paths.audit.userSuggestions('test', { user: typed }));
      assert.equal(response.status, 200);
      return parsePage(browser.lastBody)
        .all('datalist#audit-user-suggestions option')
        .map((option) => option.getAttribute('value'));
    };
    assert.deepEqual(
      await ask('staff005'),
      Array.from({ length: 10 }, (_, i) => `Staff005${i}`),
    );
    assert.equal((await ask('STAFF')).length, 50);
    assert.deepEqual(await ask('ops_'), ['ops_0000', 'ops_0001', 'ops_0002'], '_ is not a wildcard');
    assert.deepEqual(await ask('%'), []);
    assert.deepEqual(await ask('staffother'), [], 'another account’s users are never suggested');
  });

  test('typing the USERID exactly filters, without JavaScript; a wrong one is refused with suggestions that start with it', async () => {
    const { user: admin, browser } = await signIn(h);
    await manyUsers(h, admin, 5, 'clerk');
    await writeEntries(h, { ...admin, id: admin.id, userid: admin.userid }, [
      { at: new Date('2026-03-12T08:00:00Z'), details: { n: 1 } },
    ]);
    assert.equal((await browser.get(paths.audit.list('test', { user: admin.userid.toLowerCase() }))).status, 200);
    assert.deepEqual(numbers(browser.page).slice(-1), [1]);
    assert.equal(browser.page.field('User (USERID)')?.getAttribute('value'), admin.userid);
    assert.equal((await browser.get(paths.audit.list('test', { user: 'clerk' }))).status, 422);
    assert.deepEqual(suggestions(browser.page), ['clerk0000', 'clerk0001', 'clerk0002', 'clerk0003', 'clerk0004']);
  });

  test('the suggestions need the right to read the log', async () => {
    const admin = await createAccount(h.db);
    const { browser } = await signIn(h, { account: admin, userid: 'viewer1', profile: 'viewer' });
    assert.equal((await browser.get(paths.audit.userSuggestions('test', { user: 'a' }))).status, 403);
  });
});

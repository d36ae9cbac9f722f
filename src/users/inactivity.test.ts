import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { sessions } from '../db/schema/sessions.ts';
import { users } from '../db/schema/users.ts';
import { DAY_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import type { TestUser } from '../test/harness.ts';
import { createAccount, createHarness, createUser, signIn } from '../test/harness.ts';
import { deactivateInactiveUsers, INACTIVITY_DAYS } from './inactivity.ts';
import { details, usersByUserid } from './test-fixtures.ts';

/** PCI DSS 8.2.6 (issue 9, item 5): the daily job that deactivates users without a login for 90 days. */
const h = await createHarness();
const job = () => deactivateInactiveUsers({ db: h.db, clock: h.clock, log: h.log });
const daysAgo = (days: number) => new Date(h.clock.now().getTime() - days * DAY_MS);

/** Sets when a user was created and last logged in (null: never). */
async function history(user: TestUser, created: Date, lastLogin: Date | null) {
  await h.db
    .update(users)
    .set({ createdAt: created, lastLoginAt: lastLogin })
    .where(and(eq(users.accountId, user.accountId), eq(users.id, user.id)));
}

async function stored(user: TestUser) {
  const [row] = await h.db
    .select()
    .from(users)
    .where(and(eq(users.accountId, user.accountId), eq(users.id, user.id)));
  assert.ok(row);
  return row;
}

const entriesFor = (user: TestUser) =>
  h.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.accountId, user.accountId),
        eq(auditLog.object, `user:${user.id}`),
        eq(auditLog.eventType, 'user.deactivate'),
      ),
    );

describe('inactive users (PCI DSS 8.2.6)', () => {
  test('users without a login for more than 90 days are deactivated, their sessions ended, each audited', async () => {
    const admin = await createAccount(h.db);
    await history(admin, daysAgo(10), daysAgo(1));
    const { user: away, browser } = await signIn(h, { account: admin, userid: 'away', profile: 'viewer' });
    await history(away, daysAgo(400), daysAgo(91));
    const never = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'never' });
    await history(never, daysAgo(120), null);
    const recent = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'recent' });
    await history(recent, daysAgo(400), daysAgo(89));
    const fresh = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'fresh' });
    await history(fresh, daysAgo(30), null);
    const api = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'api', isApiUser: true });
    await history(api, daysAgo(400), null);
    const gone = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'gone', active: false });
    await history(gone, daysAgo(400), null);

    assert.equal(await job(), 2);

    for (const [user, days] of [
      [away, 91],
      [never, 120],
    ] as const) {
      const row = await stored(user);
      assert.equal(row.active, false, user.userid);
      assert.equal(row.deactivatedReason, 'inactivity');
      assert.equal(row.deactivatedAt?.getTime(), h.clock.now().getTime());
      const [entry, ...more] = await entriesFor(user);
      assert.equal(more.length, 0);
      assert.equal(entry?.actor, 'system');
      assert.equal(entry?.userId, null);
      assert.equal(entry?.success, true);
      assert.equal(entry?.occurredAt.getTime(), h.clock.now().getTime());
      assert.deepEqual(entry?.details, { target: user.userid, reason: 'inactivity', days });
    }
    for (const user of [admin, recent, fresh, api]) assert.equal((await stored(user)).active, true, user.userid);
    assert.equal((await stored(gone)).deactivatedReason, null, 'an inactive user is left as it was');
    const left = await h.db.select().from(sessions).where(eq(sessions.userId, away.id));
    assert.equal(left.length, 0, 'the deactivated user’s sessions ended');
    assert.equal((await browser.get(paths.home('test'))).status, 303, 'signed out on the next request');

    assert.equal(await job(), 0, 'a second run the same day changes nothing');
    assert.equal((await entriesFor(away)).length, 1);
  });

  test('the last active administrator of an account stays, the most recently active one', async () => {
    const admin = await createAccount(h.db);
    await history(admin, daysAgo(500), daysAgo(200));
    const second = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'second.admin', profile: 'admin' });
    await history(second, daysAgo(500), daysAgo(150));
    const viewer = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'viewer' });
    await history(viewer, daysAgo(500), daysAgo(300));
    assert.equal(await job(), 2);
    assert.equal((await stored(admin)).active, false, 'the administrator inactive the longest goes');
    assert.equal((await stored(second)).active, true, 'the most recently active administrator stays');
    assert.equal((await stored(viewer)).active, false);

    const alone = await createAccount(h.db);
    await history(alone, daysAgo(500), null);
    const api = await createUser(h.db, alone.accountId, alone.pspid, { userid: 'api.admin', profile: 'admin', isApiUser: true });
    await history(api, daysAgo(10), daysAgo(1));
    assert.equal(await job(), 0, 'an API administrator does not count as an administrator who can log in');
    assert.equal((await stored(alone)).active, true);
  });

  test('a user reactivated by an administrator gets 90 days again', async () => {
    const { user: admin, browser } = await signIn(h);
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'back' });
    await history(user, daysAgo(200), daysAgo(100));
    assert.equal(await job(), 1);
    await browser.get(paths.users.show('test', user.id));
    assert.equal(details(browser).Status?.startsWith('Inactive Deactivated after 90 days without a login, on '), true);
    assert.equal((await browser.post(paths.users.action('test', user.id, 'reactivate'), {})).status, 303);
    // The job sees every account of this file's database: this test looks at its own user only.
    h.clock.advance((INACTIVITY_DAYS - 1) * DAY_MS);
    await job();
    assert.equal((await stored(user)).active, true, 'still within 90 days of the reactivation');
    assert.equal((await stored(user)).deactivatedReason, null);
    h.clock.advance(2 * DAY_MS);
    await job();
    assert.equal((await stored(user)).deactivatedReason, 'inactivity', 'then 90 days without a login again');
  });

  test('the users list and the user page say why a user was deactivated, in English and French', async () => {
    const { user: admin, browser } = await signIn(h);
    const idle = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'idle' });
    await history(idle, daysAgo(200), daysAgo(95));
    const removed = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'removed' });
    await job();
    await browser.get(paths.users.action('test', removed.id, 'deactivate'));
    assert.equal((await browser.post(paths.users.action('test', removed.id, 'deactivate'), {})).status, 303);

    await browser.get(paths.users.list('test'));
    const rows = usersByUserid(browser);
    assert.equal(rows.get('idle')?.[5], 'Inactive Deactivated after 90 days without a login');
    assert.equal(rows.get('removed')?.[5], 'Inactive Deactivated by an administrator');
    assert.equal(rows.get(admin.userid)?.[5], 'Active');
    await browser.get(paths.users.show('test', idle.id));
    assert.match(details(browser).Status ?? '', /^Inactive Deactivated after 90 days without a login, on \S/);

    const { browser: french } = await signIn(h, { account: admin, userid: 'francais', language: 'fr' });
    await french.get(paths.users.list('test'));
    const lignes = usersByUserid(french);
    assert.equal(lignes.get('idle')?.[5], 'Inactif Désactivé après 90 jours sans connexion');
    assert.equal(lignes.get('removed')?.[5], 'Inactif Désactivé par un administrateur');
    await french.get(paths.users.show('test', removed.id));
    assert.match(details(french).Statut ?? '', /^Inactif Désactivé par un administrateur, le \S/);
  });
});

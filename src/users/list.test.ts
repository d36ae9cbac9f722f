import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';
import { formatNumber } from '../lib/format.ts';
import { paths } from '../paths.ts';
import { createHarness, createUser, signIn } from '../test/harness.ts';
import { paragraphs, userForm, usersByUserid } from './test-fixtures.ts';

const h = await createHarness();
const list = (query?: Parameters<typeof paths.users.list>[1]) => paths.users.list('test', query);

describe('users list (D1)', () => {
  test('lists every user with profile, API flag, 2FA, status and last login, against the limit', async () => {
    const { user: admin, browser } = await signIn(h);
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'api.robot', isApiUser: true, profile: 'admin' });
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'left.company', active: false });
    await browser.get(list());
    assert.equal(browser.page.h1(), 'Users');
    assert.ok(paragraphs(browser).includes('3 of 10 users allowed by your subscription.'));
    const rows = usersByUserid(browser);
    assert.deepEqual(rows.get('api.robot'), ['api.robot', 'Name of api.robot', 'Admin', 'Yes', 'Off', 'Active', 'Never']);
    assert.equal(rows.get('left.company')?.[5], 'Inactive');
    assert.ok(paragraphs(browser).some((p) => p.startsWith(`Time zone of ${admin.pspid}: Europe/Brussels.`)));
    await browser.get(list({ status: 'inactive', q: 'left' }));
    assert.deepEqual([...usersByUserid(browser).keys()], ['left.company']);
    assert.equal(browser.page.valueOf('#filter-status'), 'inactive');
    assert.equal(browser.page.valueOf('#filter-text'), 'left');
  });

  test('last logins are shown in the viewer’s time zone, daylight saving applied', async () => {
    const { user: admin, browser } = await signIn(h);
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'summer.user' });
    const lastLogin = async () => {
      await browser.get(list({ q: 'summer' }));
      return usersByUserid(browser).get('summer.user')?.[6] ?? '';
    };
    await h.db
      .update(users)
      .set({ lastLoginAt: new Date('2026-07-01T12:00:00Z') })
      .where(eq(users.id, user.id));
    assert.equal(await lastLogin(), '01/07/2026 14:00 CEST');
    await h.db.update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, admin.id));
    assert.match(await lastLogin(), /^01\/07\/2026 08:00 (EDT|GMT-4)$/);
    await h.db
      .update(users)
      .set({ lastLoginAt: new Date('2026-01-15T12:00:00Z') })
      .where(eq(users.id, user.id));
    assert.match(await lastLogin(), /^15\/01\/2026 07:00 (EST|GMT-5)$/);
  });

  test('"New user" is refused at the subscription’s limit, with a message', async () => {
    const { user: admin, browser } = await signIn(h);
    await h.db.update(accounts).set({ userLimit: 2 }).where(eq(accounts.id, admin.accountId));
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'second.one' });
    await browser.get(list());
    assert.ok(browser.page.textOf(browser.page.one('.warning')).includes('Your subscription allows 2 users and all are in use'));
    assert.ok(!browser.page.links().some((link) => link.href === paths.users.new('test')), 'no link to the new-user form');
    await browser.get(paths.users.new('test'));
    const response = await browser.post(paths.users.create('test'), userForm({ userid: 'third.one' }));
    assert.equal(response.status, 422);
    assert.equal(browser.page.alert(), 'The subscription’s user limit is reached: no user can be added.');
    assert.ok(browser.page.title().startsWith('Error: '));
    const rows = await h.db.select().from(users).where(eq(users.accountId, admin.accountId));
    assert.equal(rows.length, 2);
  });

  test('the count reads in the singular for one user, in English and in French, with numbers in the reader’s language', async () => {
    const { user: admin, browser } = await signIn(h);
    await h.db.update(accounts).set({ userLimit: 10000 }).where(eq(accounts.id, admin.accountId));
    await browser.get(list());
    assert.ok(paragraphs(browser).includes('1 of 10,000 users allowed by your subscription.'));
    await browser.post(paths.language('test'), { lang: 'fr', next: list() });
    await browser.get(list());
    assert.equal(browser.page.h1(), 'Utilisateurs');
    // French groups thousands with a narrow no-break space, which page reading takes as a space.
    const tenThousand = formatNumber(10000, 'fr').replace(/\s/g, ' ');
    assert.equal(tenThousand, '10 000');
    assert.ok(paragraphs(browser).includes(`1 utilisateur sur ${tenThousand} permis par votre abonnement.`));
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'second.one' });
    await browser.get(list());
    assert.ok(paragraphs(browser).includes(`2 utilisateurs sur ${tenThousand} permis par votre abonnement.`));
  });

  test('a subscription of one user says so in the singular', async () => {
    const { user: admin, browser } = await signIn(h);
    await h.db.update(accounts).set({ userLimit: 1 }).where(eq(accounts.id, admin.accountId));
    await browser.get(list());
    assert.ok(browser.page.textOf(browser.page.one('.warning')).startsWith('Your subscription allows 1 user and it is in use:'));
  });

  test('a filter text that is too long is kept and refused beside its field, and no user is listed', async () => {
    const { browser } = await signIn(h);
    const long = 'x'.repeat(101);
    const response = await browser.get(list({ q: long, status: 'active' }));
    assert.equal(response.status, 422);
    assert.equal(browser.page.valueOf('#filter-text'), long);
    assert.equal(browser.page.fieldError('filter-text'), 'Enter at most 100 characters.');
    assert.deepEqual(browser.page.errorSummary(), [
      { text: 'USERID, name or e-mail contains: Enter at most 100 characters.', href: '#filter-text' },
    ]);
    assert.equal(browser.page.valueOf('#filter-status'), 'active');
    assert.deepEqual(browser.page.table(), []);
  });

  test('an unknown status or cursor shows every user from the first', async () => {
    const { user: admin, browser } = await signIn(h);
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'left.company', active: false });
    const response = await browser.get(list({ status: 'nonsense', after: 'y'.repeat(30) }));
    assert.equal(response.status, 200);
    assert.deepEqual([...usersByUserid(browser).keys()].sort(), [admin.userid, 'left.company'].sort());
    assert.equal(browser.page.valueOf('#filter-status'), 'all');
  });
});

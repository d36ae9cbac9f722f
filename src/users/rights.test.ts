import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { canGrant, grantableProfiles } from '../auth/permissions.ts';
import { PROFILES, users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { userForm } from './test-fixtures.ts';

const h = await createHarness();

describe('rights (D3)', () => {
  test('nobody can grant a profile with rights they do not hold', () => {
    assert.deepEqual(grantableProfiles('admin'), [...PROFILES]);
    assert.ok(!canGrant('admin_no_user_manager', 'admin'));
    assert.ok(canGrant('admin_no_user_manager', 'viewer'));
    assert.ok(!canGrant('viewer', 'admin_no_user_manager'));
  });

  test('only user managers reach the users pages; others get 403 and no menu link', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const target = (name: Parameters<typeof paths.users.action>[2]) => paths.users.action('test', admin.id, name);
    for (const profile of ['admin_no_user_manager', 'super_encoder', 'encoder', 'viewer'] as const) {
      const { browser } = await signIn(h, { account: admin, userid: `no.${profile}`.slice(0, 20), profile });
      await browser.get(paths.home('test'));
      assert.equal(
        browser.page.links().find((link) => link.href === paths.users.list('test')),
        undefined,
        `${profile}: no menu link`,
      );
      for (const path of [
        paths.users.list('test'),
        paths.users.new('test'),
        paths.users.show('test', admin.id),
        paths.users.edit('test', admin.id),
        target('deactivate'),
      ]) {
        assert.equal((await browser.get(path)).status, 403, `${profile} ${path}`);
      }
      await browser.get(paths.home('test'));
      for (const path of [
        paths.users.create('test'),
        paths.users.show('test', admin.id),
        target('unlock'),
        target('deactivate'),
      ]) {
        assert.equal(
          (await browser.post(path, userForm({ userid: 'sneaky', version: '1', profile: 'admin' }))).status,
          403,
          `${profile} POST ${path}`,
        );
      }
    }
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.active, true);
  });

  test('ids of another account answer 404 on every user route', async () => {
    const { browser } = await signIn(h);
    const stranger = await createAccount(h.db);
    const show = paths.users.show('test', stranger.id);
    const action = (name: Parameters<typeof paths.users.action>[2]) => paths.users.action('test', stranger.id, name);
    for (const path of [
      show,
      paths.users.edit('test', stranger.id),
      action('deactivate'),
      action('send-password'),
      action('otp-off'),
    ]) {
      assert.equal((await browser.get(path)).status, 404, path);
    }
    await browser.get(paths.users.list('test'));
    for (const path of [
      show,
      action('deactivate'),
      action('send-password'),
      action('otp-off'),
      action('reactivate'),
      action('unlock'),
    ]) {
      assert.equal((await browser.post(path, userForm({ version: '1' }))).status, 404, `POST ${path}`);
    }
    assert.equal((await browser.get(paths.users.show('test', 'not-a-uuid'))).status, 404);
    const [row] = await h.db.select().from(users).where(eq(users.id, stranger.id));
    assert.equal(row?.active, true);
  });
});

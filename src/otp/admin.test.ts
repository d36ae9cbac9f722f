import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { actorContextOf, createAccount, createHarness, signIn } from '../test/harness.ts';
import { switchOffOtpForUser } from './admin-service.ts';
import { activate, sessionOf } from './test-fixtures.ts';

const h = await createHarness();

describe('administrator control (B5)', () => {
  test('an administrator with user management switches off another user’s 2FA; their sessions end', async () => {
    const { user: admin, browser: adminBrowser } = await signIn(h);
    const { user, browser: userBrowser } = await signIn(h, { account: admin, userid: 'lost.phone', profile: 'viewer' });
    await activate(h, userBrowser, user.password);
    const adminAuth = await sessionOf(h, adminBrowser);
    await switchOffOtpForUser(actorContextOf(h, adminAuth, '192.0.2.9'), user.id);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.totpEnabledAt, null);
    assert.equal((await userBrowser.get(paths.home('test'))).status, 303, 'the user’s session ended');
    const [event] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'otp.disabled_by_admin'), eq(auditLog.object, `user:${user.id}`)));
    assert.equal(event?.userId, admin.id, 'audited with who did it');
    assert.equal(event?.ip, '192.0.2.9');
    assert.deepEqual(event?.details, { target: 'lost.phone', wasActive: true });
    assert.equal((await logIn(new TestBrowser(h.app), user)).headers.get('Location'), paths.home('test'));
  });

  test('profiles without user management, the administrator’s own user, and users of other accounts, are refused', async () => {
    const { user: admin, browser: adminBrowser } = await signIn(h);
    const { browser: viewerBrowser } = await signIn(h, { account: admin, userid: 'viewer.two', profile: 'viewer' });
    const stranger = await createAccount(h.db);
    const viewerAuth = await sessionOf(h, viewerBrowser);
    await assert.rejects(switchOffOtpForUser(actorContextOf(h, viewerAuth), admin.id), Forbidden);
    const adminAuth = await sessionOf(h, adminBrowser);
    await assert.rejects(switchOffOtpForUser(actorContextOf(h, adminAuth), stranger.id), NotFound);
    await assert.rejects(switchOffOtpForUser(actorContextOf(h, adminAuth), admin.id), Forbidden);
  });
});

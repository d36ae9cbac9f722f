import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hash } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';

/*
 * Issue 8 item 7: a password is the same password whatever the Unicode form it is typed in
 * (NFKC, NIST SP 800-63B 5.1.1.2), at the login as in the password form.
 */
const h = await createHarness();
const PRECOMPOSED = 'Caf\u00e9-cr\u00e8me-2026';
const DECOMPOSED = 'Cafe\u0301-cre\u0300me-2026';

const storedUser = async (id: string) => (await h.db.select().from(users).where(eq(users.id, id)))[0];
const failedLogins = (userId: string) =>
  h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.userId, userId), eq(auditLog.eventType, 'login'), eq(auditLog.success, false)));

describe('Unicode forms of a password', () => {
  test('set precomposed in the password form, typed decomposed at the login: it logs in, and no failure is counted', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(paths.password.change('test'));
    const changed = await browser.post(paths.password.change('test'), {
      current: user.password,
      next: PRECOMPOSED,
      confirmation: DECOMPOSED,
    });
    assert.equal(changed.status, 303, 'the confirmation typed in the other form is the same password');
    const response = await logIn(new TestBrowser(h.app), { ...user, password: DECOMPOSED });
    assert.equal(response.status, 303);
    assert.deepEqual(await failedLogins(user.id), []);
    const row = await storedUser(user.id);
    assert.equal(row?.failedLoginCount, 0);
    assert.equal(row?.failedSinceLastLogin, 0);
  });

  test('a hash stored before normalisation still logs in as typed then, and is replaced by the NFKC one', async () => {
    const user = await createAccount(h.db);
    const old = await hash(DECOMPOSED, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await h.db.update(users).set({ passwordHash: old }).where(eq(users.id, user.id));
    assert.equal((await logIn(new TestBrowser(h.app), { ...user, password: DECOMPOSED })).status, 303);
    assert.notEqual((await storedUser(user.id))?.passwordHash, old, 'rehashed at the login');
    assert.equal(
      (await logIn(new TestBrowser(h.app), { ...user, password: PRECOMPOSED })).status,
      303,
      'the other spelling works from then on',
    );
    assert.deepEqual(await failedLogins(user.id), []);
  });

  test('a recent password typed in another Unicode form is still recent', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(paths.password.change('test'));
    const form = { current: user.password, next: PRECOMPOSED, confirmation: PRECOMPOSED };
    assert.equal((await browser.post(paths.password.change('test'), form)).status, 303);
    await browser.get(paths.password.change('test'));
    const again = { current: DECOMPOSED, next: DECOMPOSED, confirmation: DECOMPOSED };
    assert.equal((await browser.post(paths.password.change('test'), again)).status, 422);
    assert.ok(browser.page.fieldError('password-new')?.startsWith('Choose a password you have not used'));
  });
});

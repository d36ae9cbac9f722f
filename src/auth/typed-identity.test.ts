import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { rateLimits } from '../db/schema/passwords.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser, signIn } from '../test/harness.ts';

/**
 * What was typed where an identity belongs (issue 8, item 8): stored only when it names a user
 * of the account; otherwise "unknown user" and a short keyed hash, so a password typed into the
 * wrong box is never written down, yet repeated attempts can be told apart and correlated.
 */
const h = await createHarness();

/** Everything stored in the audit log and the rate-limit counters, as one text to search. */
async function everythingStored(): Promise<string> {
  const entries = await h.db.select().from(auditLog);
  const counters = await h.db.select({ key: rateLimits.key }).from(rateLimits);
  return JSON.stringify([entries, counters], (_key, value) => (typeof value === 'bigint' ? String(value) : value));
}

/** The actor of the account's failed login entries, oldest first. */
async function failedLoginActors(accountId: string): Promise<(string | null)[]> {
  const rows = await h.db
    .select({ actor: auditLog.actor, at: auditLog.occurredAt })
    .from(auditLog)
    .where(and(eq(auditLog.accountId, accountId), eq(auditLog.eventType, 'login'), eq(auditLog.success, false)));
  return rows.map((row) => row.actor);
}

describe('a password typed into the USERID box', () => {
  test('is never stored: the audit log says "unknown user" with a keyed hash, the same each time it is typed', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const typed = 'Hunter2-Secret-77';
    for (let i = 0; i < 2; i += 1) {
      assert.equal(
        (await logIn(new TestBrowser(h.app), { userid: typed, pspid: admin.pspid, password: typed }, { form: 'user' })).status,
        422,
      );
    }
    await logIn(new TestBrowser(h.app), { userid: 'Other-Secret-99', pspid: admin.pspid, password: 'x' }, { form: 'user' });
    const stored = await everythingStored();
    for (const secret of [typed, typed.toLowerCase(), 'Other-Secret-99', 'other-secret-99']) {
      assert.ok(!stored.includes(secret), `"${secret}" is nowhere in the audit log or the rate limits`);
    }
    const actors = await failedLoginActors(admin.accountId);
    assert.equal(actors.length, 3);
    for (const actor of actors) assert.match(actor ?? '', /^unknown user [0-9a-f]{10}$/);
    assert.equal(actors[0], actors[1], 'the same text typed twice is recognisably the same');
    assert.notEqual(actors[0], actors[2], 'another text is another hash');
  });

  test('the administrator’s audit page shows the hash, not what was typed', async () => {
    const { user: admin, browser } = await signIn(h);
    await logIn(new TestBrowser(h.app), { userid: 'Pa55word-Typed-1', pspid: admin.pspid, password: 'x' }, { form: 'user' });
    await browser.get(paths.audit.list('test'));
    assert.ok(!browser.lastBody.includes('Pa55word-Typed-1'));
    assert.match(browser.page.text(), /unknown user [0-9a-f]{10}/i);
  });

  test('a USERID of the account is recorded as the user’s own USERID, whatever case was typed', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'Anna.Viewer' });
    await logIn(new TestBrowser(h.app), { userid: 'ANNA.viewer', pspid: admin.pspid, password: 'wrong one' }, { form: 'user' });
    assert.deepEqual(await failedLoginActors(admin.accountId), ['Anna.Viewer']);
  });

  test('a password typed into the PSPID box is not stored either', async () => {
    const typed = 'My-Pspid-Password-5';
    await logIn(new TestBrowser(h.app), { userid: typed, pspid: typed, password: 'x' }, { form: 'pspid' });
    await logIn(new TestBrowser(h.app), { userid: 'someone', pspid: typed, password: 'x' }, { form: 'user' });
    const stored = await everythingStored();
    assert.ok(!stored.includes(typed) && !stored.includes(typed.toLowerCase()));
  });

  test('nor what is typed on the forgotten-password form', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const typed = 'Forgot-Typed-Pass-3';
    for (const form of [
      { pspid: admin.pspid, userid: typed },
      { pspid: typed, userid: '' },
    ]) {
      const browser = new TestBrowser(h.app);
      await browser.get(paths.password.forgotten('test'));
      assert.equal((await browser.post(paths.password.forgotten('test'), form)).status, 200);
    }
    const stored = await everythingStored();
    assert.ok(!stored.includes(typed) && !stored.includes(typed.toLowerCase()));
    const [entry] = await h.db
      .select({ actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'password.reset_request'), eq(auditLog.success, false)));
    assert.match(entry?.actor ?? '', /^unknown user [0-9a-f]{10}$/);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { COOKIES } from '../http/cookies.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { logIn } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';
import { currentCode, ownBrowser, sendCode, stranger, turnOnTwoFactor } from './login-fixtures.ts';

/**
 * Device cookies (issue 8, item 5; decision record 0018): strangers can still lock a user ID
 * after 10 failures (PCI DSS 8.3.4), but not the user's own browser; a browser's own failures
 * lock that browser only.
 */
const h = await createHarness();
const fresh = () => ({ passwordChangedAt: h.clock.now() });

async function userRow(id: string) {
  const [row] = await h.db.select().from(users).where(eq(users.id, id));
  assert.ok(row);
  return row;
}

async function wrongPasswords(times: number, login: () => ReturnType<typeof logIn>) {
  for (let i = 0; i < times; i += 1) assert.equal((await login()).status, 422);
}

describe('strangers lock the user ID, not the user’s own browser', () => {
  test('10 wrong passwords from strangers lock the only administrator; on a browser they logged in with before, they still log in', async () => {
    const admin = await createAccount(h.db, fresh());
    const own = await ownBrowser(h, admin);
    await wrongPasswords(10, () => logIn(stranger(h), { ...admin, password: 'guess 1234' }));
    assert.ok((await userRow(admin.id)).lockedUntil, 'the user ID is locked for strangers (PCI DSS 8.3.4)');
    assert.equal((await logIn(stranger(h), admin)).status, 422, 'a stranger with the right password is refused');

    const before = own.cookies.get(COOKIES.device);
    assert.equal((await logIn(own, admin)).status, 303, 'the administrator’s own browser logs in');
    assert.equal((await own.get(paths.home('test'))).status, 200);
    assert.notEqual(own.cookies.get(COOKIES.device), before, 'a new device token at each login');
    assert.ok((await userRow(admin.id)).lockedUntil, 'the owner’s login does not lift the strangers’ lock');
    assert.equal((await logIn(stranger(h), admin)).status, 422);

    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'login'), eq(auditLog.success, true)))
      .orderBy(auditLog.occurredAt);
    assert.ok(entry, 'the logins are audited');
  });

  test('a device’s own failures lock that device only, for 30 minutes from the 10th', async () => {
    const admin = await createAccount(h.db, fresh());
    const own = await ownBrowser(h, admin);
    await wrongPasswords(10, () => logIn(own, { ...admin, password: 'my own typo 1' }));
    assert.equal((await logIn(own, admin)).status, 422, 'this browser is locked: even the right password is refused');
    const row = await userRow(admin.id);
    assert.equal(row.lockedUntil, null, 'the user ID itself is not locked');
    assert.equal(row.failedLoginCount, 0);
    assert.equal(row.failuresSinceLogin, 10, 'Home will still tell of every failure checked');
    const [lock] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'user.locked')));
    assert.deepEqual(lock?.details, { failedAttempts: 10, minutes: 30, scope: 'device' });

    assert.equal((await logIn(stranger(h), admin)).status, 303, 'another browser logs in');
    const other = await ownBrowser(h, admin);
    assert.equal((await logIn(other, admin)).status, 303, 'and so does another of the user’s devices');

    h.clock.advance(29 * MINUTE_MS);
    assert.equal((await logIn(own, admin)).status, 422, 'still locked after 29 minutes');
    h.clock.advance(MINUTE_MS + 1000);
    assert.equal((await logIn(own, admin)).status, 303, 'released after 30 minutes');
  });

  test('a burst of 30 wrong passwords from the owner’s browser: at most 10 are checked, and the browser ends locked', async () => {
    const admin = await createAccount(h.db, fresh());
    const own = await ownBrowser(h, admin);
    await own.get(paths.login('test'));
    const form = (i: number) => ({ form: 'pspid', pspid: admin.pspid, password: `burst guess ${i}` });
    await Promise.all(Array.from({ length: 30 }, (_, i) => own.post(paths.login('test'), form(i))));
    const checked = await h.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.userId, admin.id),
          eq(auditLog.eventType, 'login'),
          eq(sql`${auditLog.details}->>'reason'`, 'wrong_password'),
        ),
      );
    assert.ok(checked.length <= 10, `${checked.length} attempts were checked`);
    assert.equal((await logIn(own, admin)).status, 422, 'the browser is locked');
    assert.equal((await userRow(admin.id)).lockedUntil, null, 'the user ID is not');
  });

  test('nine failures then a success on the device: counting starts again', async () => {
    const admin = await createAccount(h.db, fresh());
    const own = await ownBrowser(h, admin);
    await wrongPasswords(9, () => logIn(own, { ...admin, password: 'my own typo 2' }));
    assert.equal((await logIn(own, admin)).status, 303);
    own.cookies.delete(COOKIES.session('test'));
    await wrongPasswords(9, () => logIn(own, { ...admin, password: 'my own typo 3' }));
    assert.equal((await logIn(own, admin)).status, 303, 'nine more are allowed');
  });

  test('a device cookie counts only for the user it names, and only with its signature intact', async () => {
    const admin = await createAccount(h.db, fresh());
    const colleague = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'colleague', ...fresh() });
    const own = await ownBrowser(h, admin);
    assert.equal((await logIn(own, { ...colleague, password: 'not mine 123' })).status, 422);
    assert.equal((await userRow(colleague.id)).failedLoginCount, 1, 'the administrator’s browser is a stranger to the colleague');

    const forged = await ownBrowser(h, colleague);
    assert.equal((await userRow(colleague.id)).failedLoginCount, 0, 'the colleague’s login started the count again');
    const token = forged.cookies.get(COOKIES.device) ?? '';
    forged.cookies.set(COOKIES.device, `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`);
    assert.equal((await logIn(forged, { ...colleague, password: 'forged 1234' })).status, 422);
    assert.equal(
      (await userRow(colleague.id)).failedLoginCount,
      1,
      'a tampered cookie is no device cookie: counted against the user',
    );
  });
});

describe('wrong codes at the login’s code step count the same way', () => {
  test('a stranger who knows the password locks the user ID with wrong codes; the owner’s browser still logs in with password and code', async () => {
    const admin = await createAccount(h.db, fresh());
    const secret = await turnOnTwoFactor(h, admin);
    const own = await ownBrowser(h, admin, secret);
    for (let round = 0; round < 2; round += 1) {
      const thief = stranger(h);
      assert.equal((await logIn(thief, admin)).status, 303, 'the password step');
      for (let i = 0; i < 5; i += 1) await sendCode(thief, String(100000 + i));
    }
    assert.ok((await userRow(admin.id)).lockedUntil, '10 wrong codes from strangers lock the user ID');
    assert.equal((await logIn(stranger(h), admin)).status, 422);

    assert.equal((await logIn(own, admin)).status, 303);
    assert.equal((await sendCode(own, currentCode(h, secret))).status, 303, 'the owner’s code is accepted');
    assert.equal((await own.get(paths.home('test'))).status, 200);
  });

  test('wrong codes from the owner’s browser count for that browser, and lock it at 10', async () => {
    const admin = await createAccount(h.db, fresh());
    const secret = await turnOnTwoFactor(h, admin);
    const own = await ownBrowser(h, admin, secret);
    for (let round = 0; round < 2; round += 1) {
      assert.equal((await logIn(own, admin)).status, 303, 'the password step');
      for (let i = 0; i < 5; i += 1) await sendCode(own, String(200000 + i));
    }
    assert.equal((await logIn(own, admin)).status, 422, 'the browser is locked');
    assert.equal((await userRow(admin.id)).lockedUntil, null, 'the user ID is not');
    const elsewhere = stranger(h);
    assert.equal((await logIn(elsewhere, admin)).status, 303);
    assert.equal((await sendCode(elsewhere, currentCode(h, secret))).status, 303);
  });
});

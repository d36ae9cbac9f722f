import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness } from '../test/harness.ts';
import { DEMO_PSPID, reissueUnusedDemoPasswords, seedDemoAccount } from './seed.ts';

test('the first start seeds DEMO with its administrator and other profiles; the second seeds nothing', async () => {
  const h = await createHarness();
  const seeded = await seedDemoAccount(h.db, h.clock);
  assert.ok(seeded);
  assert.deepEqual(
    seeded.map((u) => u.profile),
    ['admin', 'viewer', 'encoder', 'super_encoder'],
  );
  assert.equal(seeded[0]?.userid, DEMO_PSPID, 'the default administrator’s USERID is the PSPID');
  assert.equal(new Set(seeded.map((u) => u.password)).size, seeded.length, 'each user has its own random password');
  for (const user of seeded) assert.match(user.password, /^(?=.*[a-zA-Z])(?=.*\d).{16}$/);

  assert.equal(await seedDemoAccount(h.db, h.clock), null);

  const admin = seeded[0]!;
  assert.equal(
    (await logIn(new TestBrowser(h.app), { userid: admin.userid, pspid: DEMO_PSPID, password: admin.password })).status,
    303,
  );
  const viewer = seeded[1]!;
  assert.equal(
    (await logIn(new TestBrowser(h.app), { userid: viewer.userid, pspid: DEMO_PSPID, password: viewer.password })).status,
    303,
  );
});

test('while every demo password is system-issued, each start issues new ones; once one is chosen, none', async () => {
  const h = await createHarness();
  const first = await seedDemoAccount(h.db, h.clock);
  assert.ok(first);
  // The first start's passwords were lost (the process stopped before printing them).
  const again = await reissueUnusedDemoPasswords(h.db, h.clock);
  assert.ok(again, 'a later start prints new passwords instead of nothing');
  assert.deepEqual(
    again.map((u) => u.userid),
    first.map((u) => u.userid),
  );
  const admin = again[0]!;
  const oldAdmin = first[0]!;
  assert.notEqual(admin.password, oldAdmin.password);
  assert.equal(
    (await logIn(new TestBrowser(h.app), { userid: oldAdmin.userid, pspid: DEMO_PSPID, password: oldAdmin.password })).status,
    422,
    'the lost password no longer works',
  );
  const browser = new TestBrowser(h.app);
  const login = await logIn(browser, { userid: admin.userid, pspid: DEMO_PSPID, password: admin.password });
  assert.equal(login.status, 303, 'the new one works');
  const home = await browser.get('/test/home');
  assert.equal(home.headers.get('Location'), '/test/password', 'and asks for a change, as a system-issued password');

  // That login used the issued password up without choosing one: a restart must not leave DEMO locked out.
  const third = await reissueUnusedDemoPasswords(h.db, h.clock);
  assert.ok(third, 'a login that never finished the forced change is no dead end');
  const newest = third[0]!;
  const chooser = new TestBrowser(h.app);
  await logIn(chooser, { userid: newest.userid, pspid: DEMO_PSPID, password: newest.password });
  await chooser.get('/test/password');
  const chosen = 'violet hammock orbit 2049 lantern';
  const change = await chooser.post('/test/password', { current: newest.password, next: chosen, confirmation: chosen });
  assert.equal(change.status, 303, 'the administrator chooses a password');
  assert.equal(await reissueUnusedDemoPasswords(h.db, h.clock), null, 'once a password is chosen, nothing is reissued');
});

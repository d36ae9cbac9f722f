import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness } from '../test/harness.ts';
import { DEMO_PSPID, seedDemoAccount } from './seed.ts';

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

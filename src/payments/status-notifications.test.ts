import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { simulatedAcquirers } from '../acquirer/simulated.ts';
import { statusNotifications } from '../db/schema/notifications.ts';
import { manualClock } from '../lib/clock.ts';
import { saveTechnicalSettings, sealPassphrase } from '../technical/settings.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount } from '../test/harness.ts';
import type { PaymentCaller } from './maintenance.ts';
import { requestMaintenance } from './maintenance.ts';
import { NCERROR } from './ncerror.ts';
import { recordNewOrder } from './new-order.ts';
import { processDueOperations } from './offline.ts';
import { computeShaSignForText } from './signature.ts';
import type { SendRequest } from './status-notifications.ts';
import { MAX_ATTEMPTS, sendDueStatusNotifications } from './status-notifications.ts';

/** Opens the sealed cards of orders waiting offline (none here unless a test makes one). */
const TEST_SECRET_KEY = randomBytes(32);

const database = await createTestDatabase();
after(() => database.close());
const clock = manualClock(new Date('2026-07-14T08:00:00Z'));
const secretKey = Buffer.alloc(32, 7);
const deps = { db: database.db, clock, log: () => {}, secretKey };
const DELAYS = { test: 10, prod: 900 };
const ACQUIRERS = simulatedAcquirers(clock);
const SHA_OUT = 'Sha-out passphrase 2026';

/** A captured order of an account that asked for status-change requests at `url` (or not). */
async function capturedOrder(url: string | null): Promise<{ who: PaymentCaller; payId: number }> {
  const user = await createAccount(database.db);
  const who = { accountId: user.accountId, userId: user.id, userid: user.userid, ip: null };
  await saveTechnicalSettings(
    database.db,
    user.accountId,
    {
      statusChangeUrl: url,
      shaAlgorithm: 'SHA-256',
      shaOutSealed: sealPassphrase(secretKey, user.accountId, 'sha-out', SHA_OUT),
    },
    clock.now(),
  );
  const recorded = await recordNewOrder({ db: database.db, clock }, who, {
    orderId: `status-${user.accountId.slice(0, 8)}`,
    operation: 'RES',
    amount: 1250,
    currency: 'EUR',
    outcome: { accepted: true, status: 5, ncError: NCERROR.ok, acceptance: 'test123' },
    card: { brand: 'VISA', masked: '411111XXXXXX1111', expiry: '1230', holder: 'Rémy Fröåïør' },
    source: 'directlink',
  });
  assert.ok(recorded.created);
  await requestMaintenance({ db: database.db, clock }, who, { order: { payId: recorded.payId }, operation: 'SAS' });
  return { who, payId: recorded.payId };
}

/** A fake server: what it was sent, and the status it answers. */
function server(answer: () => number) {
  const received: { url: string; body: URLSearchParams }[] = [];
  const send: SendRequest = async (url, init) => {
    received.push({ url, body: new URLSearchParams(Buffer.from(init.body).toString('utf8')) });
    return { status: answer() };
  };
  return { received, send };
}

describe('the HTTP request for status changes (Technical information > Transaction feedback)', () => {
  test('a status the offline processing sets is posted once, with the feedback parameters signed with SHA-OUT', async () => {
    const { payId } = await capturedOrder('https://shop.example.com/status');
    clock.advance(60_000);
    await processDueOperations(
      { db: database.db, acquirers: ACQUIRERS, offlineDelaySeconds: DELAYS, secretKey: TEST_SECRET_KEY },
      clock.now(),
    );
    const shop = server(() => 200);
    assert.deepEqual(await sendDueStatusNotifications(deps, shop.send), { sent: 1, failed: 0 });
    assert.equal(shop.received.length, 1);
    const [request] = shop.received;
    assert.equal(request?.url, 'https://shop.example.com/status');
    const fields = [...(request?.body.entries() ?? [])];
    const sent = Object.fromEntries(fields);
    assert.equal(sent.STATUS, '9');
    assert.equal(sent.PAYID, String(payId));
    assert.equal(sent.PAYIDSUB, '1');
    assert.equal(sent.amount, '12.5');
    assert.equal(sent.CARDNO, 'XXXXXXXXXXXX1111');
    assert.equal(sent.CN, 'Rémy Fröåïør');
    assert.equal(sent.TRXDATE, '07/14/26');
    const signed = fields.filter(([name]) => name !== 'SHASIGN');
    const expected = computeShaSignForText(signed, {
      direction: 'SHA-OUT',
      algorithm: 'SHA-256',
      passphrase: SHA_OUT,
      charset: 'utf-8',
    });
    assert.equal(sent.SHASIGN, expected);
    assert.deepEqual(await sendDueStatusNotifications(deps, shop.send), { sent: 0, failed: 0 }, 'never twice');
  });

  test('a failed request is tried again later, with a growing delay, at most MAX_ATTEMPTS times', async () => {
    const { who } = await capturedOrder('https://shop.example.com/down');
    clock.advance(60_000);
    await processDueOperations(
      { db: database.db, acquirers: ACQUIRERS, offlineDelaySeconds: DELAYS, secretKey: TEST_SECRET_KEY },
      clock.now(),
    );
    const down = server(() => 503);
    assert.deepEqual(await sendDueStatusNotifications(deps, down.send), { sent: 0, failed: 1 });
    assert.deepEqual(await sendDueStatusNotifications(deps, down.send), { sent: 0, failed: 0 }, 'not before the next attempt');
    for (let attempt = 2; attempt <= MAX_ATTEMPTS + 2; attempt += 1) {
      clock.advance(2 * 60 * 60_000);
      await sendDueStatusNotifications(deps, down.send);
    }
    const [row] = await database.db.select().from(statusNotifications).where(eq(statusNotifications.accountId, who.accountId));
    assert.deepEqual([row?.attempts, row?.sentAt, row?.lastError], [MAX_ATTEMPTS, null, 'HTTP 503']);
    assert.equal(down.received.length, MAX_ATTEMPTS);
  });

  test('no request without a status-change URL; none to an address that is not allowed', async () => {
    const quiet = await capturedOrder(null);
    const internal = await capturedOrder('https://shop.example.com/ok');
    clock.advance(60_000);
    await processDueOperations(
      { db: database.db, acquirers: ACQUIRERS, offlineDelaySeconds: DELAYS, secretKey: TEST_SECRET_KEY },
      clock.now(),
    );
    assert.equal(
      (await database.db.select().from(statusNotifications).where(eq(statusNotifications.accountId, quiet.who.accountId))).length,
      0,
    );
    // An address changed behind the page's back (the page refuses it) is still not called.
    await database.db
      .update(statusNotifications)
      .set({ url: 'http://127.0.0.1/admin' })
      .where(eq(statusNotifications.accountId, internal.who.accountId));
    const anyone = server(() => 200);
    await sendDueStatusNotifications(deps, anyone.send);
    assert.equal(anyone.received.length, 0);
  });
});

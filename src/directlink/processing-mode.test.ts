import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { AcquirerUnreachable } from '../acquirer/acquirer.ts';
import { rowsOf } from '../db/rows.ts';
import { aliases, orders } from '../db/schema/payments.ts';
import type { ProcessingMode } from '../db/schema/technical.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import { processDueOperations } from '../payments/offline.ts';
import { saveTechnicalSettings } from '../technical/settings.ts';
import { createHarness } from '../test/harness.ts';
import { directLinkFixtures } from './test-fixtures.ts';

const h = await createHarness();
const { merchant, signedBody, order, post } = directLinkFixtures(h);

/** The test card whose acquirer cannot be reached online (src/acquirer/test-cards.ts). */
const UNREACHABLE = '4000000000000911';

async function shopIn(mode: ProcessingMode) {
  const shop = await merchant();
  await saveTechnicalSettings(h.db, shop.accountId, { processingMode: mode }, h.clock.now());
  return shop;
}

const pay = (pspid: string, more: Record<string, string> = {}) =>
  post(signedBody(order(pspid, more), 'iso-8859-1')).then((answer) => answer.reply);

const query = (pspid: string, payId: string) =>
  post(signedBody({ PSPID: pspid, USERID: 'API', PSWD: 'api password 1234', PAYID: payId }, 'iso-8859-1'), {
    file: 'querydirect.asp',
  }).then((answer) => answer.reply);

const runOffline = () =>
  processDueOperations(
    { db: h.db, acquirers: h.acquirers, offlineDelaySeconds: { test: 10, prod: 900 }, secretKey: h.secretKey },
    h.clock.now(),
  );

async function sealedCardOf(accountId: string, payId: string): Promise<string | null> {
  const [row] = await h.db
    .select({ sealed: orders.cardNumberSealed })
    .from(orders)
    .where(and(eq(orders.accountId, accountId), eq(orders.payId, Number(payId))));
  return row?.sealed ?? null;
}

describe('the processing mode (Technical information > Global transaction parameters; reference §0, §1.1)', () => {
  test('always offline: the order answers 51 with its PAYID and no authorisation code; the offline processing authorises it once', async () => {
    const shop = await shopIn('offline');
    const reply = await pay(shop.pspid, { OPERATION: 'SAL' });
    assert.deepEqual(
      [reply.STATUS, reply.NCERROR, reply.NCSTATUS, reply.ACCEPTANCE ?? ''],
      ['51', '0', '0', ''],
      JSON.stringify(reply),
    );
    const payId = reply.PAYID ?? '';
    assert.match(payId, /^\d+$/);
    const sealed = await sealedCardOf(shop.accountId, payId);
    assert.ok(sealed && !sealed.includes('4111111111111111'), 'the card waits sealed');

    h.clock.advance(5_000);
    assert.deepEqual(await runOffline(), {}, 'not before the environment’s delay');
    h.clock.advance(5_000);
    assert.equal((await runOffline())['9'], 1);
    assert.deepEqual(await runOffline(), {}, 'never twice');

    const now = await query(shop.pspid, payId);
    assert.deepEqual([now.STATUS, now.NCERROR, now.ACCEPTANCE], ['9', '0', 'test123']);
    assert.equal(await sealedCardOf(shop.accountId, payId), null, 'the sealed card is erased once answered');
    // The ORDERID is held by the waiting order, then by the paid one.
    const again = await pay(shop.pspid, { ORDERID: reply.orderID ?? '' });
    assert.deepEqual([again.NCERROR, again.PAYID], ['50001113', payId]);
  });

  test('always offline: a refusal found offline gives 2 with its NCERROR; a new alias waits pending, then follows the answer', async () => {
    const shop = await shopIn('offline');
    const refused = await pay(shop.pspid, { CARDNO: '4000000000000051' });
    const kept = await pay(shop.pspid, { ALIAS: 'OFFLINE-ALIAS' });
    assert.deepEqual([refused.STATUS, kept.STATUS, kept.ALIAS], ['51', '51', 'OFFLINE-ALIAS']);
    const stateOf = async () =>
      (
        await h.db
          .select({ state: aliases.state })
          .from(aliases)
          .where(and(eq(aliases.accountId, shop.accountId), eq(aliases.alias, 'OFFLINE-ALIAS')))
      )[0]?.state;
    assert.equal(await stateOf(), 'pending');

    h.clock.advance(10_000);
    await runOffline();
    const after = await query(shop.pspid, refused.PAYID ?? '');
    assert.deepEqual([after.STATUS, after.NCERROR], ['2', '30051001']);
    const logged = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, shop.accountId));
    assert.deepEqual(
      logged.map((row) => [row.source, row.userid, row.orderId, row.ncError, row.reason]),
      [['directlink', 'API', refused.orderID, '30051001', 'Authorisation declined']],
      'the refusal found offline is in the error log, once',
    );
    assert.equal((await query(shop.pspid, kept.PAYID ?? '')).STATUS, '5');
    assert.equal(await stateOf(), 'active');
  });

  test('online with offline fallback: an unreachable acquirer gives 51, processed offline; a reachable one answers at once', async () => {
    const shop = await shopIn('online_fallback');
    const online = await pay(shop.pspid);
    assert.deepEqual([online.STATUS, online.ACCEPTANCE], ['5', 'test123']);
    const fallback = await pay(shop.pspid, { CARDNO: UNREACHABLE });
    assert.deepEqual([fallback.STATUS, fallback.NCERROR], ['51', '0']);
    h.clock.advance(10_000);
    await runOffline();
    assert.deepEqual((await query(shop.pspid, fallback.PAYID ?? '')).STATUS, '5');
  });

  test('always online: an unreachable acquirer gives STATUS 0 with 10001001 (NCSTATUS 1), in the error log, and the ORDERID stays free', async () => {
    const shop = await shopIn('online');
    const reply = await pay(shop.pspid, { CARDNO: UNREACHABLE, ORDERID: 'ONLINE-DOWN' });
    assert.deepEqual(
      [reply.STATUS, reply.NCERROR, reply.NCSTATUS, reply.NCERRORPLUS],
      ['0', '10001001', '1', 'Communication failure'],
    );
    assert.equal(await sealedCardOf(shop.accountId, reply.PAYID ?? '0'), null);
    const logged = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, shop.accountId));
    assert.deepEqual(
      logged.map((row) => [row.orderId, row.ncError]),
      [['ONLINE-DOWN', '10001001']],
    );
    const retried = await pay(shop.pspid, { ORDERID: 'ONLINE-DOWN' });
    assert.deepEqual([retried.STATUS, retried.NCERROR], ['5', '0']);
  });

  test('an acquirer still unreachable offline leaves the order waiting, and the run ends', async () => {
    const shop = await shopIn('offline');
    const reply = await pay(shop.pspid);
    h.clock.advance(10_000);
    const down = {
      ...h.acquirers,
      test: {
        ...h.acquirers.test,
        authorise: async () => {
          throw new AcquirerUnreachable();
        },
      },
    };
    const result = await processDueOperations(
      { db: h.db, acquirers: down, offlineDelaySeconds: { test: 10, prod: 900 }, secretKey: h.secretKey },
      h.clock.now(),
    );
    assert.equal(result['5'], undefined);
    assert.equal((await query(shop.pspid, reply.PAYID ?? '')).STATUS, '51');
    assert.ok(await sealedCardOf(shop.accountId, reply.PAYID ?? ''), 'still sealed, for the next run');
    await runOffline();
    assert.equal((await query(shop.pspid, reply.PAYID ?? '')).STATUS, '5');
  });

  test('a waiting order without a sealed card ends invalid (0, 50001111) in the error log, and the others are still authorised', async () => {
    const shop = await shopIn('offline');
    const broken = await pay(shop.pspid);
    const fine = await pay(shop.pspid);
    await h.db
      .update(orders)
      .set({ cardNumberSealed: null })
      .where(and(eq(orders.accountId, shop.accountId), eq(orders.payId, Number(broken.PAYID))));
    h.clock.advance(10_000);
    await runOffline();
    const after = await query(shop.pspid, broken.PAYID ?? '');
    assert.deepEqual([after.STATUS, after.NCERROR], ['0', '50001111']);
    assert.equal((await query(shop.pspid, fine.PAYID ?? '')).STATUS, '5');
    const logged = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, shop.accountId));
    assert.deepEqual(
      logged.map((row) => row.ncError),
      ['50001111'],
    );
  });

  test('no order keeps a sealed card once it is no longer waiting (status 51)', async () => {
    const [row] = await rowsOf<{ count: string }>(
      h.db,
      sql`select count(*)::text as count from orders where card_number_sealed is not null and status <> 51`,
    );
    assert.equal(row?.count, '0');
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/rows.ts';
import { directLinkFixtures } from '../directlink/test-fixtures.ts';
import { saveTechnicalSettings } from '../technical/settings.ts';
import { createHarness } from '../test/harness.ts';
import { processDueOperations } from './offline.ts';
import { sendDueStatusNotifications } from './status-notifications.ts';
import { sendDueTransactionMails } from './transaction-mails.ts';

const h = await createHarness();
const { merchant, signedBody, order, post } = directLinkFixtures(h);

/** Every row of every table of the database, as text. */
async function everything(): Promise<string> {
  const tables = await rowsOf<{ name: string }>(h.db, sql`select tablename as name from pg_tables where schemaname = 'public'`);
  let text = '';
  for (const { name } of tables) {
    const [dump] = await rowsOf<{ t: string }>(
      h.db,
      sql`select coalesce(string_agg(r::text, ' '), '') as t from ${sql.identifier(name)} r`,
    );
    text += ` ${dump?.t ?? ''}`;
  }
  return text;
}

test('PCI DSS 3.3, 3.5: after payments, aliases, maintenance, offline processing, feedback and mails, no card number or CVC is in any table, log or mail', async () => {
  const shop = await merchant();
  await saveTechnicalSettings(
    h.db,
    shop.accountId,
    {
      statusChangeUrl: 'https://shop.example.com/status',
      merchantEmails: 'ops@shop.example',
      merchantConfirmationEmails: true,
      statusChangeEmails: true,
    },
    h.clock.now(),
  );
  const cards: Record<string, string>[] = [
    { CARDNO: '4111111111111111', CVC: '737' },
    { CARDNO: '5399999999999999', CVC: '848' },
    { CARDNO: '4000100011112224', CVC: '959', ALIAS: 'scan-alias' },
    { CARDNO: '4000000000000051', CVC: '161' },
    { CARDNO: '4111111111111112', CVC: '272' },
  ];
  for (const card of cards) await post(signedBody(order(shop.pspid, { ...card, OPERATION: 'SAL' }), 'iso-8859-1'));
  const stored = await post(
    signedBody(order(shop.pspid, { ALIAS: 'scan-alias', CARDNO: '', ED: '', CVC: '', OPERATION: 'SAL' }), 'iso-8859-1'),
  );
  assert.equal(stored.reply.NCERROR, '0', stored.reply.NCERRORPLUS);
  const refund = signedBody(
    { PSPID: shop.pspid, USERID: 'API', PSWD: 'api password 1234', PAYID: stored.reply.PAYID ?? '', OPERATION: 'RFS' },
    'iso-8859-1',
  );
  assert.equal((await post(refund, { file: 'maintenancedirect.asp' })).reply.STATUS, '81');
  // Payments waiting offline keep their card sealed, scanned while they wait and after.
  await saveTechnicalSettings(h.db, shop.accountId, { processingMode: 'offline' }, h.clock.now());
  const waiting = { CARDNO: '3530111333300000', CVC: '383' };
  cards.push(waiting);
  assert.equal((await post(signedBody(order(shop.pspid, waiting), 'iso-8859-1'))).reply.STATUS, '51');
  const whileWaiting = await everything();
  assert.ok(!whileWaiting.includes(waiting.CARDNO), 'a waiting card is sealed');
  h.clock.advance(60_000);
  await processDueOperations(
    { db: h.db, acquirers: h.acquirers, offlineDelaySeconds: { test: 10, prod: 900 }, secretKey: h.secretKey },
    h.clock.now(),
  );
  const posted: string[] = [];
  await sendDueStatusNotifications(h, async (_url, init) => {
    posted.push(Buffer.from(init.body).toString('latin1'));
    return { status: 200 };
  });
  await sendDueTransactionMails(h);
  assert.ok(posted.length > 0 && h.sentMails.length > 0, 'feedback and mails were sent');

  const seen = `${await everything()} ${JSON.stringify(h.logLines)} ${JSON.stringify(h.sentMails)} ${posted.join(' ')}`;
  for (const card of cards) {
    assert.ok(!seen.includes(card.CARDNO ?? ''), `card number ${card.CARDNO?.slice(-4)} found`);
    assert.ok(!new RegExp(`(CVC|cvc)[^,;\\n]{0,8}${card.CVC}`).test(seen), `CVC of ${card.CARDNO?.slice(-4)} found`);
  }
});

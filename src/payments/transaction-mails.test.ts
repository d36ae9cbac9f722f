import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { simulatedAcquirers } from '../acquirer/simulated.ts';
import { manualClock } from '../lib/clock.ts';
import type { Mail } from '../mail/mailer.ts';
import { saveTechnicalSettings } from '../technical/settings.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount } from '../test/harness.ts';
import { requestMaintenance } from './maintenance.ts';
import { NCERROR } from './ncerror.ts';
import { recordNewOrder } from './new-order.ts';
import { processDueOperations } from './offline.ts';
import { sendDueTransactionMails } from './transaction-mails.ts';

/** Opens the sealed cards of orders waiting offline (none here unless a test makes one). */
const TEST_SECRET_KEY = randomBytes(32);

const database = await createTestDatabase();
after(() => database.close());
const clock = manualClock(new Date('2026-07-14T08:00:00Z'));
const sentMails: Mail[] = [];
const deps = { db: database.db, clock, log: () => {}, mailer: { send: async (mail: Mail) => void sentMails.push(mail) } };

async function merchant(settings: {
  merchantEmails: string | null;
  merchantConfirmationEmails: boolean;
  statusChangeEmails: boolean;
}) {
  const user = await createAccount(database.db);
  await saveTechnicalSettings(database.db, user.accountId, settings, clock.now());
  return { user, who: { accountId: user.accountId, userId: user.id, userid: user.userid, ip: null } };
}

let counter = 0;
async function order(who: { accountId: string; userId: string; userid: string; ip: null }, accepted = true) {
  counter += 1;
  const recorded = await recordNewOrder({ db: database.db, clock }, who, {
    orderId: `mail-${counter}`,
    operation: 'RES',
    amount: 4200,
    currency: 'EUR',
    outcome: accepted
      ? { accepted: true, status: 5, ncError: NCERROR.ok, acceptance: 'test123' }
      : { accepted: false, status: 2, ncError: NCERROR.declined },
    card: { brand: 'VISA', masked: '411111XXXXXX1111', expiry: '1230' },
    source: 'directlink',
  });
  assert.ok(recorded.created);
  return recorded.payId;
}

describe('transaction e-mails (Technical information > Transaction e-mails)', () => {
  test('a confirmation of each order, accepted or not, to every merchant address, in English and French, the card’s last 4 digits only', async () => {
    sentMails.length = 0;
    const { user, who } = await merchant({
      merchantEmails: 'sales@shop.example; accounts@shop.example',
      merchantConfirmationEmails: true,
      statusChangeEmails: false,
    });
    const payId = await order(who);
    await order(who, false);
    assert.deepEqual(await sendDueTransactionMails(deps), { sent: 2, failed: 0 });
    assert.deepEqual(
      sentMails.map((mail) => mail.to),
      ['sales@shop.example', 'accounts@shop.example', 'sales@shop.example', 'accounts@shop.example'],
    );
    assert.match(sentMails[2]?.subject ?? '', /Authorisation refused$/);
    const [mail] = sentMails;
    assert.equal(mail?.subject, `${user.pspid}: order mail-${counter - 1}, Authorised`);
    assert.match(mail?.text ?? '', new RegExp(`PAYID: ${payId} \\(history level 0\\)`));
    assert.match(mail?.text ?? '', /Amount: 42.00 EUR/);
    assert.match(mail?.text ?? '', /Card: VISA \*\*\*\*1111/);
    assert.match(mail?.text ?? '', /Statut : 5 – Autorisé/);
    assert.doesNotMatch(mail?.text ?? '', /411111/);
    assert.deepEqual(await sendDueTransactionMails(deps), { sent: 0, failed: 0 }, 'each once');
  });

  test('a mail for each status the offline processing sets, when asked; none without addresses or switches', async () => {
    sentMails.length = 0;
    const { who } = await merchant({
      merchantEmails: 'ops@shop.example',
      merchantConfirmationEmails: false,
      statusChangeEmails: true,
    });
    const { who: silent } = await merchant({ merchantEmails: null, merchantConfirmationEmails: true, statusChangeEmails: true });
    const payId = await order(who);
    await order(silent);
    await requestMaintenance({ db: database.db, clock }, who, { order: { payId }, operation: 'SAS' });
    clock.advance(60_000);
    await processDueOperations(
      {
        db: database.db,
        acquirers: simulatedAcquirers(clock),
        offlineDelaySeconds: { test: 10, prod: 900 },
        secretKey: TEST_SECRET_KEY,
      },
      clock.now(),
    );
    assert.deepEqual(await sendDueTransactionMails(deps), { sent: 1, failed: 0 });
    assert.equal(sentMails.length, 1);
    assert.match(sentMails[0]?.text ?? '', /has a new status:[\s\S]*Status: 9 – Payment requested/);
  });

  test('a mail server that refuses: tried again later', async () => {
    const { who } = await merchant({
      merchantEmails: 'later@shop.example',
      merchantConfirmationEmails: true,
      statusChangeEmails: false,
    });
    await order(who);
    const refusing = { ...deps, mailer: { send: async () => Promise.reject(new Error('450 try later')) } };
    assert.deepEqual(await sendDueTransactionMails(refusing), { sent: 0, failed: 1 });
    assert.deepEqual(await sendDueTransactionMails(deps), { sent: 0, failed: 0 }, 'not before the next attempt');
    clock.advance(2 * 60_000);
    assert.deepEqual(await sendDueTransactionMails(deps), { sent: 1, failed: 0 });
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { manualClock } from '../lib/clock.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { type AcquirerCard, MAINTENANCE_STATUS, type MaintenanceOperation, NEW_ORDER_STATUS } from './acquirer.ts';
import { checkCard } from './cards.ts';
import { createSimulatedAcquirer, randomAcceptance } from './simulated.ts';

const clock = manualClock(new Date('2026-11-30T12:00:00Z'));

function card(cardNumber: string, expiryDate = '12/28', cvc = '123'): AcquirerCard {
  const result = checkCard({ cardNumber, expiryDate, cvc }, { now: clock.now(), cvcRequired: true });
  assert.ok(result.ok);
  return result.card;
}

describe('simulated acquirer', () => {
  test('TEST answers ACCEPTANCE test123; PRODUCTION 6 random capitals and digits', async () => {
    const test = createSimulatedAcquirer({ environment: 'test', clock });
    const prod = createSimulatedAcquirer({ environment: 'prod', clock });
    const request = { operation: 'SAL', amount: 100, currency: 'EUR', card: card('4111111111111111'), eci: '7' } as const;
    assert.equal((await test.authorise(request)).acceptance, 'test123');
    const codes = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const reply = await prod.authorise(request);
      assert.match(reply.acceptance, /^[A-Z0-9]{6}$/);
      codes.add(reply.acceptance);
    }
    assert.ok(codes.size > 1);
    assert.match(randomAcceptance(), /^[A-Z0-9]{6}$/);
  });

  test('a card whose month has passed by the time it reaches the acquirer is refused as expired (30331001, STATUS 2)', async () => {
    const later = manualClock(new Date('2026-11-30T12:00:00Z'));
    const acquirer = createSimulatedAcquirer({ environment: 'test', clock: later });
    const november = card('4111111111111111', '11/26');
    assert.equal(
      (await acquirer.authorise({ operation: 'RES', amount: 1, currency: 'EUR', card: november, eci: '7' })).status,
      5,
    );
    later.set(new Date('2026-12-01T00:00:00Z'));
    const reply = await acquirer.authorise({ operation: 'RES', amount: 1, currency: 'EUR', card: november, eci: '7' });
    assert.deepEqual([reply.outcome, reply.status, reply.ncerror, reply.acceptance], ['refused', 2, NCERROR.expiredCard, '']);
  });

  test('maintenance statuses: pending 91/61/81 (REN online), done 9/6/8/5', async () => {
    const acquirer = createSimulatedAcquirer({ environment: 'test', clock });
    const expected: Record<MaintenanceOperation, [number | undefined, number]> = {
      SAL: [91, 9],
      SAS: [91, 9],
      DEL: [61, 6],
      DES: [61, 6],
      RFD: [81, 8],
      RFS: [81, 8],
      REN: [undefined, 5],
    };
    for (const [operation, [pending, done]] of Object.entries(expected) as [
      MaintenanceOperation,
      [number | undefined, number],
    ][]) {
      assert.equal(MAINTENANCE_STATUS[operation].pending, pending, operation);
      const reply = await acquirer.maintain({ operation, reference: '', amount: 5, currency: 'EUR' });
      assert.deepEqual([reply.outcome, reply.status, reply.ncerror], ['done', done, '0'], operation);
    }
    assert.deepEqual(NEW_ORDER_STATUS.SAL, { authorised: 9, refused: 2, uncertain: 52 });
    assert.deepEqual(NEW_ORDER_STATUS.RFD, { authorised: 8, refused: 2, uncertain: 52 });
  });

  test('a reference it did not make behaves as an ordinary order; its references hold no card digits', async () => {
    const acquirer = createSimulatedAcquirer({ environment: 'test', clock });
    const resolved = await acquirer.resolve({ reference: 'another-acquirer-42', operation: 'RES' });
    assert.deepEqual([resolved.outcome, resolved.status], ['authorised', 5]);
    const forged = await acquirer.maintain({ operation: 'RFS', reference: 'sim-rfr-xyz', amount: 5, currency: 'EUR' });
    assert.equal(forged.outcome, 'done');
    const reply = await acquirer.authorise({
      operation: 'RES',
      amount: 1,
      currency: 'EUR',
      card: card('4000000000000838'),
      eci: '7',
    });
    assert.match(reply.reference, /^sim-rfr-[0-9a-f]{16}$/);
  });

  test('bad amounts and currencies are refused with a message naming the field only', async () => {
    const acquirer = createSimulatedAcquirer({ environment: 'test', clock });
    const visa = card('4111111111111111', '12/28', '987');
    for (const [amount, currency] of [
      [0, 'EUR'],
      [-5, 'EUR'],
      [12.5, 'EUR'],
      [Number.NaN, 'EUR'],
      [100, 'eur'],
      [100, 'EURO'],
    ] as const) {
      await assert.rejects(acquirer.authorise({ operation: 'RES', amount, currency, card: visa, eci: '7' }), (error: Error) => {
        assert.ok(error instanceof RangeError);
        assert.ok(!error.message.includes('4111') && !error.message.includes('987'));
        assert.ok(!inspect(error).includes('4111111111111111'));
        return true;
      });
      await assert.rejects(acquirer.maintain({ operation: 'SAS', reference: '', amount, currency }), RangeError);
    }
  });

  test('no reply holds the card number or the CVC, whatever the outcome', async () => {
    const acquirer = createSimulatedAcquirer({ environment: 'prod', clock });
    const numbers = [
      '4111111111111111',
      '4000000000000051',
      '4000000000000200',
      '4000000000000218',
      '374111111111111',
      '5399999999999999',
    ];
    for (const number of numbers) {
      const cvc = number.startsWith('37') ? '9876' : '987';
      const request = { operation: 'PAU', amount: 4200, currency: 'EUR', card: card(number, '12/28', cvc), eci: '7' } as const;
      const reply = await acquirer.authorise(request);
      const resolved = await acquirer.resolve({ reference: reply.reference, operation: reply.operation });
      const maintained = await acquirer.maintain({ operation: 'REN', reference: reply.reference, amount: 4200, currency: 'EUR' });
      for (const value of [reply, resolved, maintained, request]) {
        for (const text of [JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })]) {
          assert.ok(!text.includes(number), text);
          // The reference ends with 16 random hex digits, which may hold the CVC's digits by chance.
          assert.ok(!text.replaceAll(reply.reference, 'REFERENCE').includes(cvc), text);
        }
      }
    }
  });
});

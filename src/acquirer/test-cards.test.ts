import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { manualClock } from '../lib/clock.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { type AcquirerCard, AcquirerUnreachable, type NewOrderOperation } from './acquirer.ts';
import { BRANDS, brandOf, checkCard, passesLuhn } from './cards.ts';
import { createSimulatedAcquirer } from './simulated.ts';
import { findTestCard, TEST_CARDS, type TestCard, testCardStatus, testCardsOfBrands } from './test-cards.ts';

const clock = manualClock(new Date('2026-11-30T12:00:00Z'));
const acquirer = createSimulatedAcquirer({ environment: 'test', clock });
const OPERATIONS: NewOrderOperation[] = ['RES', 'SAL', 'PAU', 'RFD'];

/** The card as the engine gives it to the acquirer, after the platform's checks (a future expiry, a CVC of the right size). */
function checked(number: string): AcquirerCard {
  const cvc = brandOf(number) === 'American Express' ? '1234' : '123';
  const result = checkCard({ cardNumber: number, expiryDate: '12/28', cvc }, { now: clock.now(), cvcRequired: true });
  assert.ok(result.ok, `the checks refused ${number}`);
  return result.card;
}

function label(card: TestCard): string {
  return `${card.number} (${card.brand ?? 'no brand'}): ${card.description.en}`;
}

describe('the test-card table', () => {
  test('holds the reference §11 cards with the outcomes §11 gives', () => {
    const expected: [string, string | null, string][] = [
      ['4111111111111111', 'VISA', 'authorised'],
      ['4000100011112224', 'VISA', 'authorised'],
      ['1111111111111111', null, 'invalid'],
      ['5399999999999999', 'MasterCard', 'authorised'],
      ['4000000000000002', 'VISA', 'authorised'],
      ['5555555555554444', 'MasterCard', 'authorised'],
      ['374111111111111', 'American Express', 'authorised'],
      ['371449635311004', 'American Express', 'authorised'],
      ['6759649826438453', 'Maestro', 'authorised'],
      ['3530111333300000', 'JCB', 'authorised'],
    ];
    for (const [number, brand, outcome] of expected) {
      const card = findTestCard(number);
      assert.ok(card, number);
      assert.deepEqual([card.brand, card.outcome], [brand, outcome], number);
    }
    assert.equal(findTestCard('1111111111111111')?.ncerror, NCERROR.unknownCardType);
  });

  test('has an authorising card for each brand, and each required refusal and an uncertain result', () => {
    for (const brand of BRANDS) {
      assert.ok(
        TEST_CARDS.some((card) => card.brand === brand && card.outcome === 'authorised' && card.refunds === 'done'),
        brand,
      );
    }
    const refusals = TEST_CARDS.filter((card) => card.outcome === 'refused').map((card) => card.ncerror);
    for (const code of [NCERROR.declined, NCERROR.insufficientFunds, NCERROR.expiredCard, NCERROR.stolenCard]) {
      assert.ok(refusals.includes(code), code);
    }
    const uncertain = TEST_CARDS.filter((card) => card.outcome === 'uncertain');
    assert.deepEqual(uncertain.map((card) => card.resolution?.outcome).sort(), ['authorised', 'refused']);
    assert.ok(uncertain.every((card) => card.ncerror === NCERROR.acquirerUncertain));
  });

  test('numbers are unique; every card but the invalid one passes the checks with its listed brand', () => {
    assert.equal(new Set(TEST_CARDS.map((card) => card.number)).size, TEST_CARDS.length);
    for (const card of TEST_CARDS) {
      assert.match(card.number, /^\d+$/);
      assert.ok(card.description.en && card.description.fr, card.number);
      if (card.outcome === 'invalid') continue;
      assert.equal(checked(card.number).brand, card.brand, card.number);
    }
  });

  test('docs/test-cards.md lists every card, and only them, with its brand, status and NCERROR', () => {
    const page = readFileSync(new URL('../../docs/test-cards.md', import.meta.url), 'utf8');
    const rows = page
      .split('\n')
      .filter((line) => /^\| \d/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    assert.deepEqual(
      rows.map((row) => row[1]?.replace(/ /g, '')),
      TEST_CARDS.map((card) => card.number),
    );
    for (const [index, card] of TEST_CARDS.entries()) {
      const [, , brand, , status, ncerror] = rows[index] ?? [];
      const statuses = card.outcome === 'authorised' ? ['RES', 'SAL', 'RFD'] : ['RES'];
      assert.equal(brand, card.brand ?? '—', card.number);
      assert.equal(
        status,
        statuses.map((operation) => testCardStatus(card, operation as NewOrderOperation)).join(' / '),
        card.number,
      );
      assert.equal(ncerror, card.ncerror, card.number);
    }
  });

  test('Test info lists the cards of the account’s brands (and the no-brand card)', () => {
    const listed = testCardsOfBrands(['JCB']);
    assert.deepEqual(
      listed.map((card) => card.number),
      ['3530111333300000', '1111111111111111'],
    );
  });
});

describe('each test card through the checks and the simulated acquirer', () => {
  for (const card of TEST_CARDS) {
    test(label(card), async () => {
      if (card.outcome === 'invalid') {
        const result = checkCard(
          { cardNumber: card.number, expiryDate: '12/28', cvc: '123' },
          { now: clock.now(), cvcRequired: true },
        );
        assert.ok(!result.ok);
        assert.equal(result.problems[0]?.ncerror, card.ncerror);
        assert.equal(result.problems[0]?.status, 0);
        assert.equal(testCardStatus(card, 'RES'), 0);
        return;
      }
      if (card.outcome === 'unreachable') {
        for (const operation of OPERATIONS) {
          const request = { operation, amount: 1250, currency: 'EUR', card: checked(card.number), eci: '7' as const };
          await assert.rejects(acquirer.authorise(request), AcquirerUnreachable, operation);
          const offline = await acquirer.authorise({ ...request, channel: 'offline' });
          assert.deepEqual([offline.outcome, offline.ncerror, offline.acceptance], ['authorised', '0', 'test123'], operation);
        }
        assert.equal(testCardStatus(card, 'RES'), 0, 'always online: not processed');
        return;
      }
      for (const operation of OPERATIONS) {
        const reply = await acquirer.authorise({
          operation,
          amount: 1250,
          currency: 'EUR',
          card: checked(card.number),
          eci: '7',
        });
        const processed = operation === 'PAU' && card.brand !== 'MasterCard' ? 'RES' : operation;
        assert.equal(reply.operation, processed, operation);
        assert.equal(reply.outcome, card.outcome, operation);
        assert.equal(reply.ncerror, card.ncerror, operation);
        assert.equal(reply.status, testCardStatus(card, operation), operation);
        assert.equal(reply.acceptance, card.outcome === 'authorised' ? 'test123' : '', operation);
        if (card.outcome === 'uncertain') {
          const resolved = await acquirer.resolve({ reference: reply.reference, operation: processed });
          assert.equal(resolved.outcome, card.resolution?.outcome, operation);
          assert.equal(resolved.ncerror, card.resolution?.ncerror, operation);
          const statuses = { RES: [5, 2], PAU: [5, 2], SAL: [9, 2], RFD: [8, 2] }[processed];
          assert.equal(resolved.status, statuses[resolved.outcome === 'authorised' ? 0 : 1], operation);
        }
        if (card.outcome !== 'authorised' || operation === 'RFD') continue;
        const on = { reference: reply.reference, amount: 1250, currency: 'EUR' };
        const capture = await acquirer.maintain({ ...on, operation: 'SAS' });
        assert.deepEqual([capture.outcome, capture.status, capture.ncerror], ['done', 9, '0']);
        const remove = await acquirer.maintain({ ...on, operation: 'DES' });
        assert.deepEqual([remove.outcome, remove.status], ['done', 6]);
        const renew = await acquirer.maintain({ ...on, operation: 'REN' });
        assert.deepEqual([renew.outcome, renew.status, renew.acceptance], ['done', 5, 'test123']);
        for (const refundOperation of ['RFD', 'RFS'] as const) {
          const refund = await acquirer.maintain({ ...on, operation: refundOperation });
          if (card.refunds === 'refused') {
            assert.deepEqual([refund.outcome, refund.status, refund.ncerror], ['refused', 83, NCERROR.refusedByInstitution]);
          } else {
            assert.deepEqual([refund.outcome, refund.status, refund.ncerror], ['done', 8, '0']);
          }
        }
      }
    });
  }
});

describe('cards outside the table', () => {
  test('any other valid number of every brand authorises, and its maintenance succeeds', async () => {
    const prefixes = {
      VISA: '4929',
      MasterCard: '2720',
      'American Express': '34',
      Maestro: '5018',
      JCB: '3589',
      'Diners Club': '3095',
    };
    const lengths = { VISA: 19, MasterCard: 16, 'American Express': 15, Maestro: 12, JCB: 17, 'Diners Club': 16 };
    for (const brand of BRANDS) {
      for (let n = 0; n < 20; n += 1) {
        let body = prefixes[brand];
        while (body.length < lengths[brand] - 1) body += String(Math.floor(Math.random() * 10));
        const number = [...'0123456789'].map((digit) => body + digit).find(passesLuhn);
        assert.ok(number);
        if (findTestCard(number)) continue;
        const reply = await acquirer.authorise({ operation: 'RES', amount: 1, currency: 'JPY', card: checked(number), eci: '1' });
        assert.deepEqual([reply.outcome, reply.status, reply.ncerror], ['authorised', 5, '0'], brand);
        const refund = await acquirer.maintain({ operation: 'RFS', reference: reply.reference, amount: 1, currency: 'JPY' });
        assert.equal(refund.status, 8);
      }
    }
  });
});

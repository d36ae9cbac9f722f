import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NCERROR } from './ncerror.ts';
import type { MaintenanceOperation, NewOrderOperation, OrderState } from './transitions.ts';
import { acceptedStatus, newOrderTotals, PROCESSED_STATUS, planMaintenance } from './transitions.ts';

/** A new order the acquirer accepted, as the engine records it. */
function made(operation: NewOrderOperation, amount = 10_000): OrderState {
  return {
    operation,
    status: acceptedStatus(operation),
    amount,
    ...newOrderTotals(operation, amount, true),
    captureClosed: false,
    refundClosed: false,
  };
}

/** Applies a maintenance request and its offline processing; throws on a refusal. */
function apply(order: OrderState, operation: MaintenanceOperation, amount?: number): OrderState {
  const plan = planMaintenance(order, operation, amount);
  if (!plan.ok) throw new Error(`refused ${plan.ncError}`);
  return { ...order, ...plan.next, status: PROCESSED_STATUS[plan.status] ?? plan.status };
}

function refusal(order: OrderState, operation: MaintenanceOperation, amount?: number) {
  const plan = planMaintenance(order, operation, amount);
  return plan.ok ? undefined : plan.ncError;
}

describe('new orders (reference §1.2)', () => {
  test('RES and PAU authorise (5), SAL captures at once (9), RFD credits (8); a refusal holds nothing', () => {
    assert.deepEqual((['RES', 'PAU', 'SAL', 'RFD'] as const).map(acceptedStatus), [5, 5, 9, 8]);
    assert.deepEqual(newOrderTotals('SAL', 500, true), { authorisedAmount: 500, capturedAmount: 500, refundedAmount: 0 });
    assert.deepEqual(newOrderTotals('RES', 500, false), { authorisedAmount: 0, capturedAmount: 0, refundedAmount: 0 });
  });
});

describe('maintenance (reference §1.3)', () => {
  test('captures: partial SAL stays open, SAS closes; never above what was authorised', () => {
    const order = made('RES');
    const first = planMaintenance(order, 'SAL', 4_000);
    assert.ok(first.ok);
    assert.equal(first.status, 91);
    const partly = apply(order, 'SAL', 4_000);
    assert.equal(partly.status, 9);
    assert.equal(refusal(partly, 'SAL', 6_001), NCERROR.captureOverflow);
    const closed = apply(partly, 'SAS', 1_000);
    assert.equal(closed.capturedAmount, 5_000);
    assert.equal(refusal(closed, 'SAL', 1), NCERROR.alreadyCaptured, 'a closing capture leaves nothing to capture');
  });

  test('a capture without an amount takes what is left', () => {
    const plan = planMaintenance(apply(made('RES'), 'SAL', 2_500), 'SAS', undefined);
    assert.ok(plan.ok);
    assert.equal(plan.amount, 7_500);
  });

  test('refunds: a sale at once; partial RFD stays open, RFS closes; "Overflow in refunds requests" above what was captured', () => {
    const sale = made('SAL');
    const partly = apply(sale, 'RFD', 3_000);
    assert.equal(partly.status, 8);
    assert.equal(refusal(partly, 'RFD', 7_001), NCERROR.refundOverflow);
    const closed = apply(partly, 'RFS', 1_000);
    assert.equal(refusal(closed, 'RFD', 1), NCERROR.wrongStatus, 'closed for refunds');
    assert.equal(refusal(made('RES'), 'RFD', 1), NCERROR.wrongStatus, 'nothing captured yet');
    // Refunds only of what was captured: a partial capture of 4,000 lets 4,000 be refunded.
    const captured = apply(made('RES'), 'SAL', 4_000);
    assert.equal(refusal(captured, 'RFD', 4_001), NCERROR.refundOverflow);
    assert.equal(apply(captured, 'RFD', 4_000).refundedAmount, 4_000);
  });

  test('deleting an authorisation: DES closes it, DEL lets it be renewed; not once something was captured', () => {
    const deleted = apply(made('RES'), 'DES');
    assert.equal(deleted.status, 6);
    assert.equal(refusal(deleted, 'SAL', 1), NCERROR.wrongStatus);
    assert.equal(refusal(deleted, 'REN'), NCERROR.wrongStatus);
    const open = apply(made('RES'), 'DEL');
    const renewed = apply(open, 'REN');
    assert.equal(renewed.status, 5);
    assert.equal(renewed.authorisedAmount, 10_000);
    assert.equal(apply(renewed, 'SAS').capturedAmount, 10_000);
    assert.equal(refusal(apply(made('RES'), 'SAL', 1), 'DEL'), NCERROR.wrongStatus);
  });

  test('renewing: online (5 at once), never above the order amount less what was captured', () => {
    const order = made('RES');
    const plan = planMaintenance(order, 'REN', 10_000);
    assert.ok(plan.ok);
    assert.equal(plan.status, 5);
    assert.equal(refusal(order, 'REN', 10_001), NCERROR.reauthorisationOverflow);
  });

  test('a credit (RFD new order) and a refused order allow no maintenance', () => {
    const credit = made('RFD');
    const refused: OrderState = { ...made('RES'), status: 2, ...newOrderTotals('RES', 10_000, false) };
    for (const operation of ['SAL', 'SAS', 'DEL', 'DES', 'RFD', 'RFS', 'REN'] as const) {
      assert.equal(refusal(credit, operation, 1), NCERROR.wrongStatus, `credit ${operation}`);
      assert.ok(refusal(refused, operation, 1), `refused order ${operation}`);
    }
  });

  test('an amount must be a positive whole number of minor units', () => {
    for (const amount of [0, -1, 1.5, Number.NaN]) {
      assert.equal(refusal(made('RES'), 'SAL', amount), NCERROR.amountNotNumeric, String(amount));
    }
  });
});

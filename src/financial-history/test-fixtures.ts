import assert from 'node:assert/strict';
import type { PaymentCaller } from '../payments/maintenance.ts';
import { requestMaintenance } from '../payments/maintenance.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { recordNewOrder } from '../payments/new-order.ts';
import { processDueOperations } from '../payments/offline.ts';
import type { MaintenanceOperation, NewOrderOperation } from '../payments/transitions.ts';
import { acceptedStatus } from '../payments/transitions.ts';
import type { Harness, TestUser } from '../test/harness.ts';
import type { Page } from '../test/html.ts';

/**
 * What the financial-history tests share: orders and maintenance made through the payment
 * engine's own services at chosen moments, the offline processing run at a chosen moment, and
 * the page's tables read as cell texts.
 */

/** The payment engine's caller for a test user (their orders carry their user id). */
export function callerOf(user: Pick<TestUser, 'accountId' | 'id' | 'userid'>): PaymentCaller {
  return { accountId: user.accountId, userId: user.id, userid: user.userid, ip: '192.0.2.10' };
}

let counter = 0;

/** A new order, answered by the acquirer at `at`; accepted unless `refused`. Returns its PAYID. */
export async function makeOrder(
  h: Pick<Harness, 'db'>,
  who: PaymentCaller,
  order: {
    at: Date;
    amount: number;
    operation?: NewOrderOperation;
    currency?: string;
    brand?: string;
    orderId?: string;
    refused?: boolean;
    /** The simulated acquirer's reference: `sim-rfr-…` makes its refunds refused. */
    acquirerReference?: string;
  },
): Promise<number> {
  counter += 1;
  const operation = order.operation ?? 'SAL';
  const recorded = await recordNewOrder({ db: h.db, clock: { now: () => order.at } }, who, {
    orderId: order.orderId ?? `FH-${counter}`,
    operation,
    amount: order.amount,
    currency: order.currency ?? 'EUR',
    outcome: order.refused
      ? { accepted: false, status: 2, ncError: NCERROR.refusedByInstitution }
      : {
          accepted: true,
          status: acceptedStatus(operation),
          ncError: NCERROR.ok,
          acceptance: 'test123',
          acquirerReference: order.acquirerReference,
        },
    card: { brand: order.brand ?? 'VISA', masked: '411111XXXXXX1111', expiry: '1230' },
    source: 'eterminal',
  });
  assert.ok(recorded.created, 'the order is new');
  return recorded.payId;
}

/** A maintenance request on an order at `at`, which must be accepted. */
export async function maintain(
  h: Pick<Harness, 'db'>,
  who: PaymentCaller,
  payId: number,
  at: Date,
  operation: MaintenanceOperation,
  amount: number,
): Promise<void> {
  const answer = await requestMaintenance({ db: h.db, clock: { now: () => at } }, who, { order: { payId }, operation, amount });
  assert.ok(answer.ok, `${operation} ${amount} accepted`);
}

/** The offline processing at `at`, with no waiting delay: every pending operation requested before `at` is processed. */
export function settle(h: Pick<Harness, 'db' | 'acquirers' | 'secretKey'>, at: Date): Promise<Record<string, number>> {
  return processDueOperations(
    { db: h.db, acquirers: h.acquirers, offlineDelaySeconds: { test: 0, prod: 0 }, secretKey: h.secretKey },
    at,
  );
}

/** The lines table's rows as cell texts, header row left out (none when there is no table). */
export function lineRows(page: Page): string[][] {
  return page.table('#history-lines-table').slice(1);
}

/** The operation lines only (no day headings, no day totals): their ORDERIDs, in order. */
export function lineOrderIds(page: Page): string[] {
  return page.all('#history-lines-table tbody tr:not(.history-day):not(.history-day-total)').map((row) => {
    const cells = [...row.querySelectorAll('td')];
    return page.textOf(cells[2]);
  });
}

/** The totals table's rows as cell texts, header row left out. */
export function totalsRows(page: Page): string[][] {
  return page.table('#history-totals-table').slice(1);
}

import type { Db } from '../db/client.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import { orderOperations, orders } from '../db/schema/payments.ts';
import type { Page } from '../test/html.ts';

/** What a seeded order may set; the rest has a plain default (a 15.00 EUR VISA authorisation by DirectLink). */
export type SeedOrder = {
  orderId: string;
  orderedAt: Date;
  paidAt?: Date | null;
  status?: number;
  amount?: number;
  currency?: string;
  brand?: string | null;
  cardMasked?: string | null;
  cardHolder?: string | null;
  source?: OrderSource;
  userId?: string | null;
  operation?: string;
};

/**
 * Writes orders of an account straight into the tables, each with its PAYIDSUB 0 operation, as
 * a data set for the search's tests (the payment engine's own paths are tested where they live;
 * the e-Terminal journey makes a real one). Returns their PAYIDs in the order given.
 */
export async function seedOrders(db: Db, accountId: string, list: SeedOrder[]): Promise<number[]> {
  if (list.length === 0) return [];
  const rows = await db
    .insert(orders)
    .values(
      list.map((o) => ({
        accountId,
        orderId: o.orderId,
        operation: o.operation ?? 'RES',
        amount: o.amount ?? 1500,
        currency: o.currency ?? 'EUR',
        status: o.status ?? 5,
        brand: o.brand === undefined ? 'VISA' : o.brand,
        cardMasked: o.cardMasked === undefined ? '411111XXXXXX1111' : o.cardMasked,
        cardExpiry: '1230',
        cardHolder: o.cardHolder === undefined ? 'Ann Example' : o.cardHolder,
        source: o.source ?? 'directlink',
        userId: o.userId ?? null,
        orderedAt: o.orderedAt,
        paidAt: o.paidAt ?? null,
        authorisedAmount: o.amount ?? 1500,
      })),
    )
    .returning({ payId: orders.payId, orderId: orders.orderId });
  const payIds = list.map((o) => Number(rows.find((row) => row.orderId === o.orderId)?.payId));
  await db.insert(orderOperations).values(
    list.map((o, index) => ({
      accountId,
      payId: payIds[index] ?? 0,
      payIdSub: 0,
      operation: o.operation ?? 'RES',
      amount: o.amount ?? 1500,
      currency: o.currency ?? 'EUR',
      status: o.status ?? 5,
      userId: o.userId ?? null,
      requestedAt: o.orderedAt,
      processedAt: o.orderedAt,
    })),
  );
  return payIds;
}

/** The ORDERIDs of the results' lines, in order. */
export function listedOrderIds(page: Page): string[] {
  return listedRows(page).map((cells) => cells[1] ?? '');
}

/** The results' lines as cell texts. */
export function listedRows(page: Page): string[][] {
  return page.all('table.data-table tbody tr').map((row) => [...row.querySelectorAll('td')].map((cell) => page.textOf(cell)));
}

import type { Db } from '../db/client.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import type { Page } from '../test/html.ts';

/** What the error-log tests share: the clock's now, entries written at given moments, the listed rows. */

/** When the tests read: the page lists from NOW − 72 h. */
export const NOW = new Date('2026-04-01T10:00:00Z');

/** One refused request to write; defaults: DirectLink, USERID api.user, NCERROR 50001111. */
export type ErrorEntry = {
  at: Date;
  source?: OrderSource;
  userid?: string | null;
  orderId?: string | null;
  ncError?: string;
  reason?: string;
};

/** Writes error-log entries of an account, as DirectLink's fileError does. */
export async function writeErrors(db: Db, accountId: string, entries: ErrorEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(transactionErrors).values(
    entries.map((entry) => ({
      accountId,
      occurredAt: entry.at,
      source: entry.source ?? 'directlink',
      userid: entry.userid === undefined ? 'api.user' : entry.userid,
      orderId: entry.orderId === undefined ? 'ORDER-1' : entry.orderId,
      ncError: entry.ncError ?? '50001111',
      reason: entry.reason ?? 'Data validation error',
    })),
  );
}

/** The errors the page lists, as cell texts, without the header row (none when there is no table). */
export function errorRows(page: Page): string[][] {
  return page.table().slice(1);
}

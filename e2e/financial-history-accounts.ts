/**
 * TEST accounts the financial-history journey (e2e/financial-history.spec.ts) reads, one per
 * browser project, with orders made through the payment engine's own services at fixed moments
 * around the change to summer time in Brussels (29 March 2026, a 23-hour day): sales in EUR and
 * JPY, a refund, and 55 small sales on 31 March so the lines take two pages.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { users } from '../src/db/schema/users.ts';
import type { PaymentCaller } from '../src/payments/maintenance.ts';
import { requestMaintenance } from '../src/payments/maintenance.ts';
import { NCERROR } from '../src/payments/ncerror.ts';
import { recordNewOrder } from '../src/payments/new-order.ts';
import { accountOfProject, projectAccounts, seedProjectAccounts } from './project-accounts.ts';

export const FINANCIAL_HISTORY_ACCOUNTS = projectAccounts('FHIST', 'Financial history');

/** The journey's account of a browser project. */
export function financialHistoryAccount(project: string) {
  return accountOfProject(FINANCIAL_HISTORY_ACCOUNTS, project);
}

/** Creates the accounts, their administrators and their orders (called by e2e/seed-server-data.ts). */
export async function seedFinancialHistoryAccounts(db: Db): Promise<void> {
  await seedProjectAccounts(db, FINANCIAL_HISTORY_ACCOUNTS, []);
  for (const account of FINANCIAL_HISTORY_ACCOUNTS) {
    const [admin] = await db.select().from(users).where(eq(users.userid, account.userid));
    if (!admin) throw new Error(`${account.userid} missing`);
    const who: PaymentCaller = { accountId: admin.accountId, userId: admin.id, userid: admin.userid, ip: null };
    const sale = async (orderId: string, at: string, amount: number, currency: string, brand: string) => {
      const recorded = await recordNewOrder({ db, clock: { now: () => new Date(at) } }, who, {
        orderId,
        operation: 'SAL',
        amount,
        currency,
        outcome: { accepted: true, status: 9, ncError: NCERROR.ok, acceptance: 'test123' },
        card: { brand, masked: '411111XXXXXX1111', expiry: '1230' },
        source: 'eterminal',
      });
      if (!recorded.created) throw new Error(`${orderId} not created`);
      return recorded.payId;
    };
    await sale('FH-SALE-1', '2026-03-28T10:00:00Z', 10_000, 'EUR', 'VISA');
    const refunded = await sale('FH-SALE-2', '2026-03-29T09:00:00Z', 25_000, 'EUR', 'MasterCard');
    const refund = await requestMaintenance({ db, clock: { now: () => new Date('2026-03-29T15:00:00Z') } }, who, {
      order: { payId: refunded },
      operation: 'RFD',
      amount: 4_000,
    });
    if (!refund.ok) throw new Error('refund refused');
    await sale('FH-YEN-1', '2026-03-30T08:00:00Z', 1_500, 'JPY', 'VISA');
    for (let i = 0; i < 55; i += 1) {
      await sale(
        `FH-SMALL-${String(i).padStart(2, '0')}`,
        new Date(Date.UTC(2026, 2, 31, 8, i)).toISOString(),
        100,
        'EUR',
        'VISA',
      );
    }
  }
}

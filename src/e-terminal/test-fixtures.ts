import { eq } from 'drizzle-orm';
import { setOptions } from '../account/test-fixtures.ts';
import { accounts } from '../db/schema/accounts.ts';
import { orders } from '../db/schema/payments.ts';
import type { Language, Profile } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import type { Harness } from '../test/harness.ts';
import { createAccount, signIn } from '../test/harness.ts';

/** The form's address in TEST. */
export const FORM = paths.eTerminal.newTransaction('test');

let orderCounter = 0;

/** A payment form as a browser sends it: 15.00 EUR on the VISA test card, replaced or added by `fields`. */
export function payment(fields: Record<string, string> = {}): Record<string, string> {
  orderCounter += 1;
  return {
    orderId: `ET-${orderCounter}-${Math.random().toString(36).slice(2, 8)}`,
    amount: '15.00',
    currency: 'EUR',
    operation: 'RES',
    cardHolder: 'Rémy Fröåïør',
    cardNumber: '4111 1111 1111 1111',
    expiry: '12/30',
    cvc: '123',
    email: 'customer@example.com',
    description: 'Telephone order',
    ...fields,
  };
}

/**
 * A TEST account with the e-Terminal option and EUR, JPY and KWD, and a user of `profile`
 * (Encoder by default) signed in to it.
 */
export async function terminalShop(h: Harness, options: { profile?: Profile; language?: Language; userid?: string } = {}) {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  await setOptions(h.db, admin.accountId, ['e_terminal', 'multi_currency']);
  await h.db
    .update(accounts)
    .set({ currencies: ['EUR', 'JPY', 'KWD'] })
    .where(eq(accounts.id, admin.accountId));
  const { user, browser } = await signIn(h, {
    account: admin,
    profile: options.profile ?? 'encoder',
    language: options.language,
    userid: options.userid,
  });
  await browser.get(FORM);
  return { admin, user, browser };
}

/** The order stored under an ORDERID. */
export async function storedOrder(h: Harness, orderId: string) {
  const [row] = await h.db.select().from(orders).where(eq(orders.orderId, orderId));
  return row;
}

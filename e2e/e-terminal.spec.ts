import type { Page } from '@playwright/test';
import { eTerminalAccount } from './e-terminal-accounts.ts';
import { DEMO_ENCODER, expect, logIn, test } from './fixtures.ts';

/**
 * O1, Operations > New transaction (the e-Terminal), with and without JavaScript: an encoder of
 * the demo account (every option on) pays with a test card and sees the result, then a refused
 * card's message, then a refused field with the values kept (never the card number); an
 * administrator switches the e-Terminal option off and on and sees its menu item go and come
 * back. axe on every page state visited.
 */

const MAIN_MENU = 'Main menu';

test('an encoder pays, sees a refused card’s reason, and a refused field with the values kept', async ({
  page,
  axe,
}, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const orderId = (what: string) => `E2E-${project}-${what}-${Date.now()}`;
  await logIn(page, DEMO_ENCODER);
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: MAIN_MENU }).getByRole('link', { name: 'New transaction', exact: true }).click();
  await expect(page).toHaveURL('/test/operations/new-transaction');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New transaction');
  await axe('new transaction form');

  const fill = async (fields: { orderId: string; amount: string; cardNumber: string }) => {
    await page.getByLabel('Order reference (ORDERID)').fill(fields.orderId);
    await page.getByLabel('Amount').fill(fields.amount);
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByLabel('Operation').selectOption({ label: 'Authorisation (RES)' });
    await page.getByLabel('Card holder’s name').fill('Rémy Fröåïør');
    await page.getByLabel('Card number').fill(fields.cardNumber);
    await page.getByLabel('Expiry date').fill('12/30');
    await page.getByLabel('Card verification code (CVC)').fill('123');
  };

  // Paid: the result page, read back from the order.
  await fill({ orderId: orderId('paid'), amount: '15.00', cardNumber: '4111 1111 1111 1111' });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/test\/operations\/new-transaction\/result\/\d{10,}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transaction result');
  await expect(page.getByRole('status').filter({ hasText: 'The payment is' })).toHaveText(
    'The payment is authorised: the amount is reserved on the card, to be captured later.',
  );
  const details = page.getByRole('region', { name: 'Details of the payment' });
  await expect(details).toContainText('5 – Authorised');
  await expect(details).toContainText('test123');
  await expect(details).toContainText('VISA 411111XXXXXX1111, expires 12/30');
  await axe('payment authorised');

  // Refused by the issuer: the reason in words, with its PAYID.
  await page.getByRole('link', { name: 'Enter another transaction' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New transaction');
  await fill({ orderId: orderId('refused'), amount: '20.00', cardNumber: '4000000000000051' });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/result\/\d{10,}$/);
  await expect(page.getByRole('alert')).toHaveText(
    'The payment was refused: the card’s issuer declined the authorisation (NCERROR 30051001). Nothing was charged to the card.',
  );
  await expect(page.getByRole('region', { name: 'Details of the payment' })).toContainText('2 – Authorisation refused');
  await axe('payment refused');

  // A wrong amount: its message beside it, the other values kept, the card number and CVC empty.
  await page.getByRole('link', { name: 'Enter another transaction' }).click();
  const kept = orderId('kept');
  await fill({ orderId: kept, amount: '15.001', cardNumber: '4111111111111111' });
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByRole('alert')).toContainText('Amount: Enter the amount without thousands separators');
  await expect(page).toHaveTitle(/^Error: New transaction/);
  await expect(page).toHaveURL(/\/test\/operations\/new-transaction\?failed=/);
  await expect(page.getByLabel('Order reference (ORDERID)')).toHaveValue(kept);
  await expect(page.getByLabel('Amount')).toHaveValue('15.001');
  await expect(page.getByLabel('Amount')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Card holder’s name')).toHaveValue('Rémy Fröåïør');
  await expect(page.getByLabel('Expiry date')).toHaveValue('12/30');
  await expect(page.getByLabel('Card number')).toHaveValue('');
  await expect(page.getByLabel('Card verification code (CVC)')).toHaveValue('');
  await axe('amount refused');

  // Corrected, the card typed again: paid.
  await page.getByLabel('Amount').fill('15.00');
  await page.getByLabel('Card number').fill('4111111111111111');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/result\/\d{10,}$/);
  await expect(page.getByRole('region', { name: 'Details of the payment' })).toContainText(kept);
});

test('switching the e-Terminal option off hides its menu item and refuses its page; on again shows it', async ({
  page,
  axe,
}, testInfo) => {
  test.setTimeout(120_000);
  const account = eTerminalAccount(testInfo.project.name);
  await logIn(page, account);
  await expect(page).toHaveURL('/test/home');
  const menu = page.getByRole('navigation', { name: MAIN_MENU });
  const item = menu.getByRole('link', { name: 'New transaction', exact: true });
  await expect(item).toBeVisible();

  await menu.getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account');
  const options = page.getByRole('region', { name: 'Options', exact: true });
  await options.getByLabel('e-Terminal', { exact: true }).uncheck();
  await options.getByRole('button', { name: 'Save the options' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The options were changed.' })).toBeVisible();
  await expect(item).toHaveCount(0);
  // Operations keeps Financial history and View transactions, which every profile reads whatever the options.
  await expect(menu.getByRole('link', { name: 'Financial history', exact: true })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'View transactions', exact: true })).toBeVisible();
  await axe('e-Terminal option off');
  const refused = await page.goto('/test/operations/new-transaction');
  expect(refused?.status()).toBe(403);

  await page.goto('/test/account');
  await page.getByRole('region', { name: 'Options', exact: true }).getByLabel('e-Terminal', { exact: true }).check();
  await page.getByRole('region', { name: 'Options', exact: true }).getByRole('button', { name: 'Save the options' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The options were changed.' })).toBeVisible();
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New transaction');
  await axe('e-Terminal option on again');
});

/** The document does not scroll sideways (WCAG 1.4.10 Reflow, as e2e/reflow.spec.ts checks every page). */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${label} scrolls sideways at 320 px`).toBeLessThanOrEqual(clientWidth);
}

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('a payment made with the keyboard alone; the form and the result reflow', async ({ page, axe }, testInfo) => {
    test.setTimeout(120_000);
    await logIn(page, DEMO_ENCODER);
    await expect(page).toHaveURL('/test/home');
    await page.goto('/test/operations/new-transaction');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New transaction');
    await expectNoSidewaysScroll(page, 'the form');
    await axe('the form at 320 px');

    const orderId = `E2E-${testInfo.project.name}-keys-${Date.now()}`;
    await page.getByLabel('Order reference (ORDERID)').focus();
    await page.keyboard.type(orderId);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Amount')).toBeFocused();
    await page.keyboard.type('42.50');
    // Currency and operation keep their first choice; e-mail and description stay empty.
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
    await expect(page.getByLabel('Card holder’s name')).toBeFocused();
    await page.keyboard.type('Jo Keys');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Card number')).toBeFocused();
    await page.keyboard.type('5399 9999 9999 9999');
    await page.keyboard.press('Tab');
    await page.keyboard.type('08/31');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Card verification code (CVC)')).toBeFocused();
    await page.keyboard.type('321');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Pay' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/result\/\d{10,}$/);
    const details = page.getByRole('region', { name: 'Details of the payment' });
    await expect(details).toContainText(orderId);
    await expect(details).toContainText('MasterCard 539999XXXXXX9999, expires 08/31');
    await expectNoSidewaysScroll(page, 'the result');
    await axe('the result at 320 px');
  });
});

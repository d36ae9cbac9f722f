import type { Page } from '@playwright/test';
import { DEMO_ENCODER, expect, expectReflow, logIn, test } from './fixtures.ts';

/**
 * N1, N2: Operations > View transactions, with and without JavaScript: an encoder of the demo
 * account pays in the e-Terminal, finds the payment by its ORDERID (with htmx the results are
 * replaced in place and the address pushed; without, the form's GET loads the page), opens the
 * order and reads its history; a wrong date gets its message beside the field with the search
 * kept. axe on every page state visited; the pages reflow at 320 px.
 */

const MAIN_MENU = 'Main menu';

/** Pays 15.00 EUR on the VISA test card through the e-Terminal; returns the result page's PAYID. */
async function payInTerminal(page: Page, orderId: string): Promise<string> {
  await page.goto('/test/operations/new-transaction');
  await page.getByLabel('Order reference (ORDERID)').fill(orderId);
  await page.getByLabel('Amount').fill('15.00');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Operation').selectOption({ label: 'Authorisation (RES)' });
  await page.getByLabel('Card holder’s name').fill('Zoë Journey');
  await page.getByLabel('Card number').fill('4111 1111 1111 1111');
  await page.getByLabel('Expiry date').fill('12/30');
  await page.getByLabel('Card verification code (CVC)').fill('123');
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/result\/\d{10,}$/);
  return page.url().split('/').at(-1) ?? '';
}

test('an encoder finds a payment made in the e-Terminal, opens it, and corrects a wrong date', async ({
  page,
  axe,
  javaScriptEnabled,
}, testInfo) => {
  test.setTimeout(120_000);
  const orderId = `E2E-VT-${testInfo.project.name}-${Date.now()}`;
  await logIn(page, DEMO_ENCODER);
  await expect(page).toHaveURL('/test/home');
  const payId = await payInTerminal(page, orderId);

  await page.getByRole('navigation', { name: MAIN_MENU }).getByRole('link', { name: 'View transactions', exact: true }).click();
  await expect(page).toHaveURL('/test/operations/transactions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('View transactions');
  await axe('view transactions, every order');

  await page.getByLabel('Order reference (ORDERID)').fill(orderId);
  await page.getByRole('checkbox', { name: 'Authorised', exact: true }).check();
  // With JavaScript, htmx asks for the search part only and pushes the address; without, the browser loads the page.
  const answered = page.waitForResponse((r) => r.url().includes(`orderId=${orderId}`));
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const fragment = (await answered).request().headers()['hx-request'] === 'true';
  expect(fragment).toBe(javaScriptEnabled);
  await expect(page).toHaveURL(new RegExp(`orderId=${orderId}`));
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 order matches your search.');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(orderId);
  await expect(table).toContainText('5 – Authorised');
  await expect(table).toContainText('VISA 411111XXXXXX1111');
  await expect(table).toContainText('Zoë Journey');
  await expect(page.getByLabel('Order reference (ORDERID)')).toHaveValue(orderId);
  await axe('one order found');

  // The address is the search: loading it again shows the same result.
  await page.reload();
  await expect(page.getByRole('table')).toContainText(orderId);

  await page.getByRole('link', { name: payId, exact: true }).click();
  await expect(page).toHaveURL(`/test/operations/transactions/${payId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${orderId}`);
  await expect(page.getByRole('region', { name: 'Card' })).toContainText('411111XXXXXX1111');
  await expect(page.getByRole('region', { name: 'Order', exact: true })).toContainText('demo.encoder');
  const history = page.getByRole('table');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText(`${payId}/0`);
  await expect(history).toContainText('RES');
  await axe('order detail');

  await page.getByRole('link', { name: 'Back to the search' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('View transactions');
  await page.getByLabel('Order reference (ORDERID)').fill(orderId);
  await page.getByLabel('Order date from').fill('2026-02-31');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Order date from: Enter a date as year-month-day');
  await expect(page.getByLabel('Order date from')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveTitle(/^Error: View transactions/);
  await expect(page.getByLabel('Order date from')).toHaveValue('2026-02-31');
  await expect(page.getByLabel('Order reference (ORDERID)')).toHaveValue(orderId);
  await expect(page.getByRole('table')).toHaveCount(0);
  await axe('a wrong date');

  await page.getByLabel('Order date from').fill('');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('table')).toContainText(orderId);
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the search, its results with an error and an order reflow', async ({ page, axe }, testInfo) => {
    test.setTimeout(120_000);
    await logIn(page, DEMO_ENCODER);
    await expect(page).toHaveURL('/test/home');
    await page.goto('/test/operations/transactions');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('View transactions');
    await expectReflow(page, 'view transactions');
    await axe('view transactions at 320 px');
    await page.goto('/test/operations/transactions?orderedFrom=2026-02-31&amountFrom=1');
    await expect(page.getByRole('alert')).toBeVisible();
    await expectReflow(page, 'view transactions with errors');
    await axe('view transactions with errors at 320 px');
    const payId = await payInTerminal(page, `E2E-VT320-${testInfo.project.name}-${Date.now()}`);
    await page.goto(`/test/operations/transactions?payId=${payId}`);
    await page.getByRole('table').getByRole('link', { name: payId, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Order E2E-VT320-/);
    await expectReflow(page, 'order detail');
    await axe('order detail at 320 px');
  });
});

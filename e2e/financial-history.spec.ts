import { financialHistoryAccount } from './financial-history-accounts.ts';
import { expect, expectReflow, logIn, test } from './fixtures.ts';

/**
 * Operations > Financial history (PRODUCT.md M1), with and without JavaScript: the account's
 * operations around the change to summer time (29 March 2026 in Brussels), filtered by dates and
 * operation type, the daily net totals as a chart and a table, the lines paged by key forward
 * and back, a wrong date refused beside its field, and the page at 320 px wide. axe on every
 * page state visited.
 */

test('the financial history lists each operation day by day with its totals, charts the daily net, and pages by key', async ({
  page,
  axe,
}, testInfo) => {
  // axe over a page of 50 lines takes a while on a busy machine.
  test.setTimeout(300_000);
  await logIn(page, financialHistoryAccount(testInfo.project.name));
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Financial history' }).click();
  await expect(page).toHaveURL('/test/operations/financial-history');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Financial history');

  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-03-28');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2026-03-31');
  await page.getByRole('button', { name: 'Show the history' }).click();
  await expect(page).toHaveURL(/\/test\/operations\/financial-history\?from=2026-03-28&to=2026-03-31/);
  await expect(page.getByRole('img', { name: 'Daily net totals in EUR', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Daily net totals in JPY', exact: true })).toBeVisible();
  const totals = page.getByRole('table', { name: 'Totals per day and currency' });
  await expect(totals.getByRole('row').filter({ hasText: 'Sun, 29/03/2026' }).getByRole('cell')).toHaveText([
    'EUR',
    '€250.00',
    '€40.00',
    '€210.00',
  ]);
  await expect(totals.getByRole('row').filter({ hasText: 'All these days' }).first().getByRole('cell')).toHaveText([
    'EUR',
    '€405.00',
    '€40.00',
    '€365.00',
  ]);
  const lines = page.getByRole('table', { name: /^Operations day by day/ });
  await expect(lines.getByRole('row').filter({ hasText: 'FH-SALE-1' })).toHaveCount(1);
  await expect(lines.getByRole('rowheader', { name: 'Total of Sun, 29/03/2026, EUR' })).toBeVisible();
  await expect(lines.getByRole('row').filter({ hasText: 'FH-SMALL-54' })).toHaveCount(0);
  await axe('financial history of four days');

  await page.getByRole('link', { name: 'Later operations' }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(lines.getByRole('row').filter({ hasText: 'FH-SMALL-54' })).toHaveCount(1);
  await expect(lines.getByRole('row').filter({ hasText: 'FH-SALE-1' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Later operations' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Earlier operations' }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(lines.getByRole('row').filter({ hasText: 'FH-SALE-1' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Earlier operations' })).toHaveCount(0);

  await page.getByLabel('Operation type').selectOption({ label: 'Refunds' });
  await page.getByRole('button', { name: 'Show the history' }).click();
  await expect(page).toHaveURL(/kind=refunds/);
  await expect(lines.getByRole('row').filter({ hasText: 'FH-SALE-2' }).getByRole('cell').nth(3)).toHaveText(
    'Partial refund (RFD)',
  );
  await expect(lines.getByRole('row').filter({ hasText: 'FH-SMALL' })).toHaveCount(0);
  await axe('financial history of refunds');

  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2026-02-31');
  await page.getByRole('button', { name: 'Show the history' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the first day as a date, for example 2026-03-01.');
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveValue('2026-02-31');
  await expect(page).toHaveTitle('Error: Financial history – Guichet');
  await axe('financial history with a wrong date');

  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/test/operations/financial-history?from=2026-03-28&to=2026-03-31');
  await expect(page.getByRole('img', { name: 'Daily net totals in EUR', exact: true })).toBeVisible();
  await expectReflow(page, 'financial history');
  await axe('financial history at 320 px');
});

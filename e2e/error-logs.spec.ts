import { frenchViewer } from './demo.ts';
import { DEMO_ADMIN, DEMO_ENCODER, expect, logIn, test } from './fixtures.ts';

/**
 * Configuration > Error logs (PRODUCT.md J1), with and without JavaScript: an unsigned DirectLink
 * request for the demo account (refused on its SHA-IN signature, before its USERID and password are
 * looked at) lands in its error log with the USERID sent, which the
 * administrator opens from the menu and filters by source; a French reader sees the reason with
 * the code's meaning in French; an encoder has no such menu entry. axe on every page state visited.
 */

test('a refused DirectLink request shows in Configuration > Error logs, filtered by source', async ({ page, axe }, testInfo) => {
  const project = testInfo.project.name;
  const orderId = `E2E-ERR-${project}-${Date.now()}`;
  const userid = `nobody.${project}`;
  const refused = await page.request.post('/ncol/test/orderdirect.asp', {
    form: {
      PSPID: DEMO_ADMIN.pspid,
      USERID: userid,
      PSWD: 'not-the-password-1',
      ORDERID: orderId,
      AMOUNT: '1500',
      CURRENCY: 'EUR',
      OPERATION: 'SAL',
    },
  });
  expect(refused.status()).toBe(200);
  expect(refused.headers()['content-type']).toMatch(/^text\/xml/);
  expect(await refused.text()).toContain('NCERROR="50001184"');

  await logIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Error logs' }).click();
  await expect(page).toHaveURL('/test/error-logs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error logs');
  const table = page.getByRole('table', { name: 'Transaction errors of the last three days, newest first' });
  const row = table.getByRole('row').filter({ hasText: orderId });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText([
    /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} CES?T$/,
    'DirectLink',
    userid,
    orderId,
    '50001184',
    'unknown order/1/s',
  ]);
  await axe('error logs');

  // Only the e-Terminal's errors: the DirectLink refusal is not among them.
  await page.getByLabel('Source').selectOption({ label: 'e-Terminal' });
  await page.getByRole('button', { name: 'Show errors' }).click();
  await expect(page).toHaveURL('/test/error-logs?source=eterminal');
  await expect(page.getByLabel('Source')).toHaveValue('eterminal');
  await expect(page.getByText(orderId)).toHaveCount(0);
  await axe('error logs of the e-Terminal');

  await page.getByLabel('Source').selectOption({ label: 'DirectLink' });
  await page.getByRole('button', { name: 'Show errors' }).click();
  await expect(page).toHaveURL('/test/error-logs?source=directlink');
  await expect(table.getByRole('row').filter({ hasText: orderId })).toHaveCount(1);
  const sources = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(sources)).toEqual(new Set(['DirectLink']));
  await axe('error logs of DirectLink');
});

test('in French, a reason the platform wrote for this request stays as stored, with the code’s meaning in French', async ({
  page,
  axe,
}, testInfo) => {
  const project = testInfo.project.name;
  const orderId = `E2E-ERR-FR-${project}-${Date.now()}`;
  const refused = await page.request.post('/ncol/test/orderdirect.asp', {
    form: {
      PSPID: DEMO_ADMIN.pspid,
      USERID: `personne.${project}`,
      PSWD: 'not-the-password-1',
      ORDERID: orderId,
      AMOUNT: '1500',
      CURRENCY: 'EUR',
      OPERATION: 'SAL',
    },
  });
  expect(await refused.text()).toContain('NCERROR="50001184"');

  await logIn(page, frenchViewer(project));
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Journaux d’erreur' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journaux d’erreur');
  const row = page
    .getByRole('table', { name: 'Erreurs de transaction des trois derniers jours, de la plus récente à la plus ancienne' })
    .getByRole('row')
    .filter({ hasText: orderId });
  const reason = row.getByRole('cell').nth(5);
  await expect(reason.locator('span[lang=en]')).toHaveText('unknown order/1/s');
  await expect(reason).toContainText('Signification du code : Signature SHA non concordante');
  await axe('error logs in French');
});

test('an encoder has no Error logs in the menu and is refused the page', async ({ page, axe }) => {
  await logIn(page, DEMO_ENCODER);
  await expect(page).toHaveURL('/test/home');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Error logs' })).toHaveCount(0);
  const response = await page.goto('/test/error-logs');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await axe('error logs refused');
});

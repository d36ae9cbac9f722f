import { expect, logIn, merchantAccount, test } from './fixtures.ts';
import { mailTo } from './outbox.ts';

/**
 * I1 (guide 3.2.9): a TEST administrator copies the account into PRODUCTION (each browser project
 * its own TEST account, e2e/seed-server-data.ts), after a refused PSPID and the review, then logs
 * in to PRODUCTION with the password the mail brought, which asks for a new one at once. axe on
 * every page; the summary also at 320 px wide.
 */
test('a TEST administrator creates the PRODUCTION account, then logs in to it with the mailed password', async ({
  page,
  axe,
}, testInfo) => {
  test.setTimeout(150_000);
  const merchant = merchantAccount(testInfo.project.name);
  // With JavaScript on the TEST PSPID as proposed; without, another one.
  const prodPspid = testInfo.project.name === 'js-on' ? merchant.pspid : `LIVE.${merchant.pspid}`;
  const heading = page.getByRole('heading', { level: 1 });

  await logIn(page, merchant);
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Create production account' }).click();
  await expect(heading).toHaveText('Create production account');
  const pspid = page.getByLabel('PSPID in PRODUCTION');
  await expect(pspid).toHaveValue(merchant.pspid);
  await expect(page.getByText(`will be sent to ${merchant.email}`)).toBeVisible();
  await axe('PSPID form');

  await pspid.fill('not a PSPID!');
  await page.getByRole('button', { name: 'Review what will be copied' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a PSPID of 2 to 30 letters');
  await expect(pspid).toHaveValue('not a PSPID!');
  await expect(page).toHaveTitle(/^Error: /);
  await axe('PSPID form with an error');

  await pspid.fill(prodPspid);
  await page.getByRole('button', { name: 'Review what will be copied' }).click();
  await expect(heading).toHaveText('Review the PRODUCTION account');
  await expect(page.getByRole('region', { name: 'Copied into PRODUCTION' })).toContainText('Administrative data');
  const notCopied = page.getByRole('region', { name: 'Not copied: to set up again in PRODUCTION' });
  await expect(notCopied).toContainText('The VAT number.');
  await expect(notCopied).toContainText('The users: the PRODUCTION account has only its default administrator.');
  await axe('review');

  await page.getByRole('button', { name: `Create the PRODUCTION account ${prodPspid}` }).click();
  await expect(heading).toHaveText(`PRODUCTION account ${prodPspid}`);
  await expect(page.getByRole('status')).toContainText('The PRODUCTION account was created.');
  await expect(page.getByRole('region', { name: 'Not copied: to set up again in PRODUCTION' })).toContainText('The options');
  await axe('summary');
  await page.setViewportSize({ width: 320, height: 640 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'the summary does not scroll sideways at 320 px').toBeLessThanOrEqual(clientWidth);
  await axe('summary at 320 px');
  await page.setViewportSize({ width: 1280, height: 720 });

  // A second creation is not offered: the page says when the account was made.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Create production account' }).click();
  const created = new RegExp(`^The PRODUCTION account ${prodPspid.replace('.', '\\.')} was created from this account on `);
  await expect(page.getByRole('heading', { level: 2, name: created })).toBeVisible();
  await expect(page.getByLabel('PSPID in PRODUCTION')).toHaveCount(0);
  await axe('already created');

  const mail = await mailTo(merchant.email);
  expect(mail.subject).toBe(`Your Guichet PRODUCTION account ${prodPspid}`);
  const initial = /Initial password: ([A-Za-z0-9]{16})/.exec(mail.text)?.[1];
  expect(initial).toBeTruthy();

  await page.getByRole('link', { name: 'Go to the PRODUCTION login' }).click();
  await expect(heading).toHaveText('Production login');
  await logIn(page, { pspid: prodPspid, password: initial ?? '' }, { env: 'prod' });
  await expect(heading).toHaveText('Choose a new password');
  await axe('forced password change in PRODUCTION');
  const own = `Live-choice-${testInfo.project.name}-2026`;
  await page.getByLabel('New password', { exact: true }).fill(own);
  await page.getByLabel('Confirm the new password').fill(own);
  await page.getByRole('button', { name: 'Change password' }).click();
  // Checking and hashing the new password takes a few seconds on a busy machine.
  await expect(page).toHaveURL('/prod/home', { timeout: 20_000 });
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await expect(menu.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Create production account' })).toHaveCount(0);
  await page.goto('/prod/account/production');
  await expect(heading).toHaveText('Page not found');
});

import { accountPageAccount } from './account-page-accounts.ts';
import { expect, logIn, test } from './fixtures.ts';

/**
 * Configuration > Technical information (F1), with and without JavaScript: the tabs by keyboard
 * (Tab to the tab list, follow a tab, reach a setting's "i" help and read it), the DirectLink
 * checks refused then saved, and a generated passphrase shown once, then replaced only after its
 * confirmation page (Cancel first, then Confirm). Each browser project uses its
 * own TEST account (e2e/account-page-accounts.ts; the account page's journey changes only the
 * account's row, never its technical settings). axe on every page state visited.
 */

test('the tabs by keyboard, a setting’s "i" help, and the DirectLink checks saved', async ({ page, axe }, testInfo) => {
  test.setTimeout(120_000);
  const account = accountPageAccount(testInfo.project.name);
  await logIn(page, account);
  await expect(page).toHaveURL('/test/home');
  await page
    .getByRole('navigation', { name: 'Main menu' })
    .getByRole('link', { name: 'Technical information', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technical information');
  await expect(page).toHaveURL('/test/technical-information');
  await axe('technical information');

  // Tab to the tab list, then along it to "Data and origin verification", and follow it.
  const tabs = page.getByRole('navigation', { name: 'Tabs of this page' });
  const firstTab = tabs.getByRole('link', { name: 'Global transaction parameters' });
  for (let presses = 0; presses < 60 && !(await firstTab.evaluate((link) => link === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(firstTab).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const verification = tabs.getByRole('link', { name: 'Data and origin verification' });
  await expect(verification).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/test/technical-information#technical-verification');

  // The next Tab starts from the tab's section: its first setting, then that setting's "i".
  await page.keyboard.press('Tab');
  const referrers = page.getByRole('textbox', { name: 'Allowed referrer addresses' });
  await expect(referrers).toBeFocused();
  await page.keyboard.press('Tab');
  const help = page.locator('#technical-ecommerce-checks details.info-help summary').first();
  await expect(help).toBeFocused();
  await expect(help).toHaveAccessibleName('Help: Allowed referrer addresses');
  const helpText = page.locator('#technical-ecommerce-referrer-urls-info');
  await expect(helpText).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(helpText).toBeVisible();
  await expect(helpText).toContainText('The pages of your shop that send payers to the payment page');
  await axe('a help text open');

  // The DirectLink checks: a wrong address refused beside the field, what was typed kept.
  const directLink = page.getByRole('region', { name: 'Data and origin verification: checks for DirectLink & Batch' });
  const ips = directLink.getByRole('textbox', { name: 'Allowed IP addresses' });
  await ips.fill('192.0.2.10, server.example.com');
  await directLink.getByRole('button', { name: 'Save the DirectLink checks' }).click();
  await expect(directLink.getByRole('alert')).toContainText('Allowed IP addresses: Enter IPv4 or IPv6 addresses only');
  await expect(page.getByRole('region', { name: /checks for DirectLink/ }).getByLabel('Allowed IP addresses')).toHaveValue(
    '192.0.2.10, server.example.com',
  );
  await expect(page).toHaveTitle(/^Error: Technical information/);
  await axe('DirectLink checks refused');

  const again = page.getByRole('region', { name: /checks for DirectLink/ });
  await again.getByLabel('Allowed IP addresses').fill('192.0.2.10, 2001:DB8::0:1');
  await again.getByRole('button', { name: 'Save the DirectLink checks' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The DirectLink checks were saved.' })).toBeVisible();
  await expect(page).toHaveURL('/test/technical-information');
  await expect(page.getByRole('region', { name: /checks for DirectLink/ }).getByLabel('Allowed IP addresses')).toHaveValue(
    '192.0.2.10\n2001:db8::1',
  );
  await axe('DirectLink checks saved');
});

test('a generated SHA-OUT passphrase is shown once, then the page says only "Set"', async ({ page, axe }, testInfo) => {
  test.setTimeout(120_000);
  const account = accountPageAccount(testInfo.project.name);
  await logIn(page, account);
  await expect(page).toHaveURL('/test/home');
  await page.goto('/test/technical-information#technical-feedback');
  const feedback = page.getByRole('region', { name: 'Transaction feedback' });
  await feedback.getByRole('button', { name: 'Generate a new SHA-OUT passphrase' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your new passphrase');
  const shown = (await page.locator('#generated-passphrase').textContent()) ?? '';
  expect(shown).toMatch(/^[A-Za-z0-9]{32}$/);
  await axe('generated passphrase');

  await page.getByRole('link', { name: 'Back to Technical information' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technical information');
  await expect(page.locator('#technical-feedback-passphrase-status')).toHaveText('SHA-OUT passphrase: Set');
  expect(await page.content()).not.toContain(shown);

  // Now that one is set, "generate" asks first; Cancel goes back and changes nothing.
  const generateAgain = () =>
    page.getByRole('region', { name: 'Transaction feedback' }).getByRole('button', { name: 'Generate a new SHA-OUT passphrase' });
  await generateAgain().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Replace the SHA-OUT passphrase of ${account.pspid}?`);
  await expect(page.locator('#replace-passphrase-warning')).toContainText('Feedback signed with the current passphrase stops');
  expect(await page.content()).not.toMatch(/id="generated-passphrase"/);
  await axe('replace passphrase confirmation');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technical information');
  await expect(page).toHaveURL('/test/technical-information#technical-feedback');

  // Confirm replaces it: a new passphrase, shown once.
  await generateAgain().click();
  await page.getByRole('button', { name: 'Replace the passphrase' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your new passphrase');
  const replaced = (await page.locator('#generated-passphrase').textContent()) ?? '';
  expect(replaced).toMatch(/^[A-Za-z0-9]{32}$/);
  expect(replaced).not.toBe(shown);
});

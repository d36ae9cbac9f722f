import { expect, test } from './fixtures.ts';

test('"Password forgotten?" answers the same whatever is entered', async ({ page, axe }) => {
  await page.goto('/test/login');
  await page.getByRole('link', { name: 'Password forgotten?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Password forgotten');
  await axe('forgotten-password page');
  await page.getByRole('button', { name: 'Send a one-time password' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter your PSPID.');
  await axe('forgotten-password page with an error');
  await page.getByLabel('PSPID', { exact: true }).fill('NO-SUCH-ACCOUNT');
  await page.getByRole('button', { name: 'Send a one-time password' }).click();
  await expect(page.getByRole('status')).toContainText('If the details match an active user with an e-mail address');
  await page.getByRole('link', { name: 'Back to the login' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TEST login');
});

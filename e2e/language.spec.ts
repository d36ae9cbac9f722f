import { expect, test } from './fixtures.ts';

test('the login page switches to French and back', async ({ page, axe }) => {
  await page.goto('/test/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TEST login');

  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
  await page.getByRole('button', { name: 'Change language' }).click();
  await expect(page).toHaveURL('/test/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identification TEST');
  await expect(page).toHaveTitle('Identification TEST – Guichet');
  await expect(page.getByRole('region', { name: 'Connexion avec votre PSPID' }).getByLabel('Mot de passe')).toBeVisible();
  await axe('French login');

  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identification TEST');

  await page.getByLabel('Langue', { exact: true }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Changer de langue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TEST login');
});

test('after a language switch the page declares its new language (html lang)', async ({ page }) => {
  await page.goto('/test/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
  await page.getByRole('button', { name: 'Change language' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identification TEST');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr', { timeout: 2_000 });
});

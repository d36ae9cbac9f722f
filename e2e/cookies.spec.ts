import { expect, test } from './fixtures.ts';

test('cookie settings: the level chosen is saved and shown again', async ({ page, axe }) => {
  await page.goto('/test/login');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' }).click();
  await expect(page).toHaveURL('/test/cookies');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cookie settings');
  await expect(page.getByText('You have not chosen a level yet, so the default level applies: Optimised.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Optimised' })).toBeChecked();
  // Every cookie Guichet sets is listed.
  const table = page.getByRole('table', { name: 'Cookies set by Guichet, with their purpose and lifetime' });
  for (const name of ['guichet_test_session', 'guichet_prod_session', 'guichet_lang', 'guichet_cookie_consent']) {
    await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible();
  }
  await axe('cookie settings');

  await page.getByLabel('Functional', { exact: true }).check();
  await page.getByRole('button', { name: 'Save my choice' }).click();
  await expect(page).toHaveURL('/test/cookies');
  await expect(page.getByRole('status')).toHaveText('Your cookie settings have been saved.');
  await expect(page.getByText('Your saved level: Functional.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Functional' })).toBeChecked();
  await axe('cookie settings saved');

  // The choice is remembered on the next visit.
  await page.reload();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Functional' })).toBeChecked();
  await expect(page.getByText('Your saved level: Functional.')).toBeVisible();
});

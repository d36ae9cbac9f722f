import { expect, test } from './fixtures.ts';

test('an unknown address shows "Page not found" with status 404', async ({ page, axe }) => {
  const response = await page.goto('/test/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle(/^Page not found/);
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/test/login');
  await axe('404 page');
});

import { DEMO_ADMIN, expect, expectHome, logIn, test } from './fixtures.ts';

test('the TEST login links to the Production login', async ({ page, axe }) => {
  await page.goto('/test/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TEST login');
  await expect(page.getByText('Environment: TEST')).toBeVisible();
  await axe('TEST login');

  await page.getByRole('link', { name: 'Go to the Production login' }).click();
  await expect(page).toHaveURL('/prod/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Production login');
  await expect(page.getByText('Environment: PRODUCTION')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the TEST login' })).toBeVisible();
  await axe('Production login');
});

test('a TEST session does not open Production pages', async ({ page, axe }) => {
  await logIn(page, DEMO_ADMIN);
  await expectHome(page, DEMO_ADMIN);

  await page.goto('/prod/home');
  await expect(page).toHaveURL('/prod/login?next=%2Fprod%2Fhome');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Production login');
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  await axe('Production login after a redirect');

  // The TEST session itself is untouched.
  await page.goto('/test/home');
  await expectHome(page, DEMO_ADMIN);
});

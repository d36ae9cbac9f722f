import { DEMO_ADMIN, expect, logIn, test } from './fixtures.ts';

/**
 * After a form error the page title starts with "Error: " (WCAG 2.4.2 and 3.3.1): the server
 * writes it into whole pages; with JavaScript, htmx swaps only the form's fragment, so app.js sets
 * it, and takes it away when the page has no error summary any more. Runs with and without JavaScript.
 */
test('the title says "Error: " after a mistake in the password, two-factor and user forms, and stops once it is fixed', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await logIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL('/test/home');

  // Password: nothing typed, refused before any check of the password (no attempt counted).
  await page.goto('/test/password');
  await expect(page).toHaveTitle('Password – Guichet');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveTitle('Error: Password – Guichet');

  // Two-factor setup: make a QR code if the page asks for it first, then confirm with nothing typed.
  await page.goto('/test/password/otp');
  await expect(page).toHaveTitle('One-time password configuration – Guichet');
  const setUp = page.locator('form[action$="/password/otp/setup"] button[type="submit"]');
  if ((await setUp.count()) > 0) {
    await setUp.click();
    await expect(page.locator('[data-otp-secret]')).toBeVisible();
  }
  await page.locator('form[action$="/password/otp/activate"] button[type="submit"]').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveTitle('Error: One-time password configuration – Guichet');

  // A user's details, edited in place: no error, an error, then fixed and saved.
  await page.goto('/test/users');
  await page.getByRole('link', { name: 'demo.encoder', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('demo.encoder');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expect(page).toHaveTitle(/^demo\.encoder – /);
  const name = await page.getByLabel('Name').inputValue();
  await page.getByLabel('Name').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveTitle(/^Error: demo\.encoder – /);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Save changes' }).click();
  // The same values as before: saved as they were ("Nothing was changed."), on the user's page.
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page).toHaveTitle(/^demo\.encoder – /);
});

import { expect, journeyUser, logIn, logOut, test } from './fixtures.ts';

test('changing the password: the rules, a mistake beside its field, then the new password works', async ({
  page,
  axe,
}, testInfo) => {
  const user = journeyUser('pw', testInfo.project.name);
  const next = `Blue-harbour-${testInfo.project.name}-77`;
  await logIn(page, user);
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Password' }).click();
  await expect(page.getByRole('heading', { name: 'Password rules' })).toBeVisible();

  await page.getByLabel('Current password').fill(user.password);
  await page.getByLabel('New password', { exact: true }).fill('too-short-1');
  await page.getByLabel('Confirm the new password').fill('too-short-1');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a password of at least 12 characters.');
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('New password', { exact: true })).toHaveValue('');
  await axe('password page with an error');

  await page.getByLabel('Current password').fill(user.password);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm the new password').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL('/test/home');
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  await axe('home after the change');

  await logOut(page);
  await logIn(page, { ...user, password: next });
  await expect(page).toHaveURL('/test/home');
});

test('a system-issued password leads straight to choosing one’s own', async ({ page, axe }, testInfo) => {
  const user = journeyUser('new', testInfo.project.name);
  await logIn(page, user);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toHaveCount(0);
  await axe('forced change');
  await page.goto('/test/support');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  const next = `Green-meadow-${testInfo.project.name}-42`;
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm the new password').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL('/test/home');
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
});

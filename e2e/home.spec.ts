import { expect, journeyUser, logIn, test } from './fixtures.ts';

test('Home lists what needs attention, each block with its heading and a link that says where it goes, in English and French', async ({
  page,
  axe,
}, testInfo) => {
  // A user whose password is 80 days old (the notice starts 14 days before 90), without 2FA.
  const user = journeyUser('home', testInfo.project.name);
  await logIn(page, { ...user, password: 'not the password 1' });
  await expect(page.getByRole('alert')).toBeVisible();
  await logIn(page, user);
  await expect(page).toHaveURL('/test/home');

  const attention = page.getByRole('region', { name: 'Needs your attention' });
  await expect(attention.getByRole('heading', { level: 3 })).toHaveText([
    'Failed login attempts',
    'Your password expires soon',
    'Two-factor authentication is not set up',
  ]);
  const failed = attention.getByRole('region', { name: 'Failed login attempts' });
  await expect(failed).toContainText('There was 1 failed login attempt on your user since your previous login.');
  await expect(failed.getByRole('link', { name: 'Change your password' })).toHaveAttribute('href', '/test/password');
  const expiry = attention.getByRole('region', { name: 'Your password expires soon' });
  await expect(expiry).toContainText(/Your password expires on \d\d\/\d\d\/\d{4}/);
  await expect(attention).not.toContainText('Everything is in order');
  await axe('home with three blocks');

  await page.screenshot({ path: testInfo.outputPath('home-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('home-320.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await attention
    .getByRole('region', { name: 'Two-factor authentication is not set up' })
    .getByRole('link', { name: 'Set up two-factor authentication' })
    .click();
  await expect(page).toHaveURL('/test/password/otp');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page).toHaveURL('/test/home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${user.name}`);
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Français' });
  await page.getByRole('button', { name: 'Change language' }).click();
  const enAttente = page.getByRole('region', { name: 'À traiter' });
  await expect(enAttente.getByRole('heading', { level: 3 })).toHaveText([
    'Tentatives de connexion échouées',
    'Votre mot de passe expire bientôt',
    'L’authentification à deux facteurs n’est pas configurée',
  ]);
  await expect(enAttente.getByRole('link', { name: 'Configurer l’authentification à deux facteurs' })).toBeVisible();
  await axe('home in French');
  await page.screenshot({ path: testInfo.outputPath('home-fr-1280.png'), fullPage: true });
  await page.getByLabel('Langue', { exact: true }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Changer de langue' }).click();
  await expect(page.getByRole('region', { name: 'Needs your attention' })).toBeVisible();
});

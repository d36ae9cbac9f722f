import { expect, journeyUser, logIn, test } from './fixtures.ts';
import { Authenticator } from './totp.ts';

test('two-factor authentication: turn on with the QR code’s key, log in with a code, turn off', async ({
  page,
  axe,
}, testInfo) => {
  test.setTimeout(120_000);
  const user = journeyUser('otp', testInfo.project.name);
  await logIn(page, user);
  await expect(page).toHaveURL('/test/home');

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Password');
  await axe('password page');
  await page.getByRole('link', { name: /One-time password configuration/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One-time password configuration');
  await expect(page.getByRole('img', { name: /QR code for your authenticator app/ })).toBeVisible();
  await axe('setup page');

  // The key as text, for people who cannot scan: read it and compute codes like an app would.
  const secret = await page.locator('[data-otp-secret]').getAttribute('data-otp-secret');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const app = new Authenticator(secret!);
  const setup = page.getByRole('region', { name: 'Turn on two-factor authentication' });

  await setup.getByLabel('Code from the app').fill('000000');
  await setup.getByLabel('Your password').fill(user.password);
  await setup.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('alert')).toContainText('The code or the password is not correct');
  await axe('setup page with an error');

  await setup.getByLabel('Code from the app').fill(await app.nextCode());
  await setup.getByLabel('Your password').fill(user.password);
  await setup.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery codes');
  await expect(page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await axe('recovery codes');
  await page.getByRole('link', { name: 'I have kept my codes – continue' }).click();
  await expect(page.getByText(/Two-factor authentication is on for your user/)).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL('/test/login');
  await logIn(page, user);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your code');
  await axe('code page');
  await page.goto('/test/home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your code', { useInnerText: true });
  await page.getByLabel('Code from the app, or a recovery code').fill(await app.nextCode());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL('/test/home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${user.name}`);

  await page.goto('/test/password/otp');
  const off = page.getByRole('region', { name: 'Turn off two-factor authentication' });
  await off.getByLabel('Code from the app').fill(await app.nextCode());
  await off.getByLabel('Your password').fill(user.password);
  await off.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Two-factor authentication is off.' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await axe('setup page after turning off');
});

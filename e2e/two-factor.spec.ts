import { expect, journeyUser, logIn, logOut, test } from './fixtures.ts';
import { Authenticator } from './totp.ts';

test('two-factor authentication: set up with the QR code’s key, log in with a code, switch off with a recovery code', async ({
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
  // Looking at the page makes no QR code: the button does.
  await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);
  await axe('one-time password page before setup');
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await expect(page).toHaveURL('/test/password/otp');
  await expect(page.getByRole('img', { name: /QR code for your authenticator app/ })).toBeVisible();
  await axe('setup page');

  // The key as text, for people who cannot scan: read it and compute codes like an app would.
  const secret = await page.locator('[data-otp-secret]').getAttribute('data-otp-secret');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.reload();
  expect(await page.locator('[data-otp-secret]').getAttribute('data-otp-secret')).toBe(secret);
  const app = new Authenticator(secret!);
  const setup = page.getByRole('region', { name: 'Set up two-factor authentication' });

  await setup.getByLabel('Code from the app').fill('000000');
  await setup.getByLabel('Your password').fill(user.password);
  await setup.getByRole('button', { name: 'Switch on two-factor authentication' }).click();
  await expect(page.getByRole('alert')).toContainText('The code or the password is not correct');
  await axe('setup page with an error');

  await setup.getByLabel('Code from the app').fill(await app.nextCode());
  await setup.getByLabel('Your password').fill(user.password);
  await setup.getByRole('button', { name: 'Switch on two-factor authentication' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery codes');
  const codes = page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allInnerTexts();
  await axe('recovery codes');
  await page.getByRole('link', { name: 'I have kept my codes: back to the one-time password page' }).click();
  await expect(page.getByText(/Two-factor authentication is on for your user/)).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);

  await logOut(page);
  await logIn(page, user);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your code');
  await axe('code page');
  await page.goto('/test/home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your code', { useInnerText: true });
  // A recovery code with a character missing: the message names both kinds of code.
  await page.getByLabel('Code from the app, or a recovery code').fill(recoveryCodes[1]!.trim().slice(0, -1));
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the 6-digit code from your app or one of your recovery codes.');
  await axe('code page with an error');
  await page.getByLabel('Code from the app, or a recovery code').fill(await app.nextCode());
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL('/test/home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${user.name}`);

  // A lost phone: a recovery code and the password switch it off.
  await page.goto('/test/password/otp');
  const off = page.getByRole('region', { name: 'Switch off two-factor authentication' });
  await off.getByLabel('Code from the app, or a recovery code').fill(recoveryCodes[0]!.trim());
  await off.getByLabel('Your password').fill(user.password);
  await off.getByRole('button', { name: 'Switch off two-factor authentication' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Two-factor authentication is off.' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Set up two-factor authentication' })).toBeVisible();
  await axe('one-time password page after switching off');
});

import { DEMO_ADMIN, expect, logIn, test } from './fixtures.ts';
import { mailTo } from './outbox.ts';
import { Authenticator } from './totp.ts';

test('an administrator manages a user from creation to deactivation', async ({
  page,
  browser,
  axe,
  javaScriptEnabled,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const userid = `made.${testInfo.project.name}`;
  const email = `${userid}@example.test`;
  await logIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
  await axe('users list');

  await page.getByRole('link', { name: 'New user' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New user');
  await page.getByRole('button', { name: 'Create the user' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a USERID of 3 to 20 letters');
  await axe('new user with errors');
  await page.getByLabel('USERID').fill(userid);
  await page.getByLabel('Name').fill('Made In Test');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Profile').selectOption({ label: 'Viewer' });
  await page.getByRole('button', { name: 'Create the user' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(userid);
  await expect(page.getByRole('status')).toContainText('Their initial password was sent');
  await axe('user page');
  const userPage = page.url();

  const mail = await mailTo(email);
  expect(mail.subject).toBe('Your Guichet user');
  const initial = /Initial password: ([A-Za-z0-9]{16})/.exec(mail.text)?.[1];
  expect(initial).toBeTruthy();

  const theirs = await browser.newContext({ javaScriptEnabled, baseURL });
  const them = await theirs.newPage();
  await logIn(them, { userid, pspid: 'DEMO', password: initial! });
  await expect(them.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  const own = `Own-choice-${testInfo.project.name}-31`;
  await them.getByLabel('New password', { exact: true }).fill(own);
  await them.getByLabel('Confirm the new password').fill(own);
  await them.getByRole('button', { name: 'Change password' }).click();
  await expect(them).toHaveURL('/test/home');
  const theirMenu = them.getByRole('navigation', { name: 'Main menu' });
  await expect(theirMenu.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Profile').selectOption({ label: 'Admin' });
  await axe('edit form');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText('The changes were saved.');
  await them.goto('/test/home');
  await expect(theirMenu.getByRole('link', { name: 'Users' })).toBeVisible();

  await them.goto('/test/password/otp');
  await them.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  const secret = await them.locator('[data-otp-secret]').getAttribute('data-otp-secret');
  const setup = them.getByRole('region', { name: 'Set up two-factor authentication' });
  await setup.getByLabel('Code from the app').fill(await new Authenticator(secret!).nextCode());
  await setup.getByLabel('Your password').fill(own);
  await setup.getByRole('button', { name: 'Switch on two-factor authentication' }).click();
  await expect(them.getByRole('heading', { level: 1 })).toHaveText('Your recovery codes');

  await page.goto(userPage);
  await page.getByRole('link', { name: 'Switch off two-factor authentication' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Switch off two-factor authentication for ${userid}?`);
  await axe('confirmation');
  await page.getByRole('button', { name: `Switch off two-factor authentication for ${userid}` }).click();
  await expect(page.getByRole('status')).toContainText('Two-factor authentication was switched off');
  await them.goto('/test/home');
  await expect(them.getByRole('heading', { level: 1 })).toHaveText('TEST login');

  await page.getByRole('link', { name: 'Deactivate' }).click();
  await page.getByRole('button', { name: `Deactivate ${userid}` }).click();
  await expect(page.getByRole('status')).toContainText('The user was deactivated.');
  await expect(page.getByText('Inactive')).toBeVisible();
  await logIn(them, { userid, pspid: 'DEMO', password: own });
  await expect(them.getByRole('alert')).toContainText('The login details are not correct');
  await theirs.close();
});

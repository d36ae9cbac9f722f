import { DEMO_ADMIN, expect, journeyUser, logIn, test } from './fixtures.ts';
import { createUser, heading, reloadsAsItself } from './reload-helpers.ts';
import { Authenticator } from './totp.ts';

/**
 * Issue 8, item 12, with JavaScript (the js-on project only, playwright.config.ts): htmx posts every
 * form and the address bar shows what the answer says: after each form's error and each success, a
 * reload must show the same page (never a 404 of a POST-only address, never the action offered
 * again), with what was typed after an error.
 */
test.describe('with JavaScript, every form reloads as the same page', () => {
  test('users: a refused new user keeps what was typed; a password shown once is not shown again, nor offered again', async ({
    page,
    axe,
  }, testInfo) => {
    test.setTimeout(120_000);
    const project = testInfo.project.name;
    await logIn(page, DEMO_ADMIN);
    await expect(page).toHaveURL('/test/home');

    await createUser(page, { userid: 'a b', name: 'Typed Before Reload' });
    await expect(page.getByRole('alert')).toContainText('USERID: Enter a USERID');
    await expect(page).toHaveURL(/\/test\/users\/new\?failed=/);
    await reloadsAsItself(page, 'New user');
    await expect(page.getByRole('alert')).toContainText('USERID: Enter a USERID');
    await expect(page.getByLabel('Name')).toHaveValue('Typed Before Reload');
    await axe('new user with errors, reloaded');

    const userid = `reload.shown.${project}`;
    await createUser(page, { userid, name: 'Shown Once' });
    await expect(heading(page)).toHaveText(userid);
    await expect(page.locator('code.shown-password')).toBeVisible();
    await expect(page).toHaveURL(/\/test\/users\/[0-9a-f-]{36}$/);
    await reloadsAsItself(page, userid);
    await expect(page.locator('code.shown-password')).toHaveCount(0);

    await page.getByRole('link', { name: 'Send a new password' }).click();
    await page.getByRole('button', { name: `Send a new password to ${userid}` }).click();
    await expect(page.locator('code.shown-password')).toBeVisible();
    await expect(page).toHaveURL(/\/test\/users\/[0-9a-f-]{36}$/);
    await reloadsAsItself(page, userid);
    await expect(page.locator('code.shown-password')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Send a new password/ })).toHaveCount(0);

    // The edit form swaps its own section: a reload shows it again with its error and what was typed.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name').fill('');
    await page.getByLabel('E-mail address').fill('typed.before.reload@example.test');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('alert')).toContainText('Name: Enter the user’s name.');
    await expect(page).toHaveURL(/\/test\/users\/[0-9a-f-]{36}\/edit\?failed=/);
    await reloadsAsItself(page, userid);
    await expect(page.getByRole('alert')).toContainText('Name: Enter the user’s name.');
    await expect(page.getByLabel('E-mail address')).toHaveValue('typed.before.reload@example.test');
    await page.getByLabel('Name').fill('Saved Name');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status')).toContainText('The changes were saved.');
    await reloadsAsItself(page, userid);
  });

  test('password: a refused API user’s password reloads as the password page (it was a 404)', async ({ page }, testInfo) => {
    const apiUser = `reload.api.${testInfo.project.name}`;
    await logIn(page, DEMO_ADMIN);
    await expect(page).toHaveURL('/test/home');
    await createUser(page, { userid: apiUser, name: 'Reload API', api: true });
    await expect(heading(page)).toHaveText(apiUser);

    await page.goto('/test/password');
    const apiForm = page.getByRole('region', { name: 'Password of an API user' });
    await apiForm.getByLabel('API user (USERID)').selectOption({ label: apiUser });
    await apiForm.getByLabel('New password', { exact: true }).fill('Tulip-garden-2026-reload');
    await apiForm.getByLabel('Confirm the new password').fill('Something-else-2026');
    await apiForm.getByRole('button', { name: 'Set the API user’s password' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await reloadsAsItself(page, 'Password');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(apiForm.getByLabel('API user (USERID)')).toHaveValue(/.+/);

    // The change-password form's own error: the API user's is still on the page.
    await page.getByRole('button', { name: 'Change password' }).click();
    const changeForm = page.getByRole('region', { name: 'Change password' });
    await expect(changeForm.getByRole('alert')).toBeVisible();
    await reloadsAsItself(page, 'Password');
    await expect(changeForm.getByRole('alert')).toBeVisible();
  });

  test('two-factor authentication: each form’s error, and the recovery codes shown once', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const user = journeyUser('reload', testInfo.project.name);
    await logIn(page, user);
    await expect(page).toHaveURL('/test/home');
    await page.goto('/test/password/otp');
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secret = await page.locator('[data-otp-secret]').getAttribute('data-otp-secret');
    const app = new Authenticator(secret!);
    const setup = page.getByRole('region', { name: 'Set up two-factor authentication' });

    await setup.getByLabel('Code from the app').fill('000000');
    await setup.getByLabel('Your password').fill(user.password);
    await setup.getByRole('button', { name: 'Switch on two-factor authentication' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await reloadsAsItself(page, 'One-time password configuration');

    await setup.getByLabel('Code from the app').fill(await app.nextCode());
    await setup.getByLabel('Your password').fill(user.password);
    await setup.getByRole('button', { name: 'Switch on two-factor authentication' }).click();
    await expect(heading(page)).toHaveText('Your recovery codes');
    const codes = await page.locator('ul.recovery-codes li').allTextContents();
    // Shown once: a reload shows the page they were made from, without them.
    await page.reload();
    await expect(page).toHaveURL('/test/password/otp');
    await expect(heading(page)).toHaveText('One-time password configuration');
    await expect(page.locator('ul.recovery-codes')).toHaveCount(0);
    expect(codes.length).toBe(10);

    for (const region of ['Recovery codes', 'Switch off two-factor authentication']) {
      const form = page.getByRole('region', { name: region, exact: true });
      await form.getByLabel('Code from the app, or a recovery code').fill('000000');
      await form.getByLabel('Your password').fill('not the password');
      await form.getByRole('button').click();
      // This form's own error summary: the page may still show the previous form's, and waiting
      // for any alert would read the address before htmx has shown this answer (and its mark).
      await expect(form.getByRole('alert')).toBeVisible();
      await reloadsAsItself(page, 'One-time password configuration');
      await expect(form.getByRole('alert')).toBeVisible();
    }

    const off = page.getByRole('region', { name: 'Switch off two-factor authentication' });
    await off.getByLabel('Code from the app, or a recovery code').fill(codes[0]!.trim());
    await off.getByLabel('Your password').fill(user.password);
    await off.getByRole('button').click();
    await expect(page.getByRole('status')).toBeVisible();
    await reloadsAsItself(page, 'One-time password configuration');
  });

  test('before login: a refused login and a refused “Password forgotten?” reload as themselves', async ({ page }) => {
    await page.goto('/test/login');
    await page.getByRole('region', { name: 'Log in with your PSPID' }).getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toContainText('PSPID: Enter your PSPID.');
    await reloadsAsItself(page, 'TEST login');
    await expect(page.getByRole('alert')).toContainText('PSPID: Enter your PSPID.');

    await page.goto('/test/password/forgotten');
    await page.getByLabel('USERID').fill('typed.userid');
    await page.getByRole('button', { name: 'Send a one-time password' }).click();
    await expect(page.getByRole('alert')).toContainText('PSPID: Enter your PSPID.');
    await reloadsAsItself(page, 'Password forgotten');
    await expect(page.getByLabel('USERID')).toHaveValue('typed.userid');
  });
});

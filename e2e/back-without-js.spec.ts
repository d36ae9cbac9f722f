import { DEMO_ADMIN, expect, logIn, test } from './fixtures.ts';
import { createUser, heading } from './reload-helpers.ts';

/**
 * Issue 8, item 12, without JavaScript (the js-off project only, playwright.config.ts): Back after a
 * refused form must never land on the browser's "Confirm form resubmission" page (decision record
 * 0006: a refused form is redirected to its own page).
 */
test.describe('without JavaScript, Back after a refused form shows a page, never a resubmission', () => {
  test('two refusals then Back, and a refusal, a success then Back', async ({ page }, testInfo) => {
    await logIn(page, DEMO_ADMIN);
    await expect(page).toHaveURL('/test/home');

    await createUser(page, { userid: 'a b', name: 'First Try' });
    await expect(page.getByRole('alert')).toContainText('USERID: Enter a USERID');
    await page.getByRole('button', { name: 'Create the user' }).click();
    await expect(page.getByRole('alert')).toContainText('USERID: Enter a USERID');
    // Back: the first refusal's page (a GET), not a "Confirm form resubmission" page.
    await page.goBack();
    await expect(heading(page)).toHaveText('New user');
    await expect(page.getByLabel('USERID')).toBeVisible();

    const userid = `reload.back.${testInfo.project.name}`;
    await createUser(page, { userid: 'a b', name: 'Then Right' });
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByLabel('USERID').fill(userid);
    await page.getByRole('button', { name: 'Create the user' }).click();
    await expect(heading(page)).toHaveText(userid);
    await page.goBack();
    await expect(heading(page)).toHaveText('New user');

    await page.goto('/test/password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByRole('link', { name: 'Support' }).first().click();
    await page.goBack();
    await expect(heading(page)).toHaveText('Password');
    await page.reload();
    await expect(heading(page)).toHaveText('Password');
  });
});

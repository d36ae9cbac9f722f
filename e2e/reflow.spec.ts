import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_ADMIN, expect, expectReflow, logIn, logOut, merchantAccount, test } from './fixtures.ts';

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels wide nothing but data tables (in their own scrolling box)
 * may need a sideways scroll, and axe's target-size rule (WCAG 2.5.8, run by the wcag22aa tag of
 * the axe fixture) holds at that width too. Every page is visited signed out or as the DEMO
 * administrator, the forms also after an error.
 */
test.use({ viewport: { width: 320, height: 640 } });

/** Every checkbox and radio button is a target of at least 24 × 24 CSS pixels (WCAG 2.5.8, without relying on spacing). */
async function expectTargetSizes(page: Page, label: string) {
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]'))
      .map((input) => ({ id: input.id, box: input.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
      .map(({ id, box }) => `#${id} is ${box.width} × ${box.height} px`),
  );
  expect.soft(small, `${label}: checkboxes and radio buttons under 24 × 24 px`).toEqual([]);
}

/** Checks the page once its heading is shown: reflow and target sizes first, then axe (target-size rule included). */
async function check(page: Page, axe: (label?: string) => Promise<void>, label: string, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectReflow(page, label);
  await expectTargetSizes(page, label);
  await axe(label);
}

test('signed out: the login pages, the forgotten-password form and the error pages reflow at 320 px', async ({ page, axe }) => {
  test.setTimeout(120_000);
  await page.goto('/test/login');
  await check(page, axe, 'login', 'TEST login');
  // An empty form is refused before any attempt is counted.
  await page.getByRole('region', { name: 'Log in with your PSPID' }).getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, axe, 'login with an error', 'TEST login');

  await page.goto('/prod/login');
  await check(page, axe, 'production login', 'Production login');

  await page.goto('/test/password/forgotten');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const forgotten = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  await check(page, axe, 'forgotten password', forgotten);
  await page.locator('main form button[type="submit"]').first().click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, axe, 'forgotten password with an error', forgotten);

  await page.goto('/test/cookies');
  await check(page, axe, 'cookie settings', 'Cookie settings');

  await page.goto('/test/no-such-page');
  await check(page, axe, 'page not found', 'Page not found');
});

test('signed in: home, password, two-factor and support pages reflow at 320 px', async ({ page, axe }) => {
  test.setTimeout(180_000);
  await logIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL('/test/home');
  await check(page, axe, 'home', `Welcome, ${DEMO_ADMIN.name}`);

  await page.goto('/test/password');
  await check(page, axe, 'password', 'Password');
  // Nothing typed: refused by the form's own rules, no attempt counted.
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, axe, 'password with an error', 'Password');

  await page.goto('/test/password/otp');
  await check(page, axe, 'one-time password configuration', 'One-time password configuration');
  await expect(page.getByRole('checkbox')).toBeVisible();
  // The QR code and its form: made by a button where looking at the page makes nothing (decision 0010).
  const setUp = page.locator('form[action$="/password/otp/setup"] button[type="submit"]');
  if ((await setUp.count()) > 0) await setUp.click();
  await expect(page.locator('[data-otp-secret]')).toBeVisible();
  await check(page, axe, 'one-time password QR code', 'One-time password configuration');
  await page.locator('form[action$="/password/otp/activate"] button[type="submit"]').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, axe, 'one-time password with an error', 'One-time password configuration');

  for (const [path, heading] of [
    ['/test/support', 'Support'],
    ['/test/support/manuals', /manual/i],
    ['/test/support/faq', /question/i],
    ['/test/support/version', /version/i],
    ['/test/support/profiles', /profile/i],
    ['/test/support/contact', /contact/i],
    ['/test/cookies', 'Cookie settings'],
  ] as const) {
    await page.goto(path);
    await check(page, axe, path, heading);
  }
});

test('signed in: the create-production-account pages reflow at 320 px, with an error and once created', async ({
  page,
  axe,
}, testInfo) => {
  test.setTimeout(180_000);
  // A TEST account of this project's own: the page changes once its PRODUCTION twin exists.
  const merchant = merchantAccount(testInfo.project.name, 'reflow');
  await logIn(page, merchant);
  await expect(page).toHaveURL('/test/home');
  await page.goto('/test/account/production');
  await check(page, axe, 'create production account', 'Create production account');
  await page.getByLabel('PSPID in PRODUCTION').fill('no good!');
  await page.getByRole('button', { name: 'Review what will be copied' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, axe, 'create production account with an error', 'Create production account');
  await page.getByLabel('PSPID in PRODUCTION').fill(merchant.pspid);
  await page.getByRole('button', { name: 'Review what will be copied' }).click();
  await check(page, axe, 'production account review', 'Review the PRODUCTION account');
  await page.getByRole('button', { name: `Create the PRODUCTION account ${merchant.pspid}` }).click();
  await check(page, axe, 'production account summary', `PRODUCTION account ${merchant.pspid}`);
  await page.goto('/test/account/production');
  await check(page, axe, 'production account already created', 'Create production account');
});

test('signed in: the account page reflows at 320 px, for administrators with an error and for the accountant', async ({
  page,
  axe,
}) => {
  test.setTimeout(180_000);
  await logIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL('/test/home');
  await page.goto('/test/account');
  await check(page, axe, 'account page', 'Account');
  // A retention period out of range: refused beside its field, nothing saved.
  const retention = page.getByRole('region', { name: 'Data retention' });
  await retention.getByLabel('Days payment data is kept').fill('9');
  await retention.getByRole('button', { name: 'Save the retention period' }).click();
  await expect(retention.getByRole('alert')).toBeVisible();
  await check(page, axe, 'account page with an error', 'Account');
  await logOut(page);
  await logIn(page, DEMO_ACCOUNTS);
  await expect(page).toHaveURL('/test/home');
  await page.goto('/test/account');
  await check(page, axe, 'account page, read-only', 'Account');
});

test('signed in: the users pages and the audit log reflow at 320 px, forms with errors included', async ({ page, axe }) => {
  test.setTimeout(180_000);
  await logIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL('/test/home');

  await page.goto('/test/users');
  await check(page, axe, 'users list', 'Users');
  const encoder = await page.getByRole('link', { name: 'demo.encoder', exact: true }).getAttribute('href');
  const own = await page.getByRole('link', { name: 'DEMO', exact: true }).getAttribute('href');
  expect(encoder).toBeTruthy();
  expect(own).toBeTruthy();

  await page.goto('/test/users/new');
  await check(page, axe, 'new user', 'New user');
  await page.getByRole('button', { name: 'Create the user' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, axe, 'new user with errors', 'New user');

  await page.goto(own ?? '');
  await check(page, axe, 'own user page', 'DEMO');
  await page.goto(encoder ?? '');
  await check(page, axe, 'user page', 'demo.encoder');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await check(page, axe, 'user edit form', 'demo.encoder');
  await page.getByLabel('Name').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, axe, 'user edit form with an error', 'demo.encoder');
  for (const action of ['send-password', 'deactivate']) {
    await page.goto(`${encoder}/${action}`);
    await check(page, axe, `confirm ${action}`, /demo\.encoder/);
  }

  await page.goto('/test/audit');
  await check(page, axe, 'audit log', 'Audit log');
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByLabel('Event', { exact: true }).selectOption({ label: 'Login' });
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page).toHaveURL(/event=login/);
  await expect(page.getByRole('table')).toBeVisible();
  await check(page, axe, 'audit log filtered', 'Audit log');
  await page.goto('/test/audit?from=31-12-2026');
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, axe, 'audit log with a filter error', 'Audit log');
});

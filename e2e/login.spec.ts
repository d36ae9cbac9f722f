import { DEMO_ACCOUNTS, DEMO_ADMIN, DEMO_SUPER, expect, expectHome, logIn, loginForms, logOut, test } from './fixtures.ts';

test.describe('login and logout', () => {
  test('the default administrator logs in with the PSPID form, sees home and logs out', async ({ page, axe }) => {
    await page.goto('/test/login');
    await expect(page.getByRole('heading', { level: 1, name: 'TEST login' })).toBeVisible();
    await axe('login page');

    await logIn(page, DEMO_ADMIN);
    await expectHome(page, DEMO_ADMIN);
    await expect(
      page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home', exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    await axe('home page');

    await logOut(page);
    await expect(page.getByRole('heading', { level: 1, name: 'TEST login' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('You have logged out.');
    await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
    await axe('login page after logout');

    // The session is gone: home sends back to the login page.
    await page.goto('/test/home');
    await expect(page).toHaveURL('/test/login?next=%2Ftest%2Fhome');
    await expect(page.getByRole('heading', { level: 1, name: 'TEST login' })).toBeVisible();
  });

  test('a named user logs in with the USERID form', async ({ page, axe }) => {
    await logIn(page, DEMO_ACCOUNTS);
    await expectHome(page, DEMO_ACCOUNTS);
    await axe('home page of a viewer');
  });

  test('a wrong password shows the generic error and keeps what was typed, except the password', async ({
    page,
    axe,
    javaScriptEnabled,
  }) => {
    // One failed login per project on demo.super (the lockout counts 10).
    await logIn(page, { ...DEMO_SUPER, password: `${DEMO_SUPER.password}-wrong` });

    const summary = page.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    // The line names the field it links to.
    await expect(summary.getByRole('link')).toHaveText(
      'USERID: The login details are not correct, or this user cannot log in at the moment. Check them and try again.',
    );
    await expect(page).toHaveTitle(/^Error: TEST login/);
    await expect(page).toHaveURL(/\/test\/login/);
    // With JavaScript, app.js moves the focus to the summary so screen readers read it first.
    if (javaScriptEnabled) await expect(summary).toBeFocused();

    const form = loginForms(page).user;
    await expect(form.getByLabel('USERID')).toHaveValue(DEMO_SUPER.userid);
    await expect(form.getByLabel('USERID')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('PSPID')).toHaveValue(DEMO_SUPER.pspid);
    await expect(form.getByLabel('Password')).toHaveValue('');
    // The other form is left as it was.
    await expect(loginForms(page).pspid.getByLabel('PSPID')).toHaveValue('');
    await axe('login page with an error');

    // The summary's link takes the user to the field concerned.
    await summary.getByRole('link').click();
    await expect(form.getByLabel('USERID')).toBeFocused();
  });

  test('a page asked for while signed out comes back after the login', async ({ page, axe }) => {
    await page.goto('/test/users?status=active');
    await expect(page).toHaveURL('/test/login?next=%2Ftest%2Fusers%3Fstatus%3Dactive');
    await expect(page.getByRole('heading', { level: 1, name: 'TEST login' })).toBeVisible();
    await axe('login page with next');

    await logIn(page, DEMO_ADMIN);
    await expect(page).toHaveURL('/test/users?status=active');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
  });
});

test('keyboard only: skip link, PSPID, password, Enter', async ({ page, axe }) => {
  await page.goto('/test/login');
  await expect(page.getByRole('heading', { level: 1, name: 'TEST login' })).toBeVisible();
  await axe('login page');

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  // The skip link jumps over the header; the next Tab lands on the first field of the page.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const form = loginForms(page).pspid;
  await expect(form.getByLabel('PSPID')).toBeFocused();
  await page.keyboard.type(DEMO_ADMIN.pspid);
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(DEMO_ADMIN.password);
  await page.keyboard.press('Enter');

  await expectHome(page, DEMO_ADMIN);
});

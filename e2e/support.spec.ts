import type { Page } from '@playwright/test';
import { DEMO_ADMIN, expect, expectHome, logIn, test } from './fixtures.ts';

const MAIN_MENU = 'Main menu';

async function openSupport(page: Page) {
  await logIn(page, DEMO_ADMIN);
  await expectHome(page, DEMO_ADMIN);
  await page.getByRole('navigation', { name: MAIN_MENU }).getByRole('link', { name: 'Support', exact: true }).click();
  await expect(page).toHaveURL('/test/support');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support');
}

/** A Support sub-page: its h1, and a breadcrumb back to the Support index. */
async function expectSupportPage(page: Page, path: string, title: string) {
  await expect(page).toHaveURL(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page).toHaveTitle(`${title} – Support – Guichet`);
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb.getByRole('link', { name: 'Support' })).toHaveAttribute('href', '/test/support');
  await expect(breadcrumb.getByText(title)).toHaveAttribute('aria-current', 'page');
}

test('a Support page asked for while signed out comes back after the login', async ({ page, axe }) => {
  await page.goto('/test/support/faq');
  await expect(page).toHaveURL('/test/login?next=%2Ftest%2Fsupport%2Ffaq');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TEST login');
  await axe('login page with next');

  await logIn(page, DEMO_ADMIN);
  await expectSupportPage(page, '/test/support/faq', 'Frequently asked questions');
});

test('the Support index and the user manual', async ({ page, axe }) => {
  await openSupport(page);
  await expect(
    page.getByRole('navigation', { name: MAIN_MENU }).getByRole('link', { name: 'Support', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  for (const title of ['User manual', 'Frequently asked questions', 'Platform version', 'Contact']) {
    await expect(page.getByRole('heading', { level: 2, name: title }).getByRole('link')).toBeVisible();
  }
  await axe('Support index');

  await page.getByRole('link', { name: 'User manual' }).click();
  await expectSupportPage(page, '/test/support/manuals', 'User manual');
  const contents = page.getByRole('navigation', { name: 'Contents' });
  // One link per section of the manual (views/support/content/manual.en.tsx).
  await expect(contents.getByRole('link')).toHaveCount(18);
  await contents.getByRole('link', { name: 'Sessions and time limits' }).click();
  await expect(page).toHaveURL('/test/support/manuals#manual-sessions');
  await expect(page.getByRole('region', { name: 'Sessions and time limits' })).toContainText('after 15 minutes without activity');
  await axe('User manual');

  // The breadcrumb leads back to the index.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Support' }).click();
  await expect(page).toHaveURL('/test/support');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support');
});

test('the FAQ shows an answer when its question is opened', async ({ page, axe }) => {
  await openSupport(page);
  await page.getByRole('link', { name: 'Frequently asked questions' }).click();
  await expectSupportPage(page, '/test/support/faq', 'Frequently asked questions');

  const answer = page.getByText('Your session ends after 15 minutes without activity');
  await expect(answer).toBeHidden();
  // <details>: works without JavaScript.
  await page.getByText('Why was I signed out?').click();
  await expect(answer).toBeVisible();
  await axe('FAQ with an answer open');
});

test('the platform version page', async ({ page, axe }) => {
  await openSupport(page);
  await page.getByRole('link', { name: 'Platform version' }).click();
  await expectSupportPage(page, '/test/support/version', 'Platform version');
  const details = page.getByRole('main');
  await expect(
    details.getByRole('term').filter({ hasText: 'Guichet version' }).locator('xpath=following-sibling::dd[1]'),
  ).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(
    details.getByRole('term').filter({ hasText: 'htmx version' }).locator('xpath=following-sibling::dd[1]'),
  ).toHaveText(/^2\.0\.\d+$/);
  await expect(details.getByRole('term').filter({ hasText: 'Environment' }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    'TEST',
  );
  await axe('Platform version');
});

test('the contact page', async ({ page, axe }) => {
  await openSupport(page);
  await page.getByRole('link', { name: 'Contact' }).click();
  await expectSupportPage(page, '/test/support/contact', 'Contact');
  await expect(page.getByRole('main').getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:.+@.+/);
  await expect(page.getByRole('region', { name: 'What to include in your request' })).toContainText(
    'Your PSPID (DEMO) and your USERID (DEMO)',
  );
  await expect(page.getByRole('region', { name: 'What never to send' })).toContainText('Passwords');
  await axe('Contact');
});

import { DEMO_ADMIN, expect, expectHome, logIn, test } from './fixtures.ts';

/**
 * The idle warning counts the activity of every tab of the browser, and asks the server before it
 * says the session ended. Only the browsers' clock moves (page.clock, shared by the context's
 * tabs); the server's session stays valid until it is really ended.
 */
test('a tab left alone neither warns nor says the session ended while another tab is in use', async ({ page, context }) => {
  await page.clock.install();
  await logIn(page, DEMO_ADMIN);
  await expectHome(page, DEMO_ADMIN);
  const other = await context.newPage();
  await other.goto('/test/support');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Support');

  const warning = (tab: typeof page) => tab.getByRole('dialog', { name: 'Your session is about to end' });
  const ended = (tab: typeof page) => tab.getByText('Your session has ended. Copy anything you have typed, then log in again.');

  // Ten minutes on, the other tab is used: the first one counts from there.
  await page.clock.fastForward('10:00');
  await other.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home', exact: true }).click();
  await expectHome(other, DEMO_ADMIN);
  await page.clock.fastForward('04:00');
  await expect(warning(page)).toBeHidden();
  await page.clock.fastForward('03:00');
  await expect(warning(page)).toBeHidden();
  await expect(ended(page)).toBeHidden();

  // Thirteen minutes after the last activity, both tabs warn; staying signed in in one closes both.
  await page.clock.fastForward('06:30');
  await expect(warning(page)).toBeVisible();
  await expect(warning(other)).toBeVisible();
  await other.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning(other)).toBeHidden();
  await expect(warning(page)).toBeHidden();

  // The browsers' clocks say 16 minutes went by, but the server has seen far less: it is asked
  // (without extending the session) before anything is said, and its answer starts a new count.
  const asked = page.waitForResponse((response) => new URL(response.url()).pathname === '/test/session/status');
  await page.clock.fastForward('16:00');
  const answer = await (await asked).json();
  expect(answer).toMatchObject({ signedIn: true });
  expect(answer.remainingMs).toBeGreaterThan(14 * 60_000);
  await page.clock.fastForward('12:00');
  await expect(warning(page)).toBeHidden();
  await expect(ended(page)).toBeHidden();
  await page.clock.fastForward('01:30');
  await expect(warning(page)).toBeVisible();
  await expect(warning(page).getByRole('button', { name: 'Stay signed in' })).toBeVisible();
  await expect(ended(page)).toBeHidden();
  await page.reload();
  await expectHome(page, DEMO_ADMIN);
});

test('once the session has really ended (logged out in another tab), the tab says so', async ({ page, context }) => {
  await page.clock.install();
  await logIn(page, DEMO_ADMIN);
  await expectHome(page, DEMO_ADMIN);
  const other = await context.newPage();
  await other.goto('/test/home');
  await other.getByRole('button', { name: 'Log out' }).click();
  await expect(other).toHaveURL('/test/login');

  await page.clock.fastForward('13:30');
  const dialog = page.getByRole('dialog', { name: 'Your session is about to end' });
  await expect(dialog).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(dialog.getByText('Your session has ended. Copy anything you have typed, then log in again.')).toBeVisible();
  const login = dialog.getByRole('link', { name: 'Log in again' });
  await expect(login).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toBeHidden();
});

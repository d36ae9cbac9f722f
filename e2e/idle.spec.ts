import { DEMO_ADMIN, expect, expectHome, logIn, test } from './fixtures.ts';

test('two minutes before the idle timeout a dialog offers to stay signed in', async ({ page, axe }) => {
  // Only the browser's clock moves: the server's session stays valid.
  await page.clock.install();
  await logIn(page, DEMO_ADMIN);
  await expectHome(page, DEMO_ADMIN);

  const dialog = page.getByRole('dialog', { name: 'Your session is about to end' });
  await expect(dialog).toBeHidden();
  await page.clock.fastForward('12:00');
  await expect(dialog).toBeHidden();
  await page.clock.fastForward('01:00');
  await expect(dialog).toBeVisible();
  const stay = dialog.getByRole('button', { name: 'Stay signed in' });
  await expect(stay).toBeFocused();
  await axe('idle warning dialog');

  await stay.click();
  await expect(dialog).toBeHidden();
  // Still on the same page, still usable and still signed in.
  await expect(page).toHaveURL('/test/home');
  await page.reload();
  await expectHome(page, DEMO_ADMIN);
});

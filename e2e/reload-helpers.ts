import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * Reloads and checks the page is the same: its address, its heading, and optionally more. Call it
 * once the answer is shown: wait for something only that answer shows (after a second refusal on
 * the same page, the form's own error summary, not any alert), or the address read here may be the
 * previous one.
 */
export async function reloadsAsItself(page: Page, expected: string) {
  const address = page.url();
  const response = await page.reload();
  expect(response?.status(), `a reload of ${address}`).not.toBe(404);
  await expect(page).toHaveURL(address);
  await expect(heading(page)).toHaveText(expected);
}

/** Fills the new-user form (the fields a test gives) and submits it. */
export async function createUser(page: Page, fields: { userid?: string; name?: string; email?: string; api?: boolean }) {
  await page.goto('/test/users/new');
  if (fields.userid !== undefined) await page.getByLabel('USERID').fill(fields.userid);
  if (fields.name !== undefined) await page.getByLabel('Name').fill(fields.name);
  if (fields.email !== undefined) await page.getByLabel('E-mail address').fill(fields.email);
  if (fields.api) await page.getByLabel('Special user for API').check();
  await page.getByRole('button', { name: 'Create the user' }).click();
}

import { DEMO_ACCOUNTS, DEMO_ADMIN, expect, logIn, test } from './fixtures.ts';

test('an administrator reads the audit log, filters it by event and downloads it', async ({ page, axe }) => {
  await logIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL('/test/audit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  const table = page.getByRole('table', { name: 'Audit log entries, newest first' });
  // The login just made is among the newest entries.
  await expect(table.getByRole('row').filter({ hasText: DEMO_ADMIN.userid }).filter({ hasText: 'Login' }).first()).toBeVisible();
  await axe('audit log');

  await page.getByLabel('Event', { exact: true }).selectOption({ label: 'Login' });
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page).toHaveURL(/\/test\/audit\?.*event=login/);
  await expect(page.getByLabel('Event', { exact: true })).toHaveValue('login');
  const events = await table.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(events.length).toBeGreaterThan(0);
  expect(new Set(events)).toEqual(new Set(['Login']));
  await axe('audit log filtered by event');

  const download = page.getByRole('link', { name: 'Download these entries as CSV' });
  const href = await download.getAttribute('href');
  expect(href).toBe('/test/audit/download.csv?event=login');
  const response = await page.request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="audit-DEMO-\d{8}\.csv"$/);
  const [header, ...rows] = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toBe('Time (Europe/Brussels),USERID,Event,Event type,Result,Origin IP,Object,Object ID,Details,Details (JSON)');
  // Other journeys log in to DEMO at the same time: find this administrator's own login among the rows.
  const own = rows.find((row) => row.includes(',DEMO,Login,login,'));
  expect(own).toBeDefined();
  // The words beside the stored codes: the user by USERID, the object's id kept for machines.
  expect(own).toMatch(/,User DEMO,user:[0-9a-f-]{36},/);
});

test('the user filter takes a USERID, with suggestions; typing it exactly filters', async ({ page, axe, javaScriptEnabled }) => {
  await logIn(page, DEMO_ADMIN);
  await expect(page).toHaveURL('/test/home');
  await page.goto('/test/audit');
  const field = page.getByLabel('User (USERID)');
  await expect(field).toHaveAttribute('list', 'audit-user-suggestions');
  const suggested = () =>
    page.locator('#audit-user-suggestions option').evaluateAll((options) => options.map((o) => o.getAttribute('value')));
  expect(await suggested()).toEqual(expect.arrayContaining(['DEMO', 'demo.accounts', 'demo.encoder']));
  if (javaScriptEnabled) {
    // While typing, the suggestions are those that start with the text, in any case.
    await field.pressSequentially('DEMO.E');
    await expect.poll(suggested).toEqual(['demo.encoder']);
    await field.fill('');
  }
  await field.fill('demo');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page).toHaveURL(/\/test\/audit\?.*user=demo/);
  // Shown back as the account writes it.
  await expect(field).toHaveValue('DEMO');
  const actors = await page.getByRole('table').locator('tbody tr td:nth-child(2)').allTextContents();
  expect(actors.length).toBeGreaterThan(0);
  expect(new Set(actors)).toEqual(new Set(['DEMO']));
  await axe('audit log filtered by user');

  await field.fill('nobody.here');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page.getByRole('alert')).toContainText('User (USERID)');
  await expect(page.locator('#audit-user-error')).toContainText('Enter the USERID of a user of this account');
  await expect(field).toHaveValue('nobody.here');
  await axe('audit log with an unknown USERID');
});

test('a viewer has no audit log: no menu link, and the address answers 403', async ({ page, axe }) => {
  await logIn(page, DEMO_ACCOUNTS);
  await expect(page).toHaveURL('/test/home');
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await expect(menu.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  const response = await page.goto('/test/audit');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await axe('audit log refused');
});

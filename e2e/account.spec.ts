import { accountPageAccount } from './account-page-accounts.ts';
import { DEMO_ACCOUNTS, expect, logIn, test } from './fixtures.ts';

/**
 * Configuration > Account (C1–C6), with and without JavaScript: an administrator edits the
 * administrative data (a refusal first), and switching an option shows and hides the section it
 * gates; the accountant reads the page without any form. axe on every page state visited.
 */

test('an administrator edits the administrative data, a refusal first', async ({ page, axe }, testInfo) => {
  test.setTimeout(120_000);
  const account = accountPageAccount(testInfo.project.name);
  await logIn(page, account);
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account');
  await expect(page).toHaveURL('/test/account');
  await axe('account page');

  const section = page.getByRole('region', { name: 'Administrative data' });
  await section.getByLabel('Company name (legal name)').fill(`Renamed ${testInfo.project.name} SA`);
  await section.getByLabel('Phone number').fill('02 555 01 99');
  await section.getByRole('button', { name: 'Save the administrative data' }).click();
  await expect(section.getByRole('alert')).toContainText('Phone number: Enter the phone number in international format');
  await expect(section.getByLabel('Company name (legal name)')).toHaveValue(`Renamed ${testInfo.project.name} SA`);
  await expect(page).toHaveTitle(/^Error: Account/);
  // With JavaScript too (the section swapped in place): the marked page, which a reload shows again.
  await expect(page).toHaveURL(/\/test\/account\?failed=/);
  await axe('administrative data refused');

  // Typed in another section and not saved: with JavaScript, saving this section keeps it.
  const billing = page.getByRole('region', { name: 'Billing details' });
  await billing.getByLabel('Billing contact').fill('Typed, not saved');
  await section.getByLabel('Phone number').fill('+32 2 555 01 99');
  await section.getByLabel('E-mail address').fill('accounts@example.test');
  await section.getByRole('button', { name: 'Save the administrative data' }).click();
  const saidSaved = page.getByRole('status').filter({ hasText: 'The administrative data were saved.' });
  await expect(saidSaved).toBeVisible();
  await expect(page).toHaveURL('/test/account');
  if (testInfo.project.name === 'js-on') {
    await expect(saidSaved).toBeFocused();
    await expect(saidSaved).toBeInViewport();
    await expect(billing.getByLabel('Billing contact')).toHaveValue('Typed, not saved');
  }
  const saved = page.getByRole('region', { name: 'Administrative data' });
  await expect(saved.getByLabel('Phone number')).toHaveValue('+32 2 555 01 99');
  await expect(saved.getByLabel('Company name (legal name)')).toHaveValue(`Renamed ${testInfo.project.name} SA`);
  await axe('administrative data saved');
});

test('switching an option on shows the section it gates, and off hides it again', async ({ page, axe }, testInfo) => {
  test.setTimeout(120_000);
  const account = accountPageAccount(testInfo.project.name);
  await logIn(page, account);
  await expect(page).toHaveURL('/test/home');
  await page.goto('/test/account');
  const contents = page.getByRole('navigation', { name: 'Sections of this page' });
  await expect(page.getByRole('heading', { name: 'Currencies', level: 2 })).toHaveCount(0);
  await expect(contents.getByRole('link', { name: 'Currencies' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Terms and conditions', level: 2 })).toHaveCount(0);

  const options = page.getByRole('region', { name: 'Options', exact: true });
  await options.getByLabel('Multi-currency').check();
  await options.getByLabel('e-Commerce level 3').check();
  await options.getByRole('button', { name: 'Save the options' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The options were changed.' })).toBeVisible();
  await expect(contents.getByRole('link', { name: 'Currencies' })).toBeVisible();
  const currencies = page.getByRole('region', { name: 'Currencies', exact: true });
  await expect(currencies.getByLabel('JPY – Japanese Yen')).toHaveAccessibleDescription('0 decimals, accepted by the acquirer');
  await expect(currencies.getByLabel('KWD – Kuwaiti Dinar')).toHaveAccessibleDescription(
    '3 decimals, not accepted by the acquirer',
  );
  await expect(page.getByRole('region', { name: 'Terms and conditions' })).toBeVisible();
  await axe('with multi-currency and e-Commerce level 3');

  await currencies.getByLabel('JPY – Japanese Yen').check();
  await currencies.getByRole('button', { name: 'Save the currencies' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The currencies were saved.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Currencies', exact: true }).getByLabel('JPY – Japanese Yen')).toBeChecked();

  const terms = page.getByRole('region', { name: 'Terms and conditions' });
  await terms.getByLabel('Address of your terms and conditions').fill('http://shop.example/terms');
  await terms.getByRole('button', { name: 'Save the address' }).click();
  await expect(terms.getByRole('alert')).toContainText('starting with https://');
  await axe('terms refused');

  const again = page.getByRole('region', { name: 'Options', exact: true });
  await again.getByLabel('Multi-currency').uncheck();
  await again.getByLabel('e-Commerce level 3').uncheck();
  await again.getByRole('button', { name: 'Save the options' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The options were changed.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Currencies', level: 2 })).toHaveCount(0);
  await expect(contents.getByRole('link', { name: 'Currencies' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Terms and conditions', level: 2 })).toHaveCount(0);

  // Switched on again: the currencies chosen before are still there.
  const third = page.getByRole('region', { name: 'Options', exact: true });
  await third.getByLabel('Multi-currency').check();
  await third.getByRole('button', { name: 'Save the options' }).click();
  await expect(page.getByRole('region', { name: 'Currencies', exact: true }).getByLabel('JPY – Japanese Yen')).toBeChecked();
});

test('the accountant reads the account page, without any form', async ({ page, axe }) => {
  await logIn(page, DEMO_ACCOUNTS);
  await expect(page).toHaveURL('/test/home');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account');
  await expect(page.getByText('Only administrators can change them.')).toBeVisible();
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Currencies', exact: true })).toBeVisible();
  await axe('account page, read-only');
});

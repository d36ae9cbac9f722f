import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { changePassword as change, onPasswordPage as openPasswordPage, WEAK_PASSWORDS_OF_ISSUE_8 } from './test-fixtures.ts';

/*
 * Issue 8 item 6: passwords that pass the length, letter and digit rules but are easy to guess
 * are refused with zxcvbn's reason and advice beside the field, in the reader's language.
 */
const h = await createHarness();
const PASSWORD = paths.password.change('test');
const onPasswordPage = () => openPasswordPage(h);

describe('weak passwords (zxcvbn)', () => {
  for (const weak of WEAK_PASSWORDS_OF_ISSUE_8) {
    test(`${weak} is refused beside its field, and nothing changes`, async () => {
      const { admin, browser } = await onPasswordPage();
      const before = (await h.db.select().from(users).where(eq(users.id, admin.id)))[0];
      assert.equal((await change(browser, { current: admin.password, next: weak })).status, 422);
      const beside = browser.page.fieldError('password-new') ?? '';
      assert.ok(beside.startsWith('This password is too easy to guess. '), beside);
      assert.equal(browser.page.field('New password')?.getAttribute('aria-invalid'), 'true');
      assert.deepEqual(
        browser.page.errorSummary().map((line) => line.href),
        ['#password-new'],
      );
      assert.ok(!browser.lastBody.includes(weak), 'the password is not echoed');
      const after = (await h.db.select().from(users).where(eq(users.id, admin.id)))[0];
      assert.equal(after?.passwordHash, before?.passwordHash);
    });
  }

  test('a weak password gets zxcvbn’s reason and advice beside the field, in the reader’s language', async () => {
    const account = await createAccount(h.db);
    const { user, browser } = await signIn(h, { account, userid: 'pw.weak.fr', profile: 'viewer', language: 'fr' });
    await browser.get(PASSWORD);
    assert.equal((await change(browser, { current: user.password, next: 'Welcome12345' })).status, 422);
    const beside = browser.page.fieldError('password-new') ?? '';
    assert.ok(beside.startsWith('Ce mot de passe est trop facile à deviner. '), beside);
    assert.ok(beside.includes('Ajoutez des mots moins courants.'), beside);
    assert.ok(!/easy to guess|commonly used|Add more words|Capitali[sz]e/i.test(browser.page.text()), 'no English');
    assert.deepEqual(
      browser.page.errorSummary().map((line) => line.href),
      ['#password-new'],
    );
  });

  test('a passphrase of four uncommon words and a digit is accepted', async () => {
    const { admin, browser } = await onPasswordPage();
    assert.equal((await change(browser, { current: admin.password, next: 'lampe verte nuage 4 mardi' })).status, 303);
  });

  test('the company name inside the password makes it too easy to guess', async () => {
    const { admin, browser } = await onPasswordPage();
    const company = { companyName: 'Brasserie Vandermeulen SPRL', tradeName: 'Kwakkelbier' };
    await h.db.update(accounts).set(company).where(eq(accounts.id, admin.accountId));
    const next = 'Vandermeulen-Kwakkelbier-2026';
    assert.equal((await change(browser, { current: admin.password, next })).status, 422, next);
    assert.ok(browser.page.fieldError('password-new')?.includes('company name'), browser.page.fieldError('password-new'));
  });
});

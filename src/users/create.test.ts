import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { mailOrigin } from '../config.ts';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness, createUser, signIn } from '../test/harness.ts';
import { startTestSmtpServer } from '../test/smtp.ts';
import { userForm } from './test-fixtures.ts';

const smtp = await startTestSmtpServer();
after(() => smtp.close());
const h = await createHarness({ smtpUrl: smtp.url });

/** Signs an administrator in and opens the new-user form. */
async function onNewUserForm() {
  const signedIn = await signIn(h);
  await signedIn.browser.get(paths.users.new('test'));
  return signedIn;
}
const create = (browser: TestBrowser, fields: Record<string, string>) =>
  browser.post(paths.users.create('test'), userForm(fields));
const accountUsers = (accountId: string) => h.db.select().from(users).where(eq(users.accountId, accountId));

describe('creating a user (D1)', () => {
  test('the new user gets an initial password by mail, in their language, which forces a change at first use', async () => {
    const { user: admin, browser } = await onNewUserForm();
    assert.equal(browser.page.h1(), 'New user');
    const response = await create(browser, {
      userid: 'jeanne',
      email: 'jeanne@example.test',
      language: 'fr',
      profile: 'encoder',
    });
    assert.equal(response.status, 303);
    const mail = await smtp.waitForMessage((m) => m.to.includes('jeanne@example.test'));
    assert.equal(mail.subject, 'Votre utilisateur Guichet');
    const password = /Mot de passe initial : ([A-Za-z0-9]{16})/.exec(mail.text)?.[1];
    assert.ok(password);
    assert.ok(mail.text.includes(`${mailOrigin(h.config)}${paths.login('test')} `), 'the mail links to the login page');
    await browser.get(response.headers.get('Location') ?? '');
    assert.equal(browser.page.h1(), 'jeanne');
    assert.equal(
      browser.page.flash(),
      'The user was created. Their initial password was sent to their e-mail address; it works once.',
    );
    const jeanne = new TestBrowser(h.app);
    assert.equal((await logIn(jeanne, { userid: 'jeanne', pspid: admin.pspid, password })).status, 303);
    assert.equal((await jeanne.get(paths.home('test'))).headers.get('Location'), paths.password.change('test'));
    const [created] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'user.create'), eq(auditLog.userId, admin.id)));
    assert.equal((created?.details as { profile: string } | undefined)?.profile, 'encoder');
  });

  test('without an e-mail address the password is shown once to the administrator', async () => {
    const { browser } = await onNewUserForm();
    const response = await create(browser, { userid: 'no.mail.user' });
    assert.equal(response.status, 200);
    const notice = browser.page.textOf(browser.page.one('.notice[role=status]'));
    assert.ok(notice.includes('give them this initial password yourself'), notice);
    assert.match(browser.page.textOf(browser.page.one('code.shown-password')), /^[A-Za-z0-9]{16}$/);
  });

  const bad: [string, Record<string, string>, { id: string; message: string }][] = [
    [
      'a malformed USERID',
      { userid: 'a b' },
      { id: 'user-userid', message: 'Enter a USERID of 3 to 20 letters, digits, dots, hyphens or underscores.' },
    ],
    [
      'a too short USERID',
      { userid: 'ab' },
      { id: 'user-userid', message: 'Enter a USERID of 3 to 20 letters, digits, dots, hyphens or underscores.' },
    ],
    [
      'a bad e-mail',
      { userid: 'good.one', email: 'not-an-address' },
      { id: 'user-email', message: 'Enter an e-mail address like name@example.com.' },
    ],
    [
      'an unknown time zone',
      { userid: 'good.two', timeZone: 'Mars/Olympus' },
      { id: 'user-time-zone', message: 'Choose a time zone from the list.' },
    ],
    [
      'an unknown profile',
      { userid: 'good.three', profile: 'superuser' },
      { id: 'user-profile', message: 'Choose a profile from the list.' },
    ],
    [
      'a scope on an admin',
      { userid: 'good.four', profile: 'admin', scopeOwnOnly: '1' },
      { id: 'user-scope', message: 'Only Super-encoder, Encoder and Viewer users can be limited to their own transactions.' },
    ],
  ];
  for (const [name, fields, expected] of bad) {
    test(`${name} is refused beside its field, with the input kept`, async () => {
      const { user: admin, browser } = await onNewUserForm();
      const response = await create(browser, fields);
      assert.equal(response.status, 422);
      assert.equal(browser.page.fieldError(expected.id), expected.message);
      const label = browser.page.textOf(browser.page.one(`label[for="${expected.id}"]`));
      assert.deepEqual(browser.page.errorSummary(), [{ text: `${label}: ${expected.message}`, href: `#${expected.id}` }]);
      assert.equal(browser.page.one(`#${expected.id}`)?.getAttribute('aria-invalid'), 'true');
      assert.ok(browser.page.title().startsWith('Error: '));
      assert.equal(browser.page.valueOf('#user-name'), 'Jeanne Martin');
      assert.equal((await accountUsers(admin.accountId)).length, 1, 'nothing written');
    });
  }

  test('a duplicate USERID (whatever the case), refused by the service, is shown beside the USERID with the input kept', async () => {
    const { user: admin, browser } = await onNewUserForm();
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'Taken.Name' });
    assert.equal((await create(browser, { userid: 'taken.name' })).status, 422);
    const message = 'This USERID is already used in this account. Choose another one.';
    assert.equal(browser.page.fieldError('user-userid'), message);
    assert.deepEqual(browser.page.errorSummary(), [{ text: `USERID: ${message}`, href: '#user-userid' }]);
    assert.equal(browser.page.valueOf('#user-userid'), 'taken.name');
    assert.equal(browser.page.valueOf('#user-name'), 'Jeanne Martin');
    assert.equal((await accountUsers(admin.accountId)).length, 2, 'nothing written');
  });
});

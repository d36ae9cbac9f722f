import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness, createUser, signIn } from '../test/harness.ts';
import { startTestSmtpServer } from '../test/smtp.ts';
import { details } from './test-fixtures.ts';

const smtp = await startTestSmtpServer();
after(() => smtp.close());
const h = await createHarness({ smtpUrl: smtp.url });
const action = (id: string, name: Parameters<typeof paths.users.action>[2]) => paths.users.action('test', id, name);
/** A login attempt from a browser of its own: its status (303 signed in, 422 refused). */
const loginStatus = async (user: Parameters<typeof logIn>[1]) => (await logIn(new TestBrowser(h.app), user)).status;

describe('actions (D2)', () => {
  test('deactivation goes through a confirmation page and ends the user’s sessions at once; reactivation', async () => {
    const { user: admin, browser } = await signIn(h);
    const { user, browser: userBrowser } = await signIn(h, { account: admin, userid: 'leaving', profile: 'viewer' });
    await browser.get(action(user.id, 'deactivate'));
    assert.equal(browser.page.h1(), 'Deactivate leaving?');
    assert.ok(browser.page.buttons().includes('Deactivate leaving'), 'the button says what it does, and to whom');
    assert.equal(browser.page.link('Cancel'), paths.users.show('test', user.id));
    const deactivated = await browser.post(action(user.id, 'deactivate'), {});
    assert.equal(deactivated.status, 303);
    assert.equal((await userBrowser.get(paths.home('test'))).status, 303, 'signed out on the next request');
    assert.equal(await loginStatus(user), 422);
    await browser.get(deactivated.headers.get('Location') ?? '');
    assert.equal(browser.page.flash(), 'The user was deactivated.');
    assert.match(details(browser).Status ?? '', /^Inactive Deactivated by an administrator, on \S/);
    assert.equal((await browser.post(action(user.id, 'reactivate'), {})).status, 303);
    assert.equal(await loginStatus(user), 303);
  });

  test('an administrator cannot deactivate their own user', async () => {
    const { user: admin, browser } = await signIn(h);
    await createUser(h.db, admin.accountId, admin.pspid, { userid: 'backup.admin', profile: 'admin' });
    await browser.get(action(admin.id, 'deactivate'));
    assert.equal((await browser.post(action(admin.id, 'deactivate'), {})).status, 422);
    assert.equal(browser.page.h1(), admin.userid, 'the refusal is shown on the user’s page');
    assert.equal(browser.page.alert(), 'You cannot do this to your own user.');
    assert.ok(browser.page.title().startsWith('Error: '));
  });

  test('"Unlock" unlocks a user locked by failed logins', async () => {
    const { user: admin, browser } = await signIn(h);
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'fumbler', passwordChangedAt: h.clock.now() });
    for (let i = 0; i < 10; i += 1) await loginStatus({ ...user, password: `wrong guess ${i}` });
    assert.equal(await loginStatus(user), 422);
    await browser.get(paths.users.show('test', user.id));
    assert.ok(details(browser).Status?.includes('Locked after failed logins until'));
    assert.ok(browser.page.buttons().includes('Unlock'));
    assert.equal((await browser.post(action(user.id, 'unlock'), {})).status, 303);
    assert.equal(await loginStatus(user), 303);
  });

  test('"Send a new password" mails a one-time password and ends the user’s sessions', async () => {
    const { user: admin, browser } = await signIn(h);
    const { user, browser: userBrowser } = await signIn(h, {
      account: admin,
      userid: 'forgetful',
      profile: 'viewer',
      email: 'forgetful@example.test',
    });
    await browser.get(action(user.id, 'send-password'));
    assert.equal(browser.page.h1(), 'Send a new password to forgetful?');
    assert.ok(browser.page.buttons().includes('Send a new password to forgetful'));
    assert.equal((await browser.post(action(user.id, 'send-password'), {})).status, 303);
    const mail = await smtp.waitForMessage((m) => m.to.includes('forgetful@example.test'));
    const password = /New password: ([A-Za-z0-9]{16})/.exec(mail.text)?.[1];
    assert.ok(password);
    assert.equal((await userBrowser.get(paths.home('test'))).status, 303);
    assert.equal(await loginStatus(user), 422, 'the old password no longer works');
    const next = new TestBrowser(h.app);
    assert.equal((await logIn(next, { ...user, password })).status, 303);
    assert.equal((await next.get(paths.home('test'))).headers.get('Location'), paths.password.change('test'));
  });
});

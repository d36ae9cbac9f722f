import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';

const h = await createHarness();

test('Home shows the account, the previous login in the user’s zone, and failed attempts since', async () => {
  const admin = await createAccount(h.db, { passwordChangedAt: new Date('2026-06-30T00:00:00Z') });
  h.clock.set(new Date('2026-07-01T08:00:00Z'));
  await logIn(new TestBrowser(h.app), admin);
  const first = new TestBrowser(h.app);
  await first.get('/test/home');
  h.clock.set(new Date('2026-07-02T08:00:00Z'));
  await logIn(new TestBrowser(h.app), { ...admin, password: 'not the password 1' });
  const browser = new TestBrowser(h.app);
  await logIn(browser, admin);
  await browser.get('/test/home');
  assert.match(browser.lastBody, /<time datetime="2026-07-01T08:00:00.000Z">01\/07\/2026 10:00 CEST<\/time>/);
  assert.match(browser.lastBody, /There was 1 failed login attempt on your user/);
  assert.match(browser.lastBody, new RegExp(`<dd>${admin.pspid} SA</dd>`));
});

test('the first login says so, and suggests two-factor authentication', async () => {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  const browser = new TestBrowser(h.app);
  await logIn(browser, admin);
  await browser.get('/test/home');
  assert.match(browser.lastBody, /This is your first login\./);
  assert.match(browser.lastBody, /Two-factor authentication is not set up for your user/);
  assert.match(browser.lastBody, /href="\/test\/password\/otp"/);
  assert.doesNotMatch(browser.lastBody, /Your password expires/);
});

test('the menu shows only what exists and what the profile allows; no empty sections', async () => {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  const browser = new TestBrowser(h.app);
  await logIn(browser, admin);
  await browser.get('/test/home');
  const menu = /<nav class="main-menu"[\s\S]*?<\/nav>/.exec(browser.lastBody)?.[0] ?? '';
  const links = [...menu.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(links, ['/test/home', '/test/support', '/test/password', '/test/users', '/test/audit']);
  assert.match(menu, /aria-current="page"/);
  assert.match(menu, /Configuration/);
  assert.doesNotMatch(menu, /Advanced|Operations/);

  const viewer = await createUser(h.db, admin.accountId, admin.pspid, {
    userid: 'menu.viewer',
    passwordChangedAt: h.clock.now(),
  });
  const viewerBrowser = new TestBrowser(h.app);
  await logIn(viewerBrowser, viewer);
  await viewerBrowser.get('/test/home');
  const viewerMenu = /<nav class="main-menu"[\s\S]*?<\/nav>/.exec(viewerBrowser.lastBody)?.[0] ?? '';
  assert.deepEqual(
    [...viewerMenu.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]),
    ['/test/home', '/test/support', '/test/password'],
  );
});

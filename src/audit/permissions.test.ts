import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Profile } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { TestBrowser } from '../test/browser.ts';
import { createAccount, signIn } from '../test/harness.ts';
import { auditHarness } from './test-fixtures.ts';

const h = await auditHarness();

describe('who may read the audit log', () => {
  for (const profile of ['viewer', 'encoder', 'super_encoder'] as Profile[]) {
    test(`${profile}: no menu link, 403 on the page and the download`, async () => {
      const admin = await createAccount(h.db);
      const { browser } = await signIn(h, { account: admin, userid: `u-${profile}`, profile });
      await browser.get(paths.home('test'));
      assert.deepEqual(
        browser.page.links().filter((link) => link.text === 'Audit log' || link.href.startsWith(paths.audit.list('test'))),
        [],
      );
      assert.equal((await browser.get(paths.audit.list('test'))).status, 403);
      assert.equal(browser.page.h1(), 'Not allowed');
      assert.equal((await browser.get(paths.audit.csv('test'))).status, 403);
    });
  }

  for (const profile of ['admin', 'admin_no_user_manager'] as Profile[]) {
    test(`${profile}: reaches the page from the menu`, async () => {
      const admin = await createAccount(h.db);
      const { browser } = await signIn(h, { account: admin, userid: profile.slice(0, 12), profile });
      await browser.get(paths.home('test'));
      assert.equal(browser.page.link('Audit log'), '/test/audit');
      const response = await browser.get(browser.page.link('Audit log') ?? '');
      assert.equal(response.status, 200);
      assert.equal(browser.page.h1(), 'Audit log');
      const current = browser.page.one('nav a[aria-current=page]');
      assert.equal(current && browser.page.textOf(current), 'Audit log', 'the menu marks the page');
      assert.equal(current?.getAttribute('href'), '/test/audit');
      assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
    });
  }

  test('without a session, the page sends to the login and comes back', async () => {
    const here = paths.audit.list('test', { event: 'login' });
    const response = await new TestBrowser(h.app).get(here);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), `/test/login?next=${encodeURIComponent('/test/audit?event=login')}`);
  });
});

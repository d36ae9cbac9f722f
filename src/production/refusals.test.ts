import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { validateSession } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { NotFound, RuleBroken } from '../errors.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { actorContextOf, createAccount, createHarness, signIn } from '../test/harness.ts';
import { registerCopyPart } from './copy-registry.ts';
import { createProductionAccount } from './service.ts';
import { accountRow, fillAccount, productionRows } from './test-fixtures.ts';

/**
 * I1's refusals: a malformed PSPID or one taken in PRODUCTION (beside the field, the value kept,
 * 422), a second creation, no address for the password; all or nothing when a part fails midway;
 * TEST only; and the right to create, in the route and in the service.
 */

const h = await createHarness();
const MALFORMED = 'Enter a PSPID of 2 to 30 letters, digits, dots, hyphens or underscores, starting with a letter or a digit.';
const TAKEN = 'This PSPID is already used in PRODUCTION. Choose another one.';

/** A TEST administrator (their account has an e-mail address), on the PSPID form. */
async function onStartPage() {
  const signedIn = await signIn(h);
  await fillAccount(h.db, signedIn.user.accountId, { twoFactorRequired: false });
  await signedIn.browser.get(paths.production.start());
  return signedIn;
}

/** The service's context for the session of `browser`. */
async function contextOf(browser: TestBrowser, env: Environment = 'test') {
  const auth = await validateSession(h.db, h.clock, browser.cookies.get(`guichet_${env}_session`) ?? '', env);
  assert.ok(auth);
  return actorContextOf(h, auth);
}

/** The form shows `message` beside the PSPID, in the summary too, with `typed` kept. */
function assertPspidRefused(browser: TestBrowser, message: string, typed: string) {
  assert.equal(browser.page.fieldError('production-pspid'), message);
  assert.deepEqual(browser.page.errorSummary(), [{ text: `PSPID in PRODUCTION: ${message}`, href: '#production-pspid' }]);
  assert.equal(browser.page.valueOf('#production-pspid'), typed);
  assert.ok(browser.page.title().startsWith('Error: '));
}

describe('a PSPID that cannot be used', () => {
  for (const typed of ['', 'a', 'has space', '-starts.badly', 'x'.repeat(31), 'été']) {
    test(`“${typed}” is refused beside the field on the review, 422`, async () => {
      const { browser } = await onStartPage();
      const response = await browser.get(paths.production.review(typed || undefined));
      assert.equal(response.status, 422);
      const message =
        typed === '' ? 'Enter the PSPID for PRODUCTION.' : typed.length > 30 ? 'Enter at most 30 characters.' : MALFORMED;
      assertPspidRefused(browser, message, typed);
    });
  }

  test('a PSPID taken in PRODUCTION, whatever the case, is refused on the review and at the confirmation', async () => {
    const { user, browser } = await onStartPage();
    await createAccount(h.db, { environment: 'prod', pspid: 'Taken.Live' });
    assert.equal((await browser.get(paths.production.review('TAKEN.live'))).status, 422);
    assertPspidRefused(browser, TAKEN, 'TAKEN.live');
    // Taken between the review and the confirmation: the form again (in place here, a client without history).
    assert.equal((await browser.post(paths.production.create(), { pspid: 'taken.LIVE' })).status, 422);
    assertPspidRefused(browser, TAKEN, 'taken.LIVE');
    assert.equal((await accountRow(h.db, user.accountId)).productionAccountId, null);
  });

  test('a browser gets the refused confirmation through a redirect to the form (Post/Redirect/Get)', async () => {
    const { browser } = await onStartPage();
    const response = await browser.post(paths.production.create(), { pspid: 'no good' }, { 'Sec-Fetch-Mode': 'navigate' });
    assert.equal(response.status, 303);
    const location = response.headers.get('Location') ?? '';
    assert.match(location, /^\/test\/account\/production\?failed=/);
    assert.equal((await browser.get(location)).status, 422);
    assertPspidRefused(browser, MALFORMED, 'no good');
  });
});

describe('refused creations', () => {
  test('a second creation is refused while one exists, saying when, with a link to it', async () => {
    const { user, browser } = await onStartPage();
    await browser.post(paths.production.create(), { pspid: user.pspid });
    assert.equal((await browser.get(paths.production.review('ANOTHER.ONE'))).headers.get('Location'), paths.production.start());
    const response = await browser.post(paths.production.create(), { pspid: 'ANOTHER.ONE' });
    assert.equal(response.status, 422);
    assert.match(
      browser.page.alert(),
      new RegExp(`^The PRODUCTION account ${user.pspid} was already created from this account on \\d\\d/`),
    );
    assert.equal(browser.page.link('What was copied, and what to set up again'), paths.production.summary());
    // Said once: the heading below the error does not repeat the date.
    assert.equal(browser.page.text().match(/created from this account on/g)?.length, 1);
    assert.equal((await productionRows(h.db, 'ANOTHER.ONE')).accounts.length, 0);
    assert.equal((await productionRows(h.db, user.pspid)).accounts.length, 1);
  });

  test('with no e-mail address for the password (account nor administrator), the page says so and nothing is created', async () => {
    const { user, browser } = await onStartPage();
    await fillAccount(h.db, user.accountId, { email: null, twoFactorRequired: false });
    await browser.get(paths.production.start());
    const needed = 'Fill in the account’s e-mail address (or your own user’s) first.';
    assert.ok(browser.page.text().includes(needed));
    assert.equal((await browser.get(paths.production.review(user.pspid))).status, 422);
    assert.ok(browser.page.alert().includes(needed), browser.page.alert());
    assert.equal((await browser.post(paths.production.create(), { pspid: user.pspid })).status, 422);
    assert.ok(browser.page.alert().includes(needed));
    assert.equal((await productionRows(h.db, user.pspid)).accounts.length, 0);
  });
});

describe('at the same moment', () => {
  test('two creations from one TEST account: one PRODUCTION account, the other refused', async () => {
    const { user, browser } = await onStartPage();
    const ctx = await contextOf(browser);
    const results = await Promise.allSettled([
      createProductionAccount(ctx, { pspid: 'RACE.ONE' }),
      createProductionAccount(ctx, { pspid: 'RACE.TWO' }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    assert.ok(refused?.status === 'rejected' && refused.reason instanceof RuleBroken && refused.reason.field === undefined);
    const made =
      (await productionRows(h.db, 'RACE.ONE')).accounts.length + (await productionRows(h.db, 'RACE.TWO')).accounts.length;
    assert.equal(made, 1);
    assert.ok((await accountRow(h.db, user.accountId)).productionAccountId);
  });

  test('two TEST accounts asking for the same PSPID: one gets it, the other is refused beside the field', async () => {
    const first = await onStartPage();
    const second = await onStartPage();
    const results = await Promise.allSettled([
      createProductionAccount(await contextOf(first.browser), { pspid: 'SAME.LIVE' }),
      createProductionAccount(await contextOf(second.browser), { pspid: 'same.live' }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    assert.ok(refused?.status === 'rejected' && refused.reason instanceof RuleBroken && refused.reason.field === 'pspid');
    assert.equal((await productionRows(h.db, 'SAME.LIVE')).accounts.length, 1);
  });
});

describe('all or nothing', () => {
  test('a part that fails midway leaves no PRODUCTION account, user, audit entry or mail, and the TEST account unlinked', async () => {
    const { user, browser } = await onStartPage();
    const ctx = await contextOf(browser);
    const mails = h.sentMails.length;
    const unregister = registerCopyPart({
      name: 'failing_part',
      label: 'production.part.settings',
      details: 'production.part.settingsDetails',
      copy: async () => {
        throw new Error('injected failure');
      },
    });
    try {
      await assert.rejects(createProductionAccount(ctx, { pspid: 'HALF.DONE' }), /injected failure/);
    } finally {
      unregister();
    }
    const rows = await productionRows(h.db, 'HALF.DONE');
    assert.deepEqual([rows.accounts.length, rows.users.length, rows.audit.length], [0, 0, 0]);
    assert.equal((await accountRow(h.db, user.accountId)).productionAccountId, null);
    assert.equal(h.sentMails.length, mails, 'no mail');
    const testEntries = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, user.accountId), eq(auditLog.eventType, 'account.production_create')));
    assert.equal(testEntries.length, 0);
    // Once the failure is gone, the same creation goes through.
    await createProductionAccount(ctx, { pspid: 'HALF.DONE' });
    assert.equal((await productionRows(h.db, 'HALF.DONE')).users.length, 1);
  });
});

describe('secrets shown once', () => {
  test('a secret a part makes, or the password whose mail failed, is shown in the answer only; the summary’s reload has neither', async () => {
    const { browser } = await onStartPage();
    const unregister = registerCopyPart({
      name: 'secret_part',
      label: 'production.part.settings',
      details: 'production.part.settingsDetails',
      copy: async () => ({ shownOnce: [{ label: 'production.part.settings', value: 'NEW-PASSPHRASE-1' }] }),
    });
    const failing = { ...h, mailer: { send: async () => Promise.reject(new Error('SMTP down')) } };
    const auth = await validateSession(h.db, h.clock, browser.cookies.get('guichet_test_session') ?? '', 'test');
    assert.ok(auth);
    try {
      const created = await createProductionAccount(actorContextOf(failing, auth), { pspid: 'SECRET.LIVE' });
      assert.deepEqual(created.shownOnce, [{ label: 'production.part.settings', value: 'NEW-PASSPHRASE-1' }]);
      assert.ok('shown' in created.delivery && /^[A-Za-z0-9]{16}$/.test(created.delivery.shown));
    } finally {
      unregister();
    }
    await browser.get(paths.production.summary());
    assert.equal(browser.page.all('code.shown-password').length, 0);
  });

  test('through the page: the answer to the confirmation shows the part’s secret, at the summary’s address', async () => {
    const { user, browser } = await onStartPage();
    const unregister = registerCopyPart({
      name: 'secret_page_part',
      label: 'production.part.settings',
      details: 'production.part.settingsDetails',
      copy: async () => ({ shownOnce: [{ label: 'production.part.settings', value: 'NEW-PASSPHRASE-2' }] }),
    });
    try {
      const response = await browser.post(
        paths.production.create(),
        { pspid: user.pspid },
        { 'HX-Request': 'true', 'HX-Boosted': 'true' },
      );
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('HX-Replace-Url'), paths.production.summary());
      assert.deepEqual(
        browser.page.all('code.shown-password').map((code) => browser.page.textOf(code)),
        ['NEW-PASSPHRASE-2'],
      );
    } finally {
      unregister();
    }
  });
});

describe('TEST only, for those with the right', () => {
  test('in PRODUCTION the address does not exist and the menu has no such item; the service refuses too', async () => {
    const { browser } = await signIn(h, { environment: 'prod' });
    assert.equal((await browser.get('/prod/account/production')).status, 404);
    assert.equal((await browser.post('/prod/account/production', { pspid: 'X.LIVE' })).status, 404);
    await browser.get(paths.home('prod'));
    assert.ok(!browser.page.links().some((link) => link.href.includes('/account/production')));
    await assert.rejects(createProductionAccount(await contextOf(browser, 'prod'), { pspid: 'X.LIVE' }), NotFound);
  });

  test('an Encoder gets 403 and no menu item; an Admin without user management may create', async () => {
    const { user: admin } = await onStartPage();
    const encoder = await signIn(h, { account: admin, profile: 'encoder', userid: 'enc.user' });
    assert.equal((await encoder.browser.get(paths.production.start())).status, 403);
    assert.equal((await encoder.browser.post(paths.production.create(), { pspid: 'ENC.LIVE' })).status, 403);
    await encoder.browser.get(paths.home('test'));
    assert.equal(encoder.browser.page.link('Create production account'), undefined);
    const manager = await signIn(h, { account: admin, profile: 'admin_no_user_manager', userid: 'nouser.admin' });
    assert.equal((await manager.browser.get(paths.production.start())).status, 200);
    assert.equal(manager.browser.page.link('Create production account'), paths.production.start());
    assert.equal((await manager.browser.post(paths.production.create(), { pspid: 'MGR.LIVE' })).status, 303);
  });

  test('the service refuses a malformed PSPID beside the field whoever calls it', async () => {
    const { browser } = await onStartPage();
    const refusal = await createProductionAccount(await contextOf(browser), { pspid: 'no good' }).catch((e: unknown) => e);
    assert.ok(refusal instanceof RuleBroken && refusal.field === 'pspid');
  });
});

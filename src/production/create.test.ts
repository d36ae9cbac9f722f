import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { mailOrigin } from '../config.ts';
import { accounts, RETENTION_DAYS } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { accountRow, FILLED_ACCOUNT, fillAccount, listItems, productionRows, summaryTerms } from './test-fixtures.ts';

/**
 * I1 (guide 3.2.9): a TEST administrator copies the account into PRODUCTION, through the PSPID
 * form, the review page and the confirmation; the copy takes exactly the listed items, makes
 * only the default administrator, mails its password, links the TEST account to its twin and
 * is audited in both environments.
 */

const h = await createHarness();

/** A TEST administrator whose account has every value filled, on the PSPID form. */
async function onStartPage(overrides: Parameters<typeof fillAccount>[2] = {}) {
  const signedIn = await signIn(h);
  await fillAccount(h.db, signedIn.user.accountId, overrides);
  // The filled account requires two-factor authentication: its administrator has it (else every page sends them to its setup).
  await h.db.update(users).set({ totpEnabledAt: h.clock.now() }).where(eq(users.id, signedIn.user.id));
  await signedIn.browser.get(paths.production.start());
  return signedIn;
}

describe('creating the PRODUCTION account (I1)', () => {
  test('before the PRODUCTION account exists, the TEST account page has no block about it', async () => {
    const { browser } = await onStartPage();
    await browser.get(paths.account.page('test'));
    assert.equal(browser.page.h1(), 'Account');
    assert.equal(browser.page.one('#account-production-twin'), null);
  });

  test('the form proposes the TEST PSPID and says where the password will go; the review lists what is and is not copied', async () => {
    const { user, browser } = await onStartPage();
    assert.equal(browser.page.h1(), 'Create production account');
    assert.equal(browser.page.valueOf('#production-pspid'), user.pspid);
    assert.ok(browser.page.text().includes(`will be sent to ${FILLED_ACCOUNT.email}`));
    const menu = browser.page.all('nav a').map((a) => browser.page.textOf(a));
    assert.ok(menu.includes('Create production account'), 'in the Configuration menu');
    const current = browser.page.all('nav a[aria-current]').map((a) => browser.page.textOf(a));
    assert.deepEqual(current, ['Create production account'], 'the only current link, though its address is under /test/account');

    const response = await browser.get(paths.production.review(user.pspid));
    assert.equal(response.status, 200);
    assert.equal(browser.page.h1(), 'Review the PRODUCTION account');
    assert.deepEqual(Object.keys(summaryTerms(browser, 'production-copied')), ['Administrative data', 'Account settings']);
    assert.deepEqual(listItems(browser, 'production-not-copied'), [
      'The subscription (and the user limit it brings).',
      'The options, and the currencies accepted, which come with the multi-currency option. In PRODUCTION the account starts with no option and accepts EUR.',
      'The VAT number.',
      'The billing mode.',
      'The payment methods.',
      'The 3-D Secure data.',
      'The users: the PRODUCTION account has only its default administrator.',
    ]);
    assert.ok(browser.page.buttons().includes(`Create the PRODUCTION account ${user.pspid}`));
    assert.equal((await productionRows(h.db, user.pspid)).accounts.length, 0, 'the review writes nothing');
  });

  test('the copy takes exactly the listed items; the rest keeps the PRODUCTION defaults; the TEST account only gains its link', async () => {
    const { user, browser } = await onStartPage();
    const before = await accountRow(h.db, user.accountId);
    await browser.get(paths.production.review('LIVE.Dupont'));
    const response = await browser.post(paths.production.create(), { pspid: 'LIVE.Dupont' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), paths.production.summary());

    const { accounts: created } = await productionRows(h.db, 'LIVE.Dupont');
    assert.equal(created.length, 1);
    const prod = created[0]!;
    const { id, createdAt, ...copied } = prod;
    assert.deepEqual(copied, {
      environment: 'prod',
      pspid: 'LIVE.Dupont',
      // Copied: administrative data (without VAT number and billing mode) and account settings.
      companyName: FILLED_ACCOUNT.companyName,
      tradeName: FILLED_ACCOUNT.tradeName,
      phone: FILLED_ACCOUNT.phone,
      email: FILLED_ACCOUNT.email,
      billingAddress: FILLED_ACCOUNT.billingAddress,
      billingContact: FILLED_ACCOUNT.billingContact,
      timeZone: FILLED_ACCOUNT.timeZone,
      paymentPageLanguages: FILLED_ACCOUNT.paymentPageLanguages,
      termsUrl: FILLED_ACCOUNT.termsUrl,
      retentionDays: FILLED_ACCOUNT.retentionDays,
      twoFactorRequired: true,
      // Not copied: PRODUCTION's defaults.
      vatNumber: null,
      billingMode: 'invoice',
      subscription: 'professional',
      options: [],
      currencies: ['EUR'],
      userLimit: 10,
      sectionVersions: {},
      productionAccountId: null,
    });
    assert.equal(createdAt.getTime(), h.clock.now().getTime());
    assert.notEqual(prod.retentionDays, RETENTION_DAYS.default, 'the test value differs from the default');

    const after = await accountRow(h.db, user.accountId);
    assert.deepEqual(after, { ...before, productionAccountId: id }, 'the TEST account stays as it was, with its link');
  });

  test('only the default administrator is created, with a system-issued password mailed to the account’s address', async () => {
    const { user, browser } = await onStartPage();
    const mailsBefore = h.sentMails.length;
    await browser.get(paths.production.review(user.pspid));
    await browser.post(paths.production.create(), { pspid: user.pspid });

    const { users: created } = await productionRows(h.db, user.pspid);
    assert.equal(created.length, 1, 'one user only');
    const admin = created[0]!;
    assert.equal(admin.userid, user.pspid);
    assert.equal(admin.profile, 'admin');
    assert.equal(admin.isApiUser, false);
    assert.equal(admin.passwordIssued, true, 'a system-issued password: one login, then a change');
    assert.equal(admin.email, FILLED_ACCOUNT.email);
    assert.equal(admin.timeZone, FILLED_ACCOUNT.timeZone);

    const mails = h.sentMails.slice(mailsBefore);
    assert.equal(mails.length, 1);
    const mail = mails[0]!;
    assert.equal(mail.to, FILLED_ACCOUNT.email);
    assert.equal(mail.subject, `Your Guichet PRODUCTION account ${user.pspid}`);
    assert.ok(mail.text.includes(`${mailOrigin(h.config)}${paths.login('prod')} `), 'the mail links to the PRODUCTION login');
    const password = /Initial password: ([A-Za-z0-9]{16})/.exec(mail.text)?.[1];
    assert.ok(password);

    // The password works once in PRODUCTION, and asks for a new one at once.
    const prod = new TestBrowser(h.app);
    assert.equal((await logIn(prod, { userid: user.pspid, pspid: user.pspid, password }, { env: 'prod' })).status, 303);
    assert.equal((await prod.get(paths.home('prod'))).headers.get('Location'), paths.password.change('prod'));
    // The TEST session is not a PRODUCTION one, and the TEST password does not open PRODUCTION.
    const other = new TestBrowser(h.app);
    assert.notEqual((await logIn(other, user, { env: 'prod' })).status, 303);
  });

  test('the summary lists what was copied and what to set up again; the form then says when the account was created', async () => {
    const { user, browser } = await onStartPage();
    await browser.get(paths.production.review(user.pspid));
    const response = await browser.post(paths.production.create(), { pspid: user.pspid });
    await browser.get(response.headers.get('Location') ?? '');
    assert.equal(browser.page.h1(), `PRODUCTION account ${user.pspid}`);
    assert.equal(browser.page.flash(), 'The PRODUCTION account was created.');
    const shown = summaryTerms(browser, 'production-summary');
    assert.equal(shown['Initial password sent to'], FILLED_ACCOUNT.email);
    assert.equal(shown.Administrator, `USERID ${user.pspid}, profile Admin`);
    // Created at the manual clock's time, shown in the administrator's zone (Europe/Brussels).
    assert.match(shown['Created on'] ?? '', /^\d\d\/\d\d\/\d{4} \d\d:\d\d/);
    assert.deepEqual(Object.keys(summaryTerms(browser, 'production-copied')), ['Administrative data', 'Account settings']);
    assert.equal(listItems(browser, 'production-not-copied').length, 7);
    assert.equal(browser.page.link('Go to the PRODUCTION login'), paths.login('prod'));

    await browser.get(paths.production.start());
    assert.equal(browser.page.all('#production-pspid').length, 0, 'no form once created');
    const twin = browser.page.textOf(browser.page.one('#production-twin h2'));
    assert.equal(twin, `The PRODUCTION account ${user.pspid} was created from this account on ${shown['Created on']}.`);
    assert.equal(browser.page.link('What was copied, and what to set up again'), paths.production.summary());

    // The TEST account page links to its twin, with the date; the accountant's profile sees it without the summary link.
    await browser.get(paths.account.page('test'));
    assert.equal(
      browser.page.textOf(browser.page.one('#account-production-twin p')),
      `The PRODUCTION account ${user.pspid} was created from this account on ${shown['Created on']}.`,
    );
    assert.equal(browser.page.link('What was copied, and what to set up again'), paths.production.summary());
    assert.equal(browser.page.link('Go to the PRODUCTION login'), paths.login('prod'));
    await fillAccount(h.db, user.accountId, { twoFactorRequired: false });
    const viewer = await signIn(h, { account: user, profile: 'viewer', userid: 'the.accountant' });
    await viewer.browser.get(paths.account.page('test'));
    assert.ok(viewer.browser.page.one('#account-production-twin'));
    assert.equal(viewer.browser.page.link('What was copied, and what to set up again'), undefined);
  });

  test('the creation is audited in TEST (who, which PSPID) and in PRODUCTION (the account’s creation)', async () => {
    const { user, browser } = await onStartPage();
    await browser.get(paths.production.review('AUDIT.LIVE'));
    await browser.post(paths.production.create(), { pspid: 'AUDIT.LIVE' });
    const [inTest] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, user.accountId), eq(auditLog.eventType, 'account.production_create')));
    assert.ok(inTest);
    assert.equal(inTest.actor, user.userid);
    assert.equal(inTest.object, `account:${user.accountId}`);
    assert.deepEqual(inTest.details, {
      productionPspid: 'AUDIT.LIVE',
      copied: ['administrative_data', 'account_settings'],
      administrator: 'AUDIT.LIVE',
      passwordTo: FILLED_ACCOUNT.email,
    });
    const { accounts: created, audit } = await productionRows(h.db, 'AUDIT.LIVE');
    assert.deepEqual(
      audit.map((entry) => [entry.eventType, entry.actor, entry.object]),
      [['account.create_from_test', 'system', `account:${created[0]!.id}`]],
    );
    assert.deepEqual(audit[0]!.details, {
      testPspid: user.pspid,
      createdBy: user.userid,
      copied: ['administrative_data', 'account_settings'],
      administrator: 'AUDIT.LIVE',
      passwordTo: FILLED_ACCOUNT.email,
    });

    // The TEST audit page shows the entry in words.
    await browser.get(paths.audit.list('test', { event: 'account.production_create' }));
    const text = browser.page.text();
    assert.ok(text.includes('PRODUCTION account created from this account'), text);
    assert.ok(text.includes('Copied: Administrative data, Account settings'), text);
  });

  test('without an account e-mail address the password goes to the acting administrator’s own', async () => {
    const owner = await signIn(h);
    await fillAccount(h.db, owner.user.accountId, { email: null, twoFactorRequired: false });
    const { browser } = await signIn(h, { account: owner.user, email: 'me@admin.example', userid: 'acting.admin' });
    await browser.get(paths.production.start());
    assert.ok(browser.page.text().includes('will be sent to me@admin.example'));
    await browser.get(paths.production.review(owner.user.pspid));
    await browser.post(paths.production.create(), { pspid: owner.user.pspid });
    assert.equal(h.sentMails.at(-1)?.to, 'me@admin.example');
    const [row] = await h.db.select().from(accounts).where(eq(accounts.id, owner.user.accountId));
    assert.ok(row?.productionAccountId);
  });
});

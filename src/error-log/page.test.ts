import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import type { Profile } from '../db/schema/users.ts';
import { missingFieldsText, SHA_MISMATCH_TEXT } from '../directlink/error-texts.ts';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import { TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { errorRows, NOW, writeErrors } from './test-fixtures.ts';

/** PRODUCT.md J1: Configuration > Error logs, at the route. */
const h = await createHarness();
h.clock.set(NOW);
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const HEADER = ['Time', 'Source', 'USERID', 'ORDERID', 'NCERROR', 'Detailed reason'];

describe('the last three days of the account', () => {
  test('lists the errors of the last 72 hours, newest first, with time, source, USERID, ORDERID, NCERROR and reason', async () => {
    const { user, browser } = await signIn(h);
    const other = await createAccount(h.db);
    await writeErrors(h.db, user.accountId, [
      { at: ago(72 * HOUR_MS + SECOND_MS), orderId: 'TOO-OLD' },
      { at: ago(72 * HOUR_MS), orderId: 'AT-THE-EDGE', ncError: '50001113', reason: 'This order has already been processed' },
      {
        at: ago(30 * MINUTE_MS),
        orderId: 'NEWEST',
        userid: 'unknown.user',
        ncError: '50001119',
        reason: 'Password incorrect or disabled due to number of errors',
      },
      {
        at: ago(2 * HOUR_MS),
        source: 'eterminal',
        userid: null,
        orderId: null,
        ncError: '30051001',
        reason: 'Refused by the issuer',
      },
    ]);
    await writeErrors(h.db, other.accountId, [{ at: ago(HOUR_MS), orderId: 'OTHER-ACCOUNT' }]);
    const response = await browser.get(paths.errorLogs.list('test'));
    assert.equal(response.status, 200);
    const { page } = browser;
    assert.equal(page.h1(), 'Error logs');
    assert.equal(page.title(), 'Error logs – Guichet');
    assert.equal(page.textOf(page.one('caption')), 'Transaction errors of the last three days, newest first');
    assert.deepEqual(page.table()[0], HEADER);
    assert.deepEqual(errorRows(page), [
      [
        '01/04/2026 11:30 CEST',
        'DirectLink',
        'unknown.user',
        'NEWEST',
        '50001119',
        'Password incorrect or disabled due to number of errors',
      ],
      ['01/04/2026 10:00 CEST', 'e-Terminal', '—', '—', '30051001', 'Refused by the issuer'],
      ['29/03/2026 12:00 CEST', 'DirectLink', 'api.user', 'AT-THE-EDGE', '50001113', 'This order has already been processed'],
    ]);
    assert.ok(!page.text().includes('TOO-OLD'), 'older than 72 hours: not shown');
    assert.ok(!page.text().includes('OTHER-ACCOUNT'), 'another account’s errors never');
    assert.equal(page.one('time')?.getAttribute('datetime'), '2026-04-01T09:30:00.000Z');
    assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
  });

  test('times are in the reader’s own time zone, which the page names', async () => {
    const admin = await createAccount(h.db);
    await writeErrors(h.db, admin.accountId, [{ at: new Date('2026-04-01T09:30:00Z') }]);
    const { browser } = await signIn(h, { account: admin, userid: 'in.new.york', timeZone: 'America/New_York' });
    await browser.get(paths.errorLogs.list('test'));
    assert.ok(browser.page.text().includes('Times are in your time zone, America/New_York.'));
    assert.equal(errorRows(browser.page)[0]?.[0], '01/04/2026 05:30 GMT-4');
  });

  test('with no errors in the last three days, it says so', async () => {
    const { user, browser } = await signIn(h);
    await writeErrors(h.db, user.accountId, [{ at: ago(4 * 24 * HOUR_MS) }]);
    await browser.get(paths.errorLogs.list('test'));
    const { page } = browser;
    assert.equal(page.one('table'), null);
    assert.equal(page.textOf(page.one('[role=status]')), 'There were no transaction errors in the last three days.');
    assert.equal(page.one('nav[aria-label="Pages of errors"]'), null);
  });

  test('moving the clock on takes an error off the page once it is 72 hours old', async () => {
    const { user, browser } = await signIn(h);
    await writeErrors(h.db, user.accountId, [{ at: ago(71 * HOUR_MS), orderId: 'SOON-GONE' }]);
    await browser.get(paths.errorLogs.list('test'));
    assert.equal(errorRows(browser.page).length, 1);
    h.clock.advance(HOUR_MS + SECOND_MS);
    try {
      await browser.get(paths.errorLogs.list('test'));
      assert.equal(errorRows(browser.page).length, 0);
    } finally {
      h.clock.set(NOW);
    }
  });
});

describe('the source filter', () => {
  test('a plain GET form: choosing a source lists only its errors, and the choice is shown back', async () => {
    const { user, browser } = await signIn(h);
    await writeErrors(h.db, user.accountId, [
      { at: ago(HOUR_MS), source: 'directlink', orderId: 'DL-1' },
      { at: ago(2 * HOUR_MS), source: 'eterminal', orderId: 'ET-1' },
      { at: ago(3 * HOUR_MS), source: 'directlink', orderId: 'DL-2' },
    ]);
    await browser.get(paths.errorLogs.list('test'));
    const form = browser.page.one('form[method=get]');
    assert.equal(form?.getAttribute('action'), '/test/error-logs');
    const select = browser.page.field('Source');
    assert.equal(select?.getAttribute('name'), 'source');
    assert.deepEqual(
      [...(select?.querySelectorAll('option') ?? [])].map((o) => [o.getAttribute('value'), browser.page.textOf(o)]),
      [
        ['', 'All sources'],
        ['directlink', 'DirectLink'],
        ['eterminal', 'e-Terminal'],
        ['ecommerce', 'e-Commerce'],
        ['batch', 'Batch (file upload)'],
        ['subscription', 'Subscription Manager'],
      ],
    );
    assert.deepEqual(browser.page.all('form[method=get] button').map(browser.page.textOf), ['Show errors']);

    await browser.get(paths.errorLogs.list('test', { source: 'eterminal' }));
    assert.deepEqual(
      errorRows(browser.page).map((row) => [row[1], row[3]]),
      [['e-Terminal', 'ET-1']],
    );
    assert.equal(browser.page.valueOf('#error-log-source'), 'eterminal');
    assert.equal(browser.page.link('Show all sources'), '/test/error-logs');

    await browser.get(paths.errorLogs.list('test', { source: 'directlink' }));
    assert.deepEqual(
      errorRows(browser.page).map((row) => row[3]),
      ['DL-1', 'DL-2'],
    );

    await browser.get(paths.errorLogs.list('test', { source: 'batch' }));
    assert.equal(
      browser.page.textOf(browser.page.one('[role=status]')),
      'There were no transaction errors from Batch (file upload) in the last three days.',
    );
  });

  test('a source not in the list is a problem beside the field (422), and nothing is listed', async () => {
    const { user, browser } = await signIn(h);
    await writeErrors(h.db, user.accountId, [{ at: ago(HOUR_MS) }]);
    const response = await browser.get(paths.errorLogs.list('test', { source: 'fax' }));
    assert.equal(response.status, 422);
    assert.equal(browser.page.title(), 'Error: Error logs – Guichet');
    assert.deepEqual(browser.page.errorSummary(), [
      { text: 'Source: Choose a source from the list.', href: '#error-log-source' },
    ]);
    assert.equal(browser.page.fieldError('error-log-source'), 'Choose a source from the list.');
    assert.equal(browser.page.one('table'), null);
  });
});

describe('paging by key', () => {
  test('120 errors, three sharing each second: pages of 50, 50 and 20 going older, then back, no duplicate and no gap', async () => {
    const { user, browser } = await signIn(h);
    const start = ago(10 * HOUR_MS).getTime();
    await writeErrors(
      h.db,
      user.accountId,
      Array.from({ length: 120 }, (_, n) => ({ at: new Date(start + Math.floor(n / 3) * SECOND_MS), orderId: `N-${n}` })),
    );
    // Another source in between: the filter is kept across pages.
    await writeErrors(h.db, user.accountId, [{ at: new Date(start + 5 * SECOND_MS), source: 'eterminal', orderId: 'ET' }]);
    const numbers = () => errorRows(browser.page).map((row) => Number(row[3]?.replace('N-', '')));
    await browser.get(paths.errorLogs.list('test', { source: 'directlink' }));
    assert.equal(browser.page.link('Newer errors'), undefined, 'already on the newest');
    const seen: number[] = [...numbers()];
    const sizes = [numbers().length];
    const pages: string[] = [];
    let older = browser.page.link('Older errors');
    while (older) {
      assert.match(older, /^\/test\/error-logs\?source=directlink&before=[^&]+$/);
      pages.push(older);
      assert.equal((await browser.get(older)).status, 200);
      assert.ok(browser.page.link('Newer errors'), 'a page further on leads back');
      seen.push(...numbers());
      sizes.push(numbers().length);
      older = browser.page.link('Older errors');
    }
    assert.deepEqual(sizes, [50, 50, 20]);
    assert.deepEqual(
      seen,
      Array.from({ length: 120 }, (_, i) => 119 - i),
    );
    // Back from the last page: the same pages, newest first, until the newest, which has no "Newer errors".
    const back: number[][] = [];
    let newer = browser.page.link('Newer errors');
    while (newer) {
      assert.match(newer, /^\/test\/error-logs\?source=directlink&after=[^&]+$/);
      await browser.get(newer);
      back.push(numbers());
      assert.ok(browser.page.link('Older errors'));
      newer = browser.page.link('Newer errors');
    }
    assert.deepEqual(back, [Array.from({ length: 50 }, (_, i) => 69 - i), Array.from({ length: 50 }, (_, i) => 119 - i)]);
  });

  test('a cursor that is not one is a bad request', async () => {
    const { browser } = await signIn(h);
    for (const query of [
      { before: 'garbage' },
      { before: '2026-03-01T00:00:00Z~abc' },
      { after: '2026-02-30T00:00:00Z~1' },
      { after: '2026-03-01T00:00:00Z~1~2' },
      { before: '2026-03-01T00:00:00Z~1', after: '2026-03-01T00:00:00Z~2' },
    ]) {
      assert.equal((await browser.get(paths.errorLogs.list('test', query))).status, 400, JSON.stringify(query));
    }
  });
});

describe('who may read the error log', () => {
  for (const profile of ['encoder', 'super_encoder'] as Profile[]) {
    test(`${profile}: no menu link, 403 on the page`, async () => {
      const admin = await createAccount(h.db);
      const { browser } = await signIn(h, { account: admin, userid: `e-${profile}`, profile });
      await browser.get(paths.home('test'));
      assert.deepEqual(
        browser.page.links().filter((link) => link.text === 'Error logs' || link.href.startsWith('/test/error-logs')),
        [],
      );
      assert.equal((await browser.get(paths.errorLogs.list('test'))).status, 403);
      assert.equal(browser.page.h1(), 'Not allowed');
    });
  }

  for (const profile of ['admin', 'admin_no_user_manager', 'viewer'] as Profile[]) {
    test(`${profile}: reaches the page from the menu, after the audit log for those who have it`, async () => {
      const admin = await createAccount(h.db);
      const { browser } = await signIn(h, { account: admin, userid: `r-${profile}`.slice(0, 20), profile });
      await browser.get(paths.home('test'));
      const configuration = browser.page.links().map((link) => link.text);
      assert.ok(configuration.includes('Error logs'));
      if (profile !== 'viewer') assert.equal(configuration.indexOf('Error logs'), configuration.indexOf('Audit log') + 1);
      assert.equal((await browser.get(browser.page.link('Error logs') ?? '')).status, 200);
      const current = browser.page.one('nav a[aria-current=page]');
      assert.equal(current && browser.page.textOf(current), 'Error logs', 'the menu marks the page');
    });
  }

  test('without a session, the page sends to the login and comes back', async () => {
    const here = paths.errorLogs.list('test', { source: 'directlink' });
    const response = await new TestBrowser(h.app).get(here);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), `/test/login?next=${encodeURIComponent(here)}`);
  });

  test('PRODUCTION lists the PRODUCTION account’s own errors', async () => {
    const { user, browser } = await signIn(h, { environment: 'prod' });
    await writeErrors(h.db, user.accountId, [{ at: ago(HOUR_MS), orderId: 'PROD-1' }]);
    assert.equal((await browser.get(paths.errorLogs.list('prod'))).status, 200);
    assert.deepEqual(
      errorRows(browser.page).map((row) => row[3]),
      ['PROD-1'],
    );
  });
});

describe('in French', () => {
  test('texts, sources, times and the empty state in French', async () => {
    const admin = await createAccount(h.db);
    await writeErrors(h.db, admin.accountId, [{ at: new Date('2026-04-01T09:30:00Z'), source: 'batch', orderId: 'FR-1' }]);
    const { browser } = await signIn(h, { account: admin, userid: 'lecteur', profile: 'viewer', language: 'fr' });
    await browser.get(paths.home('test'));
    assert.ok(browser.page.links().some((link) => link.text === 'Journaux d’erreur'));
    await browser.get(paths.errorLogs.list('test'));
    const { page } = browser;
    assert.equal(page.lang(), 'fr');
    assert.equal(page.h1(), 'Journaux d’erreur');
    assert.deepEqual(page.table()[0], ['Heure', 'Source', 'USERID', 'ORDERID', 'NCERROR', 'Raison détaillée']);
    assert.deepEqual(errorRows(page)[0]?.slice(0, 2), ['01/04/2026 11:30 UTC+2', 'Batch (envoi de fichiers)']);
    assert.ok(page.text().includes('Les heures sont dans votre fuseau horaire, Europe/Brussels.'));
    assert.deepEqual(page.all('form[method=get] button').map(page.textOf), ['Afficher les erreurs']);
    await browser.get(paths.errorLogs.list('test', { source: 'ecommerce' }));
    assert.equal(
      browser.page.textOf(browser.page.one('[role=status]')),
      'Il n’y a eu aucune erreur de transaction venant de e-Commerce au cours des trois derniers jours.',
    );
  });
});

describe('the reason in the reader’s language', () => {
  /** A standard text, a field-specific one (DirectLink's own) and a technical one, as the API answered them. */
  const entries = [
    { at: ago(HOUR_MS), orderId: 'STANDARD', ncError: '50001113', reason: ncErrorPlusText(NCERROR.orderAlreadyProcessed) },
    { at: ago(2 * HOUR_MS), orderId: 'MISSING', ncError: '50001111', reason: missingFieldsText(['ORDERID']) },
    { at: ago(3 * HOUR_MS), orderId: 'SIGNATURE', ncError: '50001184', reason: SHA_MISMATCH_TEXT },
  ];

  test('English: the stored texts as the API answered them', async () => {
    const admin = await createAccount(h.db);
    await writeErrors(h.db, admin.accountId, entries);
    const { browser } = await signIn(h, { account: admin, userid: 'reason.en', language: 'en' });
    await browser.get(paths.errorLogs.list('test'));
    assert.deepEqual(
      errorRows(browser.page).map((row) => row[5]),
      ['This order has already been processed.', 'no orderid', 'unknown order/1/s'],
    );
    assert.equal(browser.page.one('table td [lang]'), null);
  });

  test('French: a standard text in French; any other as stored, marked English, with the code’s meaning in French', async () => {
    const admin = await createAccount(h.db);
    await writeErrors(h.db, admin.accountId, entries);
    const { browser } = await signIn(h, { account: admin, userid: 'raison.fr', language: 'fr' });
    await browser.get(paths.errorLogs.list('test'));
    const { page } = browser;
    assert.deepEqual(
      errorRows(page).map((row) => row[5]),
      [
        'Cette commande a déjà été traitée.',
        'no orderid Signification du code : Erreur de validation des données',
        'unknown order/1/s Signification du code : Signature SHA non concordante',
      ],
    );
    assert.deepEqual(page.all('table td span[lang=en]').map(page.textOf), ['no orderid', 'unknown order/1/s']);
    // What is stored stays what the API answered.
    const stored = await h.db
      .select({ reason: transactionErrors.reason })
      .from(transactionErrors)
      .where(eq(transactionErrors.accountId, admin.accountId));
    assert.deepEqual(stored.map((row) => row.reason).sort(), [
      ' no orderid',
      'This order has already been processed.',
      'unknown order/1/s',
    ]);
  });
});

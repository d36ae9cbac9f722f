import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detailPairs } from '../audit/labels.ts';
import { translator } from '../i18n/catalogue.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { readTechnicalSettings } from './settings.ts';
import { auditEntries, technicalForm, technicalPage, technicalSectionPath } from './test-fixtures.ts';

const h = await createHarness();

describe('Technical information: the page (F1)', () => {
  test('the tabs are links to sections of the page, every setting has its "i" help, and Test info lists the test cards', async () => {
    const { browser } = await signIn(h);
    const response = await browser.get(technicalPage());
    assert.equal(response.status, 200);
    assert.equal(browser.page.h1(), 'Technical information');
    const tabs = browser.page
      .all('nav.technical-tabs a')
      .map((a) => ({ text: browser.page.textOf(a), href: a.getAttribute('href') }));
    assert.deepEqual(
      tabs.map((tab) => tab.text),
      [
        'Global transaction parameters',
        'Global security parameters',
        'Data and origin verification',
        'Transaction feedback',
        'Transaction e-mails',
        'Test info',
      ],
    );
    for (const tab of tabs) assert.ok(browser.page.one(tab.href ?? ''), `the anchor ${tab.href} exists`);
    // One "i" per setting: a summary named "Help: <label>" whose text is in the page.
    const helps = browser.page.all('details.info-help summary .visually-hidden').map((s) => browser.page.textOf(s));
    for (const label of [
      'Default operation code',
      'Hash algorithm',
      'Allowed IP addresses',
      'New SHA-OUT passphrase',
      'Your e-mail addresses',
    ]) {
      assert.ok(helps.includes(`Help: ${label}`), `help for ${label}`);
    }
    assert.equal(helps.length, 22);
    const cards = browser.page.table('#technical-test-info table');
    assert.deepEqual(cards[0], ['Card number', 'Brand', 'Result (NCERROR)']);
    assert.ok(cards.some((row) => row[0] === '4111 1111 1111 1111' && row[1] === 'VISA' && row[2] === 'Authorised. (0)'));
    assert.ok(cards.some((row) => row[0] === '1111 1111 1111 1111' && row[1] === 'No brand'));
  });

  test('in French', async () => {
    const { user } = await signIn(h);
    const { browser } = await signIn(h, { account: user, userid: 'french.admin', language: 'fr' });
    await browser.get(technicalPage());
    assert.equal(browser.page.h1(), 'Informations techniques');
    assert.ok(browser.page.field('Code d’opération par défaut'));
    assert.ok(browser.page.text().includes('Autorisée.'));
  });
});

describe('who may see and change it', () => {
  test('the Viewer reads the settings without any form; a post is refused (403) and changes nothing', async () => {
    const { user } = await signIn(h);
    const { browser } = await signIn(h, { account: user, userid: 'the.viewer', profile: 'viewer' });
    assert.equal((await browser.get(technicalPage())).status, 200);
    assert.equal(browser.page.all('form[action^="/test/technical-information"]').length, 0);
    const summary = browser.page.definitions('#technical-directlink-checks dl');
    assert.equal(browser.page.textOf(summary['SHA-IN passphrase']), 'Not set');
    const refused = await browser.post(technicalSectionPath('security'), technicalForm('security', { shaAlgorithm: 'SHA-1' }));
    assert.equal(refused.status, 403);
    assert.equal((await readTechnicalSettings(h.db, user.accountId)).shaAlgorithm, 'SHA-512');
  });

  test('encoders have no access (403) and no menu link; administrators and the Viewer find it under Configuration', async () => {
    const { user } = await signIn(h);
    const { browser } = await signIn(h, { account: user, userid: 'the.encoder', profile: 'encoder' });
    await browser.get('/test/home');
    assert.equal(browser.page.link('Technical information'), undefined);
    assert.equal((await browser.get(technicalPage())).status, 403);
    for (const profile of ['admin', 'admin_no_user_manager', 'viewer'] as const) {
      const { browser: reader } = await signIn(h, { account: user, userid: `menu.${profile}`.slice(0, 20), profile });
      await reader.get('/test/home');
      assert.equal(reader.page.link('Technical information'), technicalPage(), profile);
      await reader.get(technicalPage());
      const current = reader.page.one('nav [aria-current="page"]');
      assert.equal(current && reader.page.textOf(current), 'Technical information', 'the menu marks the page');
    }
  });
});

describe('each section: refused beside its fields with what was typed kept, saved, audited with before and after', () => {
  test('global transaction parameters', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(technicalPage());
    const bad = technicalForm('transaction', { captureAfterDays: '1', paymentRetries: 'ten', defaultOperation: 'XXX' });
    assert.equal((await browser.post(technicalSectionPath('transaction'), bad)).status, 422);
    assert.equal(browser.page.fieldError('technical-transaction-capture-after-days'), 'Enter a number of days from 2 to 30.');
    assert.equal(browser.page.fieldError('technical-transaction-payment-retries'), 'Enter a number of attempts from 1 to 99.');
    assert.equal(browser.page.fieldError('technical-transaction-default-operation'), 'Choose one of the options offered.');
    assert.equal(browser.page.valueOf('#technical-transaction-payment-retries'), 'ten');
    assert.ok(browser.page.title().startsWith('Error: '));

    const good = technicalForm('transaction', {
      defaultOperation: 'SAL',
      dataCapture: 'after_days',
      captureAfterDays: '5',
      defaultEci: '1',
    });
    const saved = await browser.post(technicalSectionPath('transaction'), good);
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('Location'), technicalPage());
    await browser.get(technicalPage());
    assert.equal(browser.page.flash(), 'The transaction parameters were saved.');
    assert.equal(browser.page.valueOf('#technical-transaction-default-operation'), 'SAL');
    const settings = await readTechnicalSettings(h.db, user.accountId);
    assert.equal(settings.defaultOperation, 'SAL');
    assert.equal(settings.captureAfterDays, 5);
    assert.equal(settings.defaultEci, 1);
    assert.deepEqual(settings.sectionVersions, { transaction: 2 });
    const [entry] = await auditEntries(h.db, user.accountId, 'technical.transaction_parameters');
    assert.equal(entry?.userId, user.id);
    assert.deepEqual(entry?.details, {
      changes: {
        defaultOperation: { before: 'RES', after: 'SAL' },
        dataCapture: { before: 'merchant', after: 'after_days' },
        captureAfterDays: { before: 2, after: 5 },
        defaultEci: { before: 7, after: 1 },
      },
    });
    assert.deepEqual(
      detailPairs(translator('en'), 'technical.transaction_parameters', entry?.details ?? {}).find(
        ([label]) => label === 'Default ECI',
      ),
      ['Default ECI', '7 → 1'],
    );
    // The same values again: nothing changes, nothing is recorded.
    await browser.post(technicalSectionPath('transaction'), { ...good, version: '2' });
    await browser.get(technicalPage());
    assert.equal(browser.page.flash(), 'Nothing was changed.');
    assert.equal((await auditEntries(h.db, user.accountId, 'technical.transaction_parameters')).length, 1);
  });

  test('global security parameters', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(technicalPage());
    assert.equal(
      (await browser.post(technicalSectionPath('security'), technicalForm('security', { shaAlgorithm: 'MD5' }))).status,
      422,
    );
    assert.equal(browser.page.fieldError('technical-security-sha-algorithm'), 'Choose one of the options offered.');
    const form = technicalForm('security', { shaAlgorithm: 'SHA-256', charset: 'iso-8859-1' });
    assert.equal((await browser.post(technicalSectionPath('security'), form)).status, 303);
    const [entry] = await auditEntries(h.db, user.accountId, 'technical.security_parameters');
    assert.deepEqual(entry?.details, {
      changes: {
        shaAlgorithm: { before: 'SHA-512', after: 'SHA-256' },
        charset: { before: 'utf-8', after: 'iso-8859-1' },
      },
    });
  });

  test('checks for e-Commerce: referrer addresses one per line, http or https with a host name', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(technicalPage());
    const typed = 'https://shop.example.com/checkout\nftp://files.example.com\nhttp://192.0.2.1/';
    assert.equal(
      (await browser.post(technicalSectionPath('ecommerce'), technicalForm('ecommerce', { referrerUrls: typed }))).status,
      422,
    );
    assert.equal(
      browser.page.fieldError('technical-ecommerce-referrer-urls'),
      'Enter one address per line, each starting with http:// or https:// and with a host name. Not accepted: ftp://files.example.com, http://192.0.2.1/',
    );
    assert.equal(browser.page.valueOf('#technical-ecommerce-referrer-urls'), typed);
    const good = 'https://shop.example.com/checkout\r\n\r\nhttp://www.example.org/basket';
    assert.equal(
      (await browser.post(technicalSectionPath('ecommerce'), technicalForm('ecommerce', { referrerUrls: good }))).status,
      303,
    );
    const settings = await readTechnicalSettings(h.db, user.accountId);
    assert.deepEqual(settings.referrerUrls, ['https://shop.example.com/checkout', 'http://www.example.org/basket']);
  });

  test('checks for DirectLink: allowed IPs normalised; a wrong one refused beside the field, what was typed kept', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(technicalPage());
    const typed = '192.0.2.10, 2001:DB8:0:0:0:0:0:1\nserver.example.com; 10.0.0.300';
    assert.equal(
      (await browser.post(technicalSectionPath('directLink'), technicalForm('directLink', { allowedIps: typed }))).status,
      422,
    );
    assert.equal(
      browser.page.fieldError('technical-directlink-allowed-ips'),
      'Enter IPv4 or IPv6 addresses only, one per line or separated by commas. Not addresses: server.example.com, 10.0.0.300',
    );
    assert.equal(browser.page.valueOf('#technical-directlink-allowed-ips'), typed);
    const good = '192.0.2.10, 2001:DB8:0:0:0:0:0:1\n::ffff:198.51.100.7\n192.0.2.10';
    assert.equal(
      (await browser.post(technicalSectionPath('directLink'), technicalForm('directLink', { allowedIps: good }))).status,
      303,
    );
    assert.deepEqual((await readTechnicalSettings(h.db, user.accountId)).allowedIps, [
      '192.0.2.10',
      '2001:db8::1',
      '198.51.100.7',
    ]);
    await browser.get(technicalPage());
    assert.equal(browser.page.valueOf('#technical-directlink-allowed-ips'), '192.0.2.10\n2001:db8::1\n198.51.100.7');
    const [entry] = await auditEntries(h.db, user.accountId, 'technical.directlink_checks');
    assert.deepEqual(entry?.details, {
      changes: { allowedIps: { before: [], after: ['192.0.2.10', '2001:db8::1', '198.51.100.7'] } },
    });
  });

  test('transaction feedback: addresses on ports 80 or 443 with a host name; a timing needs an address', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(technicalPage());
    const bad = technicalForm('feedback', {
      postSaleUrlAccepted: 'https://shop.example.com:8443/ok',
      statusChangeUrl: 'http://127.0.0.1/status',
    });
    assert.equal((await browser.post(technicalSectionPath('feedback'), bad)).status, 422);
    const wrongUrl =
      'Enter an address starting with http:// or https://, with a host name (not an IP address) and port 80 or 443 if any.';
    assert.equal(browser.page.fieldError('technical-feedback-post-sale-url-accepted'), wrongUrl);
    assert.equal(browser.page.fieldError('technical-feedback-status-change-url'), wrongUrl);

    const noAddress = technicalForm('feedback', { postSaleTiming: 'online' });
    assert.equal((await browser.post(technicalSectionPath('feedback'), noAddress)).status, 422);
    assert.equal(
      browser.page.fieldError('technical-feedback-post-sale-url-accepted'),
      'Enter a post-sale address, or choose “No request”.',
    );
    assert.equal(browser.page.valueOf('#technical-feedback-post-sale-timing'), 'online');

    const good = technicalForm('feedback', {
      postSaleUrlAccepted: 'https://shop.example.com/ogone/accepted',
      postSaleTiming: 'online_deferred',
      statusChangeUrl: 'http://shop.example.com:80/ogone/status',
      ORDERID: '1',
      STATUS: '1',
      PAYID: 'on',
    });
    assert.equal((await browser.post(technicalSectionPath('feedback'), good)).status, 303);
    const settings = await readTechnicalSettings(h.db, user.accountId);
    assert.equal(settings.postSaleTiming, 'online_deferred');
    assert.equal(settings.statusChangeUrl, 'http://shop.example.com:80/ogone/status');
    assert.deepEqual(settings.feedbackParameters, ['ORDERID', 'PAYID', 'STATUS']);
    await browser.get(technicalPage());
    assert.equal(browser.page.valueOf('#technical-feedback-param-payid'), 'on');
    assert.equal(browser.page.valueOf('#technical-feedback-param-cn'), '');
  });

  test('transaction e-mails: each address checked; the merchant e-mails need an address', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(technicalPage());
    const bad = technicalForm('emails', { merchantEmails: 'shop@example.com; not an address' });
    assert.equal((await browser.post(technicalSectionPath('emails'), bad)).status, 422);
    assert.equal(
      browser.page.fieldError('technical-emails-merchant-emails'),
      'Enter e-mail addresses like name@example.com, separated by semicolons. Not accepted: not an address',
    );
    const none = technicalForm('emails', { statusChangeEmails: '1' });
    assert.equal((await browser.post(technicalSectionPath('emails'), none)).status, 422);
    assert.equal(
      browser.page.fieldError('technical-emails-merchant-emails'),
      'Enter at least one e-mail address for the e-mails you switched on.',
    );
    const good = technicalForm('emails', {
      merchantEmails: 'shop@example.com;accounts@example.com',
      merchantConfirmationEmails: '1',
    });
    assert.equal((await browser.post(technicalSectionPath('emails'), good)).status, 303);
    const settings = await readTechnicalSettings(h.db, user.accountId);
    assert.equal(settings.merchantEmails, 'shop@example.com;accounts@example.com');
    assert.equal(settings.merchantConfirmationEmails, true);
    const [entry] = await auditEntries(h.db, user.accountId, 'technical.emails');
    assert.deepEqual(entry?.details, {
      changes: {
        merchantEmails: { before: null, after: 'shop@example.com;accounts@example.com' },
        merchantConfirmationEmails: { before: false, after: true },
      },
    });
  });
});

describe('stale edits and htmx', () => {
  test('a stale edit answers 409 with the section as saved now and what was typed; nothing is overwritten', async () => {
    const { user, browser } = await signIn(h);
    const { browser: other } = await signIn(h, { account: user, userid: 'second.admin', profile: 'admin' });
    await browser.get(technicalPage());
    await other.get(technicalPage());
    assert.equal(
      (await other.post(technicalSectionPath('security'), technicalForm('security', { shaAlgorithm: 'SHA-256' }))).status,
      303,
    );
    const late = await browser.post(technicalSectionPath('security'), technicalForm('security', { shaAlgorithm: 'SHA-1' }));
    assert.equal(late.status, 409);
    assert.ok(browser.page.alert().startsWith('Someone changed this section while you were editing.'));
    const saved = browser.page.definitions('#technical-security dl');
    assert.equal(browser.page.textOf(saved['Hash algorithm']), 'SHA-256');
    assert.equal(browser.page.valueOf('#technical-security-sha-algorithm'), 'SHA-1');
    assert.equal((await readTechnicalSettings(h.db, user.accountId)).shaAlgorithm, 'SHA-256');
    assert.equal((await auditEntries(h.db, user.accountId, 'technical.security_parameters')).length, 1);
  });

  test('with htmx, the section saved comes back alone with its message', async () => {
    const { browser } = await signIn(h);
    await browser.get(technicalPage());
    const response = await browser.post(technicalSectionPath('security'), technicalForm('security', { shaAlgorithm: 'SHA-1' }), {
      'HX-Request': 'true',
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('HX-Replace-Url'), technicalPage());
    assert.equal(browser.page.one('h1'), null);
    assert.equal(browser.page.one('section')?.getAttribute('id'), 'technical-security');
    assert.equal(
      browser.page.textOf(browser.page.one('[role=status]')),
      'The security parameters were saved. They apply from the next request on.',
    );
  });
});

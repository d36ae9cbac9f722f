import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { setOptions } from '../account/test-fixtures.ts';
import { auditLog } from '../db/schema/audit.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { processDueOperations } from '../payments/offline.ts';
import { saveTechnicalSettings } from '../technical/settings.ts';
import type { TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { FORM, payment, storedOrder, terminalShop } from './test-fixtures.ts';

const h = await createHarness();

/** Posts a payment and follows the 303 to its result page; returns the result's address. */
async function pay(browser: TestBrowser, fields: Record<string, string>) {
  const response = await browser.post(FORM, fields);
  assert.equal(response.status, 303, `the payment was refused: ${browser.page.errorSummary().map((e) => e.text)}`);
  const location = response.headers.get('Location') ?? '';
  assert.match(location, /^\/test\/operations\/new-transaction\/result\/\d{10,}$/);
  assert.equal((await browser.get(location)).status, 200);
  return location;
}

/** The result page's details, by term. */
function details(browser: TestBrowser): Record<string, string> {
  const entries = browser.page.definitions('main dl');
  return Object.fromEntries(Object.entries(entries).map(([term, dd]) => [term, browser.page.textOf(dd)]));
}

describe('Operations > New transaction (O1): payments', () => {
  test('an encoder sees the form under Operations, the default operation chosen and the account’s currencies', async () => {
    const { browser } = await terminalShop(h);
    assert.equal(browser.page.h1(), 'New transaction');
    const link = browser.page.all('nav[aria-label="Main menu"] a').find((a) => browser.page.textOf(a) === 'New transaction');
    assert.equal(link?.getAttribute('href'), FORM);
    assert.equal(link?.getAttribute('aria-current'), 'page');
    assert.equal(browser.page.valueOf('#eterminal-operation'), 'RES');
    assert.deepEqual(
      browser.page.all('#eterminal-currency option').map((o) => o.getAttribute('value')),
      ['EUR', 'JPY', 'KWD'],
    );
    assert.equal(browser.page.valueOf('#eterminal-currency'), 'EUR', 'the platform’s own currency first chosen');
    for (const label of ['Order reference (ORDERID)', 'Amount', 'Card number', 'Expiry date', 'Card verification code (CVC)'])
      assert.ok(browser.page.field(label), label);
    assert.equal(browser.page.field('Card number')?.getAttribute('autocomplete'), 'off');
  });

  test('an authorisation (RES) is 5 with its ACCEPTANCE, ECI 1, the card masked; audited as payment.order', async () => {
    const { browser, admin } = await terminalShop(h);
    const fields = payment();
    const location = await pay(browser, fields);
    assert.equal(browser.page.h1(), 'Transaction result');
    assert.match(browser.page.text(), /The payment is authorised/);
    const shown = details(browser);
    assert.equal(shown.Status, '5 – Authorised');
    assert.equal(shown['Authorisation code (ACCEPTANCE)'], 'test123');
    assert.equal(shown.Operation, 'Authorisation (RES)');
    assert.equal(shown.Amount, '€15.00');
    assert.equal(shown.Card, 'VISA 411111XXXXXX1111, expires 12/30');
    assert.equal(shown.ECI, '1');
    const stored = await storedOrder(h, fields.orderId ?? '');
    assert.equal(location, paths.eTerminal.result('test', stored?.payId ?? 0));
    assert.equal(shown.PAYID, String(stored?.payId));
    assert.equal(stored?.accountId, admin.accountId);
    assert.equal(stored?.source, 'eterminal');
    assert.equal(stored?.eci, 1);
    assert.equal(stored?.amount, 1500);
    assert.equal(stored?.cardHolder, 'Rémy Fröåïør');
    assert.equal(stored?.email, 'customer@example.com');
    assert.equal(stored?.description, 'Telephone order');
    const audited = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, admin.accountId), eq(auditLog.eventType, 'payment.order')));
    assert.equal(audited.length, 1);
    assert.equal(audited[0]?.object, `order:${stored?.payId}`);
  });

  test('a sale (SAL) is 9; the account’s default operation SAL is chosen first', async () => {
    const { browser, admin } = await terminalShop(h);
    await saveTechnicalSettings(h.db, admin.accountId, { defaultOperation: 'SAL' }, h.clock.now());
    await browser.get(FORM);
    assert.equal(browser.page.valueOf('#eterminal-operation'), 'SAL');
    await pay(browser, payment({ operation: 'SAL' }));
    assert.match(browser.page.text(), /accepted and requested/);
    assert.equal(details(browser).Status, '9 – Payment requested');
    assert.equal(details(browser).Operation, 'Sale (SAL)');
  });

  test('amounts are typed in the currency’s digits: 1500 JPY and 1.500 KWD', async () => {
    const { browser } = await terminalShop(h);
    const yen = payment({ currency: 'JPY', amount: '1500' });
    await pay(browser, yen);
    assert.equal((await storedOrder(h, yen.orderId ?? ''))?.amount, 1500);
    const dinar = payment({ currency: 'KWD', amount: '1.500' });
    await pay(browser, dinar);
    assert.equal((await storedOrder(h, dinar.orderId ?? ''))?.amount, 1500);
    assert.equal(details(browser).Amount, 'KWD 1.500');
  });

  test('a card refused by the issuer: the result says so in words, the order has its PAYID, the error log has it', async () => {
    const { browser, admin } = await terminalShop(h);
    const fields = payment({ cardNumber: '4000000000000051' });
    await pay(browser, fields);
    assert.equal(
      browser.page.alert(),
      'The payment was refused: the card’s issuer declined the authorisation (NCERROR 30051001). Nothing was charged to the card.',
    );
    assert.equal(details(browser).Status, '2 – Authorisation refused');
    assert.equal(details(browser)['Authorisation code (ACCEPTANCE)'], 'None');
    const stored = await storedOrder(h, fields.orderId ?? '');
    assert.equal(stored?.status, 2);
    assert.equal(details(browser).PAYID, String(stored?.payId));
    const logged = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, admin.accountId));
    assert.deepEqual(
      logged.map((e) => [e.source, e.orderId, e.ncError, e.reason]),
      [['eterminal', fields.orderId, '30051001', 'Authorisation declined']],
    );
  });

  test('an uncertain answer (52) says the status comes later', async () => {
    const { browser } = await terminalShop(h);
    await pay(browser, payment({ cardNumber: '4000000000000200' }));
    assert.match(
      browser.page.alert(),
      /^The acquirer’s answer is not known yet: the acquirer did not give a clear answer \(NCERROR 20001001\)/,
    );
    assert.equal(details(browser).Status, '52 – Authorisation not known');
  });

  test('always offline: the result says the payment waits (51), and a reload after the offline processing shows it authorised', async () => {
    const { browser, admin } = await terminalShop(h);
    await saveTechnicalSettings(h.db, admin.accountId, { processingMode: 'offline' }, h.clock.now());
    const result = await pay(browser, payment());
    assert.equal(
      browser.page.flash(),
      'The payment is recorded and will be processed offline: the acquirer has not answered yet. Reload this page later to see its status.',
    );
    assert.equal(browser.page.alert(), '');
    assert.equal(details(browser).Status, '51 – Authorisation waiting');
    h.clock.advance(10_000);
    await processDueOperations(
      { db: h.db, acquirers: h.acquirers, offlineDelaySeconds: { test: 10, prod: 900 }, secretKey: h.secretKey },
      h.clock.now(),
    );
    await browser.get(result);
    assert.equal(details(browser).Status, '5 – Authorised');
    assert.equal(details(browser)['Authorisation code (ACCEPTANCE)'], 'test123');
  });

  test('always online with the acquirer unreachable: not processed (0, 10001001), to be tried again with the same ORDERID', async () => {
    const { browser } = await terminalShop(h);
    const fields = payment({ cardNumber: '4000000000000911' });
    await pay(browser, fields);
    assert.equal(
      browser.page.alert(),
      'The payment was refused: the acquirer could not be reached; try the payment again (NCERROR 10001001). Nothing was charged to the card.',
    );
    assert.equal(details(browser).Status, '0 – Invalid or incomplete');
    await pay(browser, { ...fields, cardNumber: '4111111111111111' });
    assert.equal(details(browser).Status, '5 – Authorised');
  });

  test('with htmx, a payment answers HX-Location to its result (no 303)', async () => {
    const { browser } = await terminalShop(h);
    const response = await browser.post(FORM, payment(), { 'HX-Request': 'true' });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('HX-Location') ?? '', /\/result\/\d+$/);
  });

  test('a result page shows only the account’s own e-Terminal orders; a scoped user only their own', async () => {
    const first = await terminalShop(h);
    const location = await pay(first.browser, payment());
    const other = await terminalShop(h);
    assert.equal((await other.browser.get(location)).status, 404);
    assert.equal((await other.browser.get(`${FORM}/result/abc`)).status, 404);
    const { browser: colleague } = await signIn(h, { account: first.admin, userid: 'scoped.enc', profile: 'encoder' });
    assert.equal((await colleague.get(location)).status, 200);
    await h.db.update(users).set({ scopeOwnOnly: true }).where(eq(users.userid, 'scoped.enc'));
    assert.equal((await colleague.get(location)).status, 404);
  });
});

describe('Operations > New transaction (O1): who may use it', () => {
  test('a viewer gets 403 on the form, the payment and a result; no menu link', async () => {
    const { admin, browser } = await terminalShop(h);
    const location = await pay(browser, payment());
    const { browser: viewer } = await signIn(h, { account: admin, userid: 'et.viewer', profile: 'viewer' });
    assert.equal(
      viewer.page.links().some((l) => l.href === FORM),
      false,
    );
    assert.equal((await viewer.get(FORM)).status, 403);
    assert.equal((await viewer.post(FORM, payment())).status, 403);
    assert.equal((await viewer.get(location)).status, 403);
  });

  test('with the option off: 403 everywhere and no menu link, even for an administrator', async () => {
    const { admin, browser } = await terminalShop(h, { profile: 'admin' });
    const location = await pay(browser, payment());
    await setOptions(h.db, admin.accountId, []);
    await browser.get(paths.home('test'));
    assert.equal(
      browser.page.links().some((l) => l.href === FORM),
      false,
    );
    assert.equal(browser.page.text().includes('New transaction'), false);
    const fields = payment();
    assert.equal((await browser.post(FORM, fields)).status, 403);
    assert.equal(await storedOrder(h, fields.orderId ?? ''), undefined);
    assert.equal((await browser.get(FORM)).status, 403);
    assert.equal((await browser.get(location)).status, 403);
    await setOptions(h.db, admin.accountId, ['e_terminal']);
    await browser.get(paths.home('test'));
    assert.ok(browser.page.links().some((l) => l.href === FORM));
  });

  test('in French: the page, its messages and the result', async () => {
    const { browser } = await terminalShop(h, { language: 'fr' });
    assert.equal(browser.page.h1(), 'Nouvelle transaction');
    assert.equal(browser.page.lang(), 'fr');
    await browser.post(FORM, payment({ amount: '15,5555', cardNumber: '4111111111111112' }));
    assert.equal(browser.page.fieldError('eterminal-amount'), 'Saisissez les montants en EUR avec au plus 2 décimales.');
    assert.equal(
      browser.page.fieldError('eterminal-card-number'),
      'Ce numéro de carte n’est pas valide : un chiffre est erroné. Vérifiez le numéro de carte.',
    );
    await pay(browser, payment({ cardNumber: '4000000000000051' }));
    assert.equal(browser.page.h1(), 'Résultat de la transaction');
    assert.match(browser.page.alert(), /^Le paiement a été refusé : l’émetteur de la carte a refusé l’autorisation/);
    assert.equal(details(browser).Statut, '2 – Autorisation refusée');
  });
});

describe('Operations > New transaction (O1): refused input in the error log (issue 10, Bad input)', () => {
  /** Posts a refused form; the message beside `field` and the account's error log entries for that ORDERID. */
  async function refusedEntry(
    browser: TestBrowser,
    who: { accountId: string; userid: string },
    fields: Record<string, string>,
    fieldId: string,
  ) {
    const { accountId } = who;
    const before = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, accountId));
    const response = await browser.post(FORM, fields);
    assert.ok([409, 422].includes(response.status), `refused: ${JSON.stringify(fields)}`);
    assert.ok(browser.page.fieldError(fieldId), `a message beside ${fieldId}`);
    const after = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, accountId));
    assert.equal(after.length, before.length + 1, `filed once: ${JSON.stringify(fields)}`);
    const entry = after.find((e) => !before.some((b) => b.id === e.id));
    assert.equal(entry?.source, 'eterminal');
    assert.equal(entry?.userid, who.userid);
    return entry;
  }

  test('each refused form is filed once with the platform’s code and a reason without what was typed', async () => {
    const { browser, admin, user } = await terminalShop(h);
    const who = { accountId: admin.accountId, userid: user.userid };
    const cases: [Record<string, string>, string, string, string, string][] = [
      // [change, field id, NCERROR, reason, typed value the reason must not hold]
      [{ amount: '12,5x' }, 'eterminal-amount', '50001006', 'Amount is not a number', '12,5x'],
      [{ amount: '-5' }, 'eterminal-amount', '50001006', 'Amount is not a number', '-5'],
      [{ amount: '0' }, 'eterminal-amount', '50001006', 'Amount is not a number', ''],
      [{ amount: '12.505' }, 'eterminal-amount', '50001121', 'Invalid number of decimals for the currency', '12.505'],
      [{ amount: '15.5555' }, 'eterminal-amount', '50001121', 'Invalid number of decimals for the currency', '15.5555'],
      [
        { amount: '12.50', currency: 'JPY' },
        'eterminal-amount',
        '50001121',
        'Invalid number of decimals for the currency',
        '12.50',
      ],
      [{ amount: '' }, 'eterminal-amount', '50001111', ' no amount', ''],
      [{ orderId: '' }, 'eterminal-order-id', '50001111', ' no orderid', ''],
      [{ orderId: 'o'.repeat(41) }, 'eterminal-order-id', '50001125', 'ORDERID: 1 to 40 printable characters', 'o'.repeat(41)],
      [{ currency: 'XYZ' }, 'eterminal-currency', '50001015', 'Invalid currency code', 'XYZ'],
      [{ currency: 'USD' }, 'eterminal-currency', '50001122', 'Currency not accepted by the merchant', ''],
      [{ operation: 'RFD' }, 'eterminal-operation', '50001111', 'Unknown operation code', 'RFD'],
      [
        { email: 'notanemail' },
        'eterminal-email',
        '50001125',
        'EMAIL: an e-mail address (name@example.com) of at most 50 characters',
        'notanemail',
      ],
      [
        { email: `${'a'.repeat(39)}@example.com` },
        'eterminal-email',
        '50001125',
        'EMAIL: an e-mail address (name@example.com) of at most 50 characters',
        'a'.repeat(39),
      ],
      [
        { cardHolder: 'h'.repeat(36) },
        'eterminal-card-holder',
        '50001125',
        'CN: at most 35 printable characters',
        'h'.repeat(36),
      ],
      [
        { description: 'd'.repeat(101) },
        'eterminal-description',
        '50001125',
        'COM: at most 100 printable characters',
        'd'.repeat(101),
      ],
    ];
    for (const [change, fieldId, ncError, reason, typed] of cases) {
      const fields = payment(change);
      const entry = await refusedEntry(browser, who, fields, fieldId);
      const what = JSON.stringify(change);
      assert.equal(entry?.ncError, ncError, what);
      assert.equal(entry?.reason, reason, what);
      if (typed) assert.equal(entry?.reason.includes(typed), false, what);
      // Under the ORDERID typed, when it is one; an empty or over-long one is not kept.
      assert.equal(entry?.orderId, 'orderId' in change ? null : fields.orderId, what);
      assert.equal(await storedOrder(h, fields.orderId ?? ''), undefined, what);
    }
  });

  test('several problems: one entry, the first field’s (the amount before the card), and no card data in it', async () => {
    const { browser, admin, user } = await terminalShop(h);
    const who = { accountId: admin.accountId, userid: user.userid };
    const entry = await refusedEntry(
      browser,
      who,
      payment({ amount: 'abc', cardNumber: '4111111111111112', cvc: '8642', email: 'bad' }),
      'eterminal-amount',
    );
    assert.equal(entry?.ncError, '50001006');
    assert.equal(browser.page.fieldError('eterminal-card-number') !== undefined, true, 'the card’s message is shown too');
    const card = await refusedEntry(
      browser,
      who,
      payment({ cardNumber: '4111111111111112', email: 'bad' }),
      'eterminal-card-number',
    );
    assert.equal(card?.ncError, '50001002');
    const everything = JSON.stringify(await h.db.select().from(transactionErrors));
    assert.equal(everything.includes('4111111111111112'), false);
    assert.equal(everything.includes('8642'), false);
  });

  test('at exactly each limit the payment goes through (card holder 35, e-mail 50, description 100, ORDERID 40)', async () => {
    const { browser } = await terminalShop(h);
    const fields = payment({
      orderId: `L${Math.random().toString(36).slice(2, 8)}`.padEnd(40, 'x'),
      cardHolder: 'é'.repeat(35),
      email: `${'a'.repeat(38)}@example.com`,
      description: 'd'.repeat(100),
    });
    await pay(browser, fields);
    const stored = await storedOrder(h, fields.orderId ?? '');
    assert.equal(stored?.cardHolder, fields.cardHolder);
    assert.equal(stored?.email, fields.email);
    assert.equal(stored?.description, fields.description);
  });
});

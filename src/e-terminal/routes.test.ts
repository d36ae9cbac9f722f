import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { setOptions } from '../account/test-fixtures.ts';
import { auditLog } from '../db/schema/audit.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
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

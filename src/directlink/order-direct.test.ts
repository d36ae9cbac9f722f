import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../db/rows.ts';
import { orders } from '../db/schema/payments.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import { saveTechnicalSettings } from '../technical/settings.ts';
import { createHarness, createUser } from '../test/harness.ts';
import { isAllowedCaller } from './api-user.ts';
import { directLinkFixtures } from './test-fixtures.ts';

const h = await createHarness();
const { API_PASSWORD, merchant, signedBody, order, post } = directLinkFixtures(h);

async function storedOrder(accountId: string, orderId: string) {
  const [row] = await h.db.select().from(orders).where(eq(orders.orderId, orderId));
  assert.equal(row?.accountId, accountId);
  return row;
}

describe('orderdirect.asp: new orders (reference §3)', () => {
  test('RES authorises (5), SAL captures (9); the reply is the platform’s XML and the order keeps the card masked', async () => {
    const shop = await merchant();
    // Page names in any case, as on the platform.
    const res = await post(signedBody(order(shop.pspid), 'iso-8859-1'), { file: 'OrderDirect.asp' });
    assert.equal(res.status, 200);
    assert.equal(res.contentType, 'text/xml; charset=iso-8859-1');
    assert.match(res.xml, /^<\?xml version="1.0"\?>\s*<ncresponse/);
    assert.equal(res.reply.NCERROR, '0');
    assert.equal(res.reply.NCSTATUS, '0');
    assert.equal(res.reply.STATUS, '5');
    assert.equal(res.reply.amount, '15');
    assert.equal(res.reply.currency, 'EUR');
    assert.equal(res.reply.BRAND, 'VISA');
    assert.equal(res.reply.ECI, '7');
    assert.match(res.reply.PAYID ?? '', /^\d{10,}$/);
    assert.ok(res.reply.ACCEPTANCE);
    const stored = await storedOrder(shop.accountId, res.reply.orderID ?? '');
    assert.equal(stored?.payId, Number(res.reply.PAYID));
    assert.equal(stored?.cardMasked, '411111XXXXXX1111');
    assert.equal(stored?.amount, 1500);
    assert.equal(stored?.source, 'directlink');

    const sale = await post(signedBody(order(shop.pspid, { OPERATION: 'SAL' }), 'utf-8'), { file: 'orderdirect_utf8.asp' });
    assert.equal(sale.reply.STATUS, '9');
    assert.equal(sale.contentType, 'text/xml; charset=utf-8');
  });

  test('parameter names in any case are one parameter, signed upper-cased', async () => {
    const shop = await merchant();
    const fields = order(shop.pspid);
    const mixed = {
      pspid: fields.PSPID ?? '',
      UserId: 'API',
      pswd: API_PASSWORD,
      orderID: 'mixed-case-1',
      amount: '250',
      Currency: 'EUR',
      cardno: '4000100011112224',
      ed: '0130',
      cvc: '999',
      Operation: 'SAL',
    };
    const res = await post(signedBody(mixed, 'iso-8859-1'));
    assert.equal(res.reply.NCERROR, '0', res.reply.NCERRORPLUS);
    assert.equal(res.reply.orderID, 'mixed-case-1');
    assert.equal(res.reply.amount, '2.5');
  });

  test('accented and non-Latin names pay on both endpoint kinds, signed over the bytes as sent', async () => {
    const shop = await merchant();
    const accented = 'Rémy Fröåïør';
    const latin = await post(signedBody(order(shop.pspid, { CN: accented }), 'iso-8859-1'));
    assert.equal(latin.reply.NCERROR, '0', latin.reply.NCERRORPLUS);
    assert.equal((await storedOrder(shop.accountId, latin.reply.orderID ?? ''))?.cardHolder, accented);
    const utf8 = await post(signedBody(order(shop.pspid, { CN: accented }), 'utf-8'), { file: 'orderdirect_utf8.asp' });
    assert.equal(utf8.reply.NCERROR, '0', utf8.reply.NCERRORPLUS);
    assert.equal((await storedOrder(shop.accountId, utf8.reply.orderID ?? ''))?.cardHolder, accented);
    // A Japanese name sent as UTF-8 bytes to the plain endpoint: the signature over those bytes holds.
    const japanese = await post(signedBody(order(shop.pspid, { CN: Buffer.from('山田太郎', 'utf8') }), 'iso-8859-1'));
    assert.equal(japanese.reply.NCERROR, '0', japanese.reply.NCERRORPLUS);
    const cyrillic = await post(signedBody(order(shop.pspid, { CN: 'Иван Петров' }), 'utf-8'), { file: 'orderdirect_utf8.asp' });
    assert.equal(cyrillic.reply.NCERROR, '0');
    assert.equal((await storedOrder(shop.accountId, cyrillic.reply.orderID ?? ''))?.cardHolder, 'Иван Петров');
  });

  test('an ORDERID already used answers 50001113 with the original PAYID; nothing is paid twice', async () => {
    const shop = await merchant();
    const fields = order(shop.pspid);
    const first = await post(signedBody(fields, 'iso-8859-1'));
    const again = await post(signedBody({ ...fields, AMOUNT: '9900' }, 'iso-8859-1'));
    assert.equal(again.reply.NCERROR, '50001113');
    assert.equal(again.reply.STATUS, '0');
    assert.equal(again.reply.PAYID, first.reply.PAYID);
    assert.equal(again.reply.ACCEPTANCE, first.reply.ACCEPTANCE);
    const rows = await h.db
      .select()
      .from(orders)
      .where(eq(orders.orderId, String(fields.ORDERID)));
    assert.equal(rows.length, 1);
  });

  test('an ORDERID refused by the issuer is free again: a second attempt pays, and then it is held', async () => {
    const shop = await merchant();
    const fields = order(shop.pspid, { CARDNO: '4000000000000051' });
    const refused = await post(signedBody(fields, 'iso-8859-1'));
    assert.equal(refused.reply.STATUS, '2');
    const paid = await post(signedBody({ ...fields, CARDNO: '4111111111111111' }, 'iso-8859-1'));
    assert.equal(paid.reply.NCERROR, '0', paid.reply.NCERRORPLUS);
    assert.notEqual(paid.reply.PAYID, refused.reply.PAYID);
    const third = await post(signedBody({ ...fields, CARDNO: '4111111111111111' }, 'iso-8859-1'));
    assert.deepEqual([third.reply.NCERROR, third.reply.PAYID], ['50001113', paid.reply.PAYID]);
    const queried = await post(
      signedBody({ PSPID: shop.pspid, USERID: 'API', PSWD: API_PASSWORD, ORDERID: String(fields.ORDERID) }, 'iso-8859-1'),
      { file: 'querydirect.asp' },
    );
    assert.deepEqual([queried.reply.PAYID, queried.reply.STATUS], [paid.reply.PAYID, '5'], 'by ORDERID: the order that holds it');
  });

  test('each refusal answers its code in XML and is written to the error log', async () => {
    const shop = await merchant();
    const other = await merchant({ allowedIps: ['192.0.2.1'] });
    const backOffice = await createUser(h.db, shop.accountId, shop.pspid, { userid: 'CLERK', password: API_PASSWORD });
    const cases: [string, Buffer, string][] = [
      ['wrong signature', signedBody(order(shop.pspid), 'iso-8859-1', 'another passphrase'), '50001184'],
      ['unknown PSPID', signedBody(order('NO-SUCH-PSPID'), 'iso-8859-1'), '50001118'],
      ['wrong password', signedBody(order(shop.pspid, { PSWD: 'wrong password' }), 'iso-8859-1'), '50001119'],
      ['a back-office user', signedBody(order(shop.pspid, { USERID: backOffice.userid }), 'iso-8859-1'), '50001111'],
      ['an address not allowed', signedBody(order(other.pspid), 'iso-8859-1'), '50001116'],
      ['no amount', signedBody(order(shop.pspid, { AMOUNT: '' }), 'iso-8859-1'), '50001111'],
      ['an amount with decimals', signedBody(order(shop.pspid, { AMOUNT: '15.00' }), 'iso-8859-1'), '50001006'],
      ['a signed amount', signedBody(order(shop.pspid, { AMOUNT: '-1500' }), 'iso-8859-1'), '50001006'],
      ['an unknown currency', signedBody(order(shop.pspid, { CURRENCY: 'XXX' }), 'iso-8859-1'), '50001015'],
      ['a currency the account does not take', signedBody(order(shop.pspid, { CURRENCY: 'USD' }), 'iso-8859-1'), '50001122'],
      ['a card failing Luhn', signedBody(order(shop.pspid, { CARDNO: '4111111111111112' }), 'iso-8859-1'), '50001002'],
      ['a card with no brand', signedBody(order(shop.pspid, { CARDNO: '1111111111111111' }), 'iso-8859-1'), '50001001'],
      ['an expired card', signedBody(order(shop.pspid, { ED: '01/20' }), 'iso-8859-1'), '50001005'],
      ['an ORDERID too long', signedBody(order(shop.pspid, { ORDERID: 'x'.repeat(41) }), 'iso-8859-1'), '50001125'],
    ];
    for (const [what, body, code] of cases) {
      const { status, reply, contentType } = await post(body);
      assert.equal(status, 200, what);
      assert.match(contentType ?? '', /^text\/xml/, what);
      assert.equal(reply.NCERROR, code, `${what}: ${reply.NCERRORPLUS}`);
      assert.equal(reply.NCSTATUS, code.charAt(0), what);
      assert.equal(reply.STATUS, '0', what);
    }
    const logged = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, shop.accountId));
    assert.ok(logged.some((entry) => entry.ncError === '50001184' && entry.userid === 'API'));
    assert.ok(logged.some((entry) => entry.ncError === '50001002'));
    const refusedAddress = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, other.accountId));
    assert.deepEqual(
      refusedAddress.map((entry) => [entry.ncError, entry.userid]),
      [['50001116', 'API']],
      'the USERID sent is named',
    );
  });

  test('a body not form-encoded, too large, or to an unknown page answers XML, never an HTML page', async () => {
    const json = await post('{"PSPID":"X"}', { contentType: 'application/json' });
    assert.equal(json.reply.NCERROR, '50001125');
    const huge = await post(Buffer.alloc(1024 * 1024, 'a'));
    assert.equal(huge.reply.NCERROR, '50001125');
    assert.match(huge.contentType ?? '', /^text\/xml/);
    const unknown = await post('PSPID=X', { file: 'nowhere.asp' });
    assert.equal(unknown.status, 404);
    assert.match(unknown.xml, /<ncresponse/);
    const deeper = await post('PSPID=X', { file: 'a/b/orderdirect.asp' });
    assert.equal(deeper.status, 404);
    assert.match(deeper.xml, /<ncresponse/);
    for (const method of ['GET', 'PUT', 'OPTIONS', 'DELETE']) {
      const response = await h.app.request('/ncol/test/orderdirect.asp?PSPID=X', { method });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('Allow'), 'POST');
      assert.match(response.headers.get('Content-Type') ?? '', /^text\/xml/, method);
      assert.match(await response.text(), /NCERROR="50001111"/);
    }
  });

  test('a refused card from the test table answers status 2 with its NCERROR; no card number or CVC is stored or logged', async () => {
    const shop = await merchant();
    const refused = await post(signedBody(order(shop.pspid, { CARDNO: '4000000000000051' }), 'iso-8859-1'));
    assert.equal(refused.reply.STATUS, '2');
    assert.equal(refused.reply.NCERROR, '30051001');
    assert.ok(refused.reply.PAYID, 'a refused order has its PAYID');
    const dump = await rowsOf<{ t: string }>(h.db, sql`select coalesce(string_agg(o::text, ' '), '') as t from orders o`);
    const everything = `${dump[0]?.t} ${JSON.stringify(await h.db.select().from(transactionErrors))} ${JSON.stringify(h.logLines)}`;
    for (const secret of ['4111111111111111', '4000100011112224', '4000000000000051'])
      assert.ok(!everything.includes(secret), secret);
  });
});

describe('the caller’s address (reference §3)', () => {
  test('an empty list allows any; an IPv4 address seen as IPv4-mapped IPv6 matches its IPv4 entry', () => {
    assert.equal(isAllowedCaller([], null), true);
    assert.equal(isAllowedCaller(['192.0.2.1'], '192.0.2.1'), true);
    assert.equal(isAllowedCaller(['192.0.2.1'], '::ffff:192.0.2.1'), true);
    assert.equal(isAllowedCaller(['2001:db8::1'], '2001:0db8:0000::0001'), true);
    assert.equal(isAllowedCaller(['192.0.2.1'], '192.0.2.2'), false);
    assert.equal(isAllowedCaller(['192.0.2.1'], null), false);
  });
});

describe('a request without the SHA-IN signature', () => {
  test('is refused before its password is looked at: it can neither learn whether a guess is right nor lock the API user', async () => {
    const shop = await merchant();
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const guess = signedBody(order(shop.pspid, { PSWD: `wrong guess ${attempt}` }), 'iso-8859-1', 'not the passphrase');
      const { reply } = await post(guess);
      assert.equal(reply.NCERROR, '50001184', reply.NCERRORPLUS);
    }
    const right = await post(signedBody(order(shop.pspid), 'iso-8859-1'));
    assert.equal(right.reply.NCERROR, '0', 'the API user was not locked');
    // A signed request with a wrong password is a password failure (only the passphrase's holder can send one).
    const wrong = await post(signedBody(order(shop.pspid, { PSWD: 'wrong password' }), 'iso-8859-1'));
    assert.equal(wrong.reply.NCERROR, '50001119');
  });
});

describe('a caller the account does not allow', () => {
  test('is refused before its password is looked at: it can neither learn whether a guess is right nor lock the API user', async () => {
    const shop = await merchant({ allowedIps: ['192.0.2.1'] });
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const { reply } = await post(signedBody(order(shop.pspid, { PSWD: `wrong guess ${attempt}` }), 'iso-8859-1'));
      assert.equal(reply.NCERROR, '50001116');
    }
    const right = await post(signedBody(order(shop.pspid), 'iso-8859-1'));
    assert.equal(right.reply.NCERROR, '50001116', 'the same answer with the right password');
    await saveTechnicalSettings(h.db, shop.accountId, { allowedIps: [] }, h.clock.now());
    const allowed = await post(signedBody(order(shop.pspid), 'iso-8859-1'));
    assert.equal(allowed.reply.NCERROR, '0', 'the API user was not locked');
  });
});

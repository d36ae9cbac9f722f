import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../db/rows.ts';
import { aliases, orders } from '../db/schema/payments.ts';
import { createHarness } from '../test/harness.ts';
import { directLinkFixtures } from './test-fixtures.ts';

const h = await createHarness();
const { merchant, signedBody, order, post } = directLinkFixtures(h);

/** A new order without card data, paid with an alias. */
function withAlias(pspid: string, alias: string, more: Record<string, string> = {}) {
  const { CARDNO: _card, ED: _ed, CVC: _cvc, ...fields } = order(pspid, { ALIAS: alias });
  return signedBody({ ...fields, ...more }, 'iso-8859-1');
}

async function storedAlias(accountId: string, name: string) {
  const [row] = await h.db
    .select()
    .from(aliases)
    .where(and(eq(aliases.accountId, accountId), eq(aliases.alias, name)));
  return row;
}

describe('aliases on DirectLink (reference §6)', () => {
  test('ALIAS with card data makes the alias; ALIAS alone pays with the stored card (ECI 9); the reply names it', async () => {
    const shop = await merchant();
    const made = await post(signedBody(order(shop.pspid, { ALIAS: 'customer-42', CN: 'Ann Smith' }), 'iso-8859-1'));
    assert.equal(made.reply.NCERROR, '0', made.reply.NCERRORPLUS);
    assert.equal(made.reply.ALIAS, 'customer-42');
    const stored = await storedAlias(shop.accountId, 'customer-42');
    assert.deepEqual(
      [stored?.state, stored?.brand, stored?.cardMasked, stored?.cardExpiry, stored?.cardHolder],
      ['active', 'VISA', '411111XXXXXX1111', '1230', 'Ann Smith'],
    );
    assert.match(stored?.cardFingerprint ?? '', /^[0-9a-f]{64}$/);

    const charged = await post(withAlias(shop.pspid, 'customer-42', { OPERATION: 'SAL' }));
    assert.equal(charged.reply.NCERROR, '0', charged.reply.NCERRORPLUS);
    assert.deepEqual(
      [charged.reply.STATUS, charged.reply.ECI, charged.reply.BRAND, charged.reply.ALIAS],
      ['9', '9', 'VISA', 'customer-42'],
    );
    const [paid] = await h.db
      .select()
      .from(orders)
      .where(eq(orders.orderId, charged.reply.orderID ?? ''));
    assert.deepEqual([paid?.alias, paid?.cardMasked], ['customer-42', '411111XXXXXX1111']);
  });

  test('BYPSP: Guichet names the alias; new card data updates it only when the payment is accepted', async () => {
    const shop = await merchant();
    const made = await post(signedBody(order(shop.pspid, { ALIASOPERATION: 'BYPSP' }), 'iso-8859-1'));
    const name = made.reply.ALIAS ?? '';
    assert.match(name, /^[0-9A-F-]{36}$/);
    // With BYPSP, Guichet names it even when ALIAS is sent.
    const named = await post(signedBody(order(shop.pspid, { ALIASOPERATION: 'BYPSP', ALIAS: 'mine' }), 'iso-8859-1'));
    assert.match(named.reply.ALIAS ?? '', /^[0-9A-F-]{36}$/);
    // A refused payment with another card leaves the alias's card as it was.
    await post(signedBody(order(shop.pspid, { ALIAS: name, CARDNO: '4000000000000051' }), 'iso-8859-1'));
    assert.equal((await storedAlias(shop.accountId, name))?.cardMasked, '411111XXXXXX1111');
    assert.equal((await storedAlias(shop.accountId, name))?.state, 'error');
    // An accepted one replaces it.
    const updated = await post(
      signedBody(order(shop.pspid, { ALIAS: name, CARDNO: '5399999999999999', ED: '0631' }), 'iso-8859-1'),
    );
    assert.equal(updated.reply.NCERROR, '0');
    const after = await storedAlias(shop.accountId, name);
    assert.deepEqual(
      [after?.brand, after?.cardMasked, after?.cardExpiry, after?.state],
      ['MasterCard', '539999XXXXXX9999', '0631', 'active'],
    );
    assert.equal((await post(withAlias(shop.pspid, name))).reply.BRAND, 'MasterCard');
  });

  test('an unknown alias, an alias equal to the card number, another account’s alias: refused', async () => {
    const shop = await merchant();
    const other = await merchant();
    await post(signedBody(order(other.pspid, { ALIAS: 'theirs' }), 'iso-8859-1'));
    const unknown = await post(withAlias(shop.pspid, 'nobody'));
    assert.deepEqual([unknown.reply.NCERROR, unknown.reply.NCERRORPLUS], ['50001111', 'Alias "nobody" not Found']);
    assert.equal((await post(withAlias(shop.pspid, 'theirs'))).reply.NCERROR, '50001111');
    const same = await post(signedBody(order(shop.pspid, { ALIAS: '4111111111111111' }), 'iso-8859-1'));
    assert.equal(same.reply.NCERROR, '50001216');
    // A new expiry sent with an alias is checked like a card's.
    await post(signedBody(order(shop.pspid, { ALIAS: 'expiring' }), 'iso-8859-1'));
    assert.equal((await post(withAlias(shop.pspid, 'expiring', { ED: '01/20' }))).reply.NCERROR, '50001005');
  });

  test('the card number is in no column in clear: sealed, and a fingerprint', async () => {
    const shop = await merchant();
    await post(signedBody(order(shop.pspid, { ALIAS: 'sealed-1', CARDNO: '4000100011112224' }), 'iso-8859-1'));
    const [dump] = await rowsOf<{ t: string }>(h.db, sql`select coalesce(string_agg(a::text, ' '), '') as t from aliases a`);
    assert.ok(!dump?.t.includes('4000100011112224'));
    assert.ok(!dump?.t.includes('4111111111111111'));
  });
});

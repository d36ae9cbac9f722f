import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHarness } from '../test/harness.ts';
import { seedDemoAccount } from './seed.ts';
import { demoDirectLinkCommand, seedDemoDirectLink } from './seed-directlink.ts';

const h = await createHarness();

/** The form fields of a printed curl command (its --data-urlencode 'NAME=value' arguments). */
function fieldsOf(command: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of command.matchAll(/--data-urlencode '([^=]+)=([^']*)'/g)) form.append(match[1] ?? '', match[2] ?? '');
  return form;
}

describe('the demo shop server’s DirectLink (issue 10, item 7)', () => {
  test('the printed command pays once: a sale of 15.00 EUR, status 9; printed again later it is a new order', async () => {
    await seedDemoAccount(h.db, h.clock);
    const demo = await seedDemoDirectLink(h.db, h.clock, h.secretKey);
    assert.ok(demo);
    assert.match(demo.passphrase, /^[A-Za-z0-9]{24}$/);
    const url = 'http://127.0.0.1:3000/ncol/test/orderdirect_utf8.asp';
    const command = demoDirectLinkCommand(url, demo, h.clock.now());
    assert.ok(command.startsWith(`curl -s '${url}'`));
    assert.ok(!/CARDNO|CVC|4111/.test(command), 'no card number or CVC printed: the stored test card (ALIAS)');
    const pay = async (cmd: string) => {
      const response = await h.app.request('/ncol/test/orderdirect_utf8.asp', { method: 'POST', body: fieldsOf(cmd) });
      return response.text();
    };
    const reply = await pay(command);
    assert.match(reply, /NCERROR="0"/);
    assert.match(reply, /STATUS="9"/);
    assert.match(await pay(command), /NCERROR="50001113"/, 'the same command again is the same ORDERID');
    h.clock.advance(1000);
    assert.match(await pay(demoDirectLinkCommand(url, demo, h.clock.now())), /NCERROR="0"/);
  });

  test('made again, the old password and passphrase no longer work', async () => {
    const before = await seedDemoDirectLink(h.db, h.clock, h.secretKey);
    const after = await seedDemoDirectLink(h.db, h.clock, h.secretKey);
    assert.ok(before && after);
    assert.notEqual(before.password, after.password);
    h.clock.advance(1000);
    const old = demoDirectLinkCommand('http://x/ncol/test/orderdirect_utf8.asp', before, h.clock.now());
    const response = await h.app.request('/ncol/test/orderdirect_utf8.asp', { method: 'POST', body: fieldsOf(old) });
    // Signed with the old passphrase: refused on the signature, before the old password is even tried.
    assert.match(await response.text(), /NCERROR="50001184"/);
    // Signed with the new passphrase, the old password is refused.
    const oldPassword = demoDirectLinkCommand(
      'http://x/ncol/test/orderdirect_utf8.asp',
      { ...after, password: before.password },
      h.clock.now(),
    );
    const refused = await h.app.request('/ncol/test/orderdirect_utf8.asp', { method: 'POST', body: fieldsOf(oldPassword) });
    assert.match(await refused.text(), /NCERROR="50001119"/);
  });
});

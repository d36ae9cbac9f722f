import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCERROR } from '../payments/ncerror.ts';
import { readDirectLinkRequest } from './request.ts';
import {
  type DirectLinkReply,
  directLinkReplyXml,
  encodeDirectLinkReply,
  maskCardNumberForReply,
  replyAmount,
  wantsRoot,
} from './response.ts';

/** A tiny reader of the reply, as a client would parse it: the ncresponse element's attributes, unescaped, in order. */
function parseReply(xml: string): { root: string | undefined; attributes: Array<[string, string]> } {
  const match =
    /^<\?xml version="1\.0"\?>(?:<(\w+)>)?<ncresponse((?:\s+[A-Za-z_][\w.-]*="[^"<>]*")*)\s*>\s*<\/ncresponse>(?:<\/(\w+)>)?$/.exec(
      xml,
    );
  assert.ok(match, `not a well-formed ncresponse: ${xml}`);
  assert.equal(match[1], match[3], 'the root element closes');
  const attributes: Array<[string, string]> = [];
  for (const [, name, raw] of match[2]!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
    assert.ok(!/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(raw!), `bare & in ${name}`);
    const value = raw!.replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_, entity: string, code: string | undefined) =>
      code
        ? String.fromCodePoint(Number(code))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[entity]!,
    );
    attributes.push([name!, value]);
  }
  return { root: match[1], attributes };
}

const attributesOf = (xml: string) => Object.fromEntries(parseReply(xml).attributes);

const success: DirectLinkReply = {
  orderID: 'ORDER-1',
  PAYID: 3014726,
  NCERROR: NCERROR.ok,
  ACCEPTANCE: 'test123',
  STATUS: 5,
  ECI: 7,
  amount: { minor: 125, currency: 'EUR' },
  PM: 'CreditCard',
  BRAND: 'VISA',
  ALIAS: 'myalias',
};

describe('DirectLink reply: attributes', () => {
  it('writes a success in the platform order and spelling, NCERROR "0" and NCERRORPLUS "!"', () => {
    const xml = directLinkReplyXml(success, { charset: 'iso-8859-1', withRoot: false });
    assert.deepEqual(parseReply(xml).attributes, [
      ['orderID', 'ORDER-1'],
      ['PAYID', '3014726'],
      ['NCSTATUS', '0'],
      ['NCERROR', '0'],
      ['NCERRORPLUS', '!'],
      ['ACCEPTANCE', 'test123'],
      ['STATUS', '5'],
      ['ECI', '7'],
      ['amount', '1.25'],
      ['currency', 'EUR'],
      ['PM', 'CreditCard'],
      ['BRAND', 'VISA'],
      ['ALIAS', 'myalias'],
    ]);
    assert.ok(xml.startsWith('<?xml version="1.0"?><ncresponse\r\norderID="ORDER-1"\r\nPAYID="3014726"'));
    assert.ok(xml.endsWith('ALIAS="myalias">\r\n</ncresponse>'));
  });

  it('writes a maintenance reply with PAYIDSUB after PAYID, and a query reply with the masked CARDNO and IP', () => {
    const maintenance = attributesOf(
      directLinkReplyXml(
        { orderID: 'O', PAYID: '3048326', PAYIDSUB: 1, NCERROR: '0', STATUS: 91, amount: { minor: 100, currency: 'EUR' } },
        { charset: 'utf-8', withRoot: false },
      ),
    );
    assert.deepEqual(Object.keys(maintenance), [
      'orderID',
      'PAYID',
      'PAYIDSUB',
      'NCSTATUS',
      'NCERROR',
      'NCERRORPLUS',
      'ACCEPTANCE',
      'STATUS',
      'amount',
      'currency',
    ]);
    assert.equal(maintenance.PAYIDSUB, '1');
    assert.equal(maintenance.amount, '1');
    const query = parseReply(
      directLinkReplyXml(
        { ...success, PAYIDSUB: 2, CARDNO: 'XXXXXXXXXXXX1111', IP: '192.0.2.7' },
        { charset: 'utf-8', withRoot: false },
      ),
    ).attributes.map(([name]) => name);
    assert.deepEqual(query.slice(-5), ['PM', 'BRAND', 'CARDNO', 'IP', 'ALIAS']);
  });

  it('writes a refusal with NCSTATUS the first digit, the code text, PAYID and STATUS "0", empty amount', () => {
    const reply = attributesOf(
      directLinkReplyXml(
        { NCERROR: NCERROR.dataValidation, NCERRORPLUS: ' no orderid', currency: 'EUR' },
        { charset: 'iso-8859-1', withRoot: false },
      ),
    );
    assert.deepEqual(reply, {
      orderID: '',
      PAYID: '0',
      NCSTATUS: '5',
      NCERROR: '50001111',
      NCERRORPLUS: ' no orderid',
      ACCEPTANCE: '',
      STATUS: '0',
      amount: '',
      currency: 'EUR',
    });
    const declined = attributesOf(
      directLinkReplyXml({ NCERROR: NCERROR.declined, STATUS: 2 }, { charset: 'utf-8', withRoot: false }),
    );
    assert.equal(declined.NCSTATUS, '3');
    assert.equal(declined.NCERRORPLUS, 'Authorisation declined');
    const uncertain = attributesOf(
      directLinkReplyXml({ NCERROR: NCERROR.acquirerUncertain, STATUS: 52 }, { charset: 'utf-8', withRoot: false }),
    );
    assert.equal(uncertain.NCSTATUS, '2');
  });

  it('writes amounts as decimals without trailing zeros', () => {
    assert.equal(replyAmount({ minor: 125, currency: 'EUR' }), '1.25');
    assert.equal(replyAmount({ minor: 100, currency: 'EUR' }), '1');
    assert.equal(replyAmount({ minor: 150, currency: 'EUR' }), '1.5');
    assert.equal(replyAmount({ minor: 12500, currency: 'EUR' }), '125');
    assert.equal(replyAmount({ minor: 5, currency: 'EUR' }), '0.05');
    assert.equal(replyAmount({ minor: 0, currency: 'EUR' }), '0');
    assert.equal(replyAmount({ minor: 1500, currency: 'JPY' }), '1500');
    assert.equal(replyAmount({ minor: 1500, currency: 'KWD' }), '1.5');
    assert.equal(replyAmount({ minor: 1001, currency: 'KWD' }), '1.001');
  });

  it('never writes a full card number', () => {
    assert.equal(maskCardNumberForReply('4111111111111111'), 'XXXXXXXXXXXX1111');
    assert.equal(maskCardNumberForReply('XXXXXXXXXXXX1111'), 'XXXXXXXXXXXX1111');
    assert.equal(maskCardNumberForReply('411111XXXXXX1111'), '411111XXXXXX1111');
    const xml = directLinkReplyXml({ ...success, CARDNO: '4111 1111 1111 1111' }, { charset: 'utf-8', withRoot: false });
    assert.ok(!xml.includes('4111111111111111') && !xml.includes('4111 1111'));
    assert.equal(attributesOf(xml).CARDNO, 'XXXXXXXXXXXX1111');
  });

  it('adds further attributes after ALIAS, dropping bad or repeated names', () => {
    const xml = directLinkReplyXml(
      {
        ...success,
        more: [
          ['COMPLUS', 'x'],
          ['bad name', 'y'],
          ['a"=1 b', 'z'],
          ['ncerror', '99'],
          ['COMPLUS', 'again'],
        ],
      },
      { charset: 'utf-8', withRoot: false },
    );
    const attributes = parseReply(xml).attributes;
    assert.deepEqual(attributes.at(-1), ['COMPLUS', 'x']);
    assert.equal(attributes.filter(([name]) => name.toUpperCase() === 'NCERROR').length, 1);
    assert.equal(attributes.length, 14);
  });
});

describe('DirectLink reply: escaping', () => {
  const hostile = `a"b'c<d>&e&amp;\u0001f\tg\nh\ri\u007fj\u0085k`;

  for (const charset of ['iso-8859-1', 'utf-8'] as const) {
    it(`escapes quotes, <, >, & and control characters (${charset})`, () => {
      const xml = directLinkReplyXml(
        { ...success, orderID: hostile, NCERRORPLUS: '"/><evil x="', ALIAS: "'" },
        { charset, withRoot: false },
      );
      const reply = attributesOf(xml);
      assert.equal(reply.orderID, `a"b'c<d>&e&amp;\ufffdf\tg\nh\ri\u007fj\u0085k`);
      assert.equal(reply.NCERRORPLUS, '"/><evil x="');
      assert.equal(reply.ALIAS, "'");
      assert.ok(!xml.includes('<evil') && !xml.includes('<d>'));
      assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(xml), 'no raw control character');
      assert.ok(
        xml.includes('&apos;') &&
          xml.includes('&quot;') &&
          xml.includes('&#9;') &&
          xml.includes('&#10;') &&
          xml.includes('&#13;'),
      );
    });
  }

  it('replaces lone surrogates, U+FFFE and U+FFFF, which XML 1.0 cannot carry', () => {
    const reply = attributesOf(
      directLinkReplyXml({ ...success, orderID: 'a\ud800b\uffffc' }, { charset: 'utf-8', withRoot: false }),
    );
    assert.equal(reply.orderID, 'a\ufffdb\ufffdc');
  });
});

describe('DirectLink reply: WITHROOT', () => {
  it('reads WITHROOT=Y in either case', () => {
    assert.equal(wantsRoot('Y'), true);
    assert.equal(wantsRoot(' y '), true);
    for (const value of [undefined, '', 'N', 'YES', '1']) assert.equal(wantsRoot(value), false, String(value));
  });

  it('wraps the element in the root element only when asked', () => {
    const wrapped = directLinkReplyXml(success, { charset: 'iso-8859-1', withRoot: true });
    assert.equal(parseReply(wrapped).root, 'root');
    assert.ok(wrapped.startsWith('<?xml version="1.0"?><root><ncresponse'));
    assert.ok(wrapped.endsWith('</ncresponse></root>'));
    assert.deepEqual(
      attributesOf(wrapped),
      attributesOf(directLinkReplyXml(success, { charset: 'iso-8859-1', withRoot: false })),
    );
    assert.equal(parseReply(directLinkReplyXml(success, { charset: 'iso-8859-1', withRoot: false })).root, undefined);
  });
});

describe('DirectLink reply: bytes and charset', () => {
  const names = ['Rémy Fröåïør', '山田太郎', 'Иван Петров', 'emoji 😀 name'];

  it('answers ISO-8859-1 on the plain endpoints with ASCII bytes that decode to the same names', () => {
    for (const name of names) {
      const { body, contentType } = encodeDirectLinkReply(
        { ...success, orderID: name },
        { charset: 'iso-8859-1', withRoot: false },
      );
      assert.equal(contentType, 'text/xml; charset=iso-8859-1');
      assert.ok(
        body.every((byte) => byte < 0x80),
        'ASCII bytes only',
      );
      const latin1 = Buffer.from(body).toString('latin1');
      assert.equal(latin1, new TextDecoder('utf-8').decode(body), 'the same text whatever the reader assumes');
      assert.equal(attributesOf(latin1).orderID, name);
    }
  });

  it('answers UTF-8 on the _utf8 endpoints', () => {
    for (const name of names) {
      const { body, contentType } = encodeDirectLinkReply({ ...success, orderID: name }, { charset: 'utf-8', withRoot: true });
      assert.equal(contentType, 'text/xml; charset=utf-8');
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      assert.ok(text.includes(`orderID="${name}"`), 'written as characters, not references');
      assert.equal(parseReply(text).root, 'root');
      assert.equal(attributesOf(text).orderID, name);
    }
    const { body } = encodeDirectLinkReply({ ...success, orderID: 'é' }, { charset: 'utf-8', withRoot: false });
    assert.ok(Buffer.from(body).includes(Buffer.from([0xc3, 0xa9])));
  });

  it('echoes a name read from a request on either endpoint as the merchant sent it', () => {
    const form = 'application/x-www-form-urlencoded';
    const plain = readDirectLinkRequest(new TextEncoder().encode('orderID=R%E9my+Fr%F6%E5%EF%F8r'), form, 'iso-8859-1');
    const utf8 = readDirectLinkRequest(new TextEncoder().encode(`ORDERID=${encodeURIComponent('Rémy Fröåïør')}`), form, 'utf-8');
    assert.ok(plain.ok && utf8.ok);
    for (const [params, charset] of [
      [plain.params, 'iso-8859-1'],
      [utf8.params, 'utf-8'],
    ] as const) {
      const { body } = encodeDirectLinkReply({ ...success, orderID: params.get('orderid')! }, { charset, withRoot: false });
      const text =
        charset === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }).decode(body) : Buffer.from(body).toString('latin1');
      assert.equal(attributesOf(text).orderID, 'Rémy Fröåïør');
    }
  });
});

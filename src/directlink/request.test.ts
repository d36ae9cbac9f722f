import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DIRECTLINK_MAX_BODY_BYTES,
  type DirectLinkCharset,
  type DirectLinkParameters,
  endpointCharset,
  isFormUrlEncoded,
  readDirectLinkRequest,
} from './request.ts';

const FORM = 'application/x-www-form-urlencoded';
const ascii = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...values: number[]) => Uint8Array.from(values);

function read(body: string | Uint8Array, charset: DirectLinkCharset = 'iso-8859-1', ...contentType: [string | undefined] | []) {
  return readDirectLinkRequest(
    typeof body === 'string' ? ascii(body) : body,
    contentType.length ? contentType[0] : FORM,
    charset,
  );
}

function params(body: string | Uint8Array, charset: DirectLinkCharset = 'iso-8859-1'): DirectLinkParameters {
  const result = read(body, charset);
  assert.ok(result.ok, `refused: ${JSON.stringify(!result.ok && result.refusal)}`);
  return result.params;
}

describe('DirectLink request: names', () => {
  it('reads orderID, ORDERID and OrderId as one parameter, keyed upper-case', () => {
    const p = params('orderID=A1&amount=100&Currency=EUR&Operation=SAL&OwnerZip=1000');
    for (const name of ['orderID', 'ORDERID', 'OrderId', 'orderid']) assert.equal(p.get(name), 'A1');
    assert.equal(p.get('AMOUNT'), '100');
    assert.equal(p.get('operation'), 'SAL');
    assert.deepEqual(p.names(), ['ORDERID', 'AMOUNT', 'CURRENCY', 'OPERATION', 'OWNERZIP']);
    assert.equal(p.has('ownerzip'), true);
    assert.equal(p.get('PAYID'), undefined);
    assert.equal(p.bytes('PAYID'), undefined);
  });

  it('upper-cases ASCII letters only', () => {
    const p = params('stra%C3%9Fe=1', 'utf-8');
    assert.deepEqual(p.names(), ['STRAßE']);
  });

  it('refuses a parameter sent twice in any letter case, naming it', () => {
    const result = read('orderID=1&amount=5&ORDERID=2');
    assert.deepEqual(result, { ok: false, refusal: { problem: 'repeated', parameter: 'ORDERID' } });
  });

  it('skips empty names; a name without "=" has an empty value, kept for signing', () => {
    const p = params('&&=orphan&COM&CN=x&');
    assert.deepEqual(p.names(), ['COM', 'CN']);
    assert.equal(p.get('COM'), '');
    assert.deepEqual(
      p.signingPairs().map(([name, bytes]) => [name, [...bytes]]),
      [
        ['COM', []],
        ['CN', [0x78]],
      ],
    );
  });
});

describe('DirectLink request: decoding', () => {
  it('reads "+" as a space and %XX as bytes; a bad escape stays as sent', () => {
    const p = params('CN=Jean+Dupont%2B%26%3D%25&COM=100%+sure%zz%4');
    assert.equal(p.get('CN'), 'Jean Dupont+&=%');
    assert.equal(p.get('COM'), '100% sure%zz%4');
  });

  it('reads an ISO-8859-1 name on the plain endpoint and keeps its bytes as sent', () => {
    const p = params('CN=R%E9my+Fr%F6%E5%EF%F8r&ORDERID=1');
    assert.equal(p.get('cn'), 'Rémy Fröåïør');
    assert.deepEqual([...p.bytes('CN')!], [0x52, 0xe9, 0x6d, 0x79, 0x20, 0x46, 0x72, 0xf6, 0xe5, 0xef, 0xf8, 0x72]);
    const [cn] = p.signingPairs();
    assert.equal(cn?.[0], 'CN');
    assert.deepEqual([...cn![1]], [...p.bytes('CN')!]);
  });

  it('reads unescaped ISO-8859-1 bytes in the body the same way', () => {
    const body = Uint8Array.from([...ascii('CN=R'), 0xe9, ...ascii('my')]);
    assert.equal(params(body).get('CN'), 'Rémy');
  });

  it('reads every byte on the plain endpoint as the character of that code point (strict ISO-8859-1)', () => {
    const all = Array.from({ length: 255 }, (_, i) => i + 1);
    const body = `COM=${all.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')}`;
    const p = params(body);
    assert.equal(p.get('COM'), String.fromCharCode(...all));
    assert.equal(p.get('COM')!.charAt(0x7f), '\u0080', 'byte 0x80 is U+0080, not windows-1252 €');
  });

  it('reads the same name in UTF-8 on a _utf8 endpoint, keeping its UTF-8 bytes', () => {
    const name = 'Rémy Fröåïør';
    const p = params(`CN=${encodeURIComponent(name)}`, 'utf-8');
    assert.equal(p.get('CN'), name);
    assert.deepEqual([...p.bytes('CN')!], [...new TextEncoder().encode(name)]);
  });

  it('keeps the raw bytes of a Japanese UTF-8 name sent to the plain endpoint', () => {
    const name = '山田太郎';
    const utf8 = new TextEncoder().encode(name);
    const p = params(`CN=${encodeURIComponent(name)}&ORDERID=7`);
    assert.deepEqual([...p.bytes('CN')!], [...utf8]);
    assert.equal(p.get('CN')!.length, utf8.length, 'one character per byte');
    assert.notEqual(p.get('CN'), name);
    assert.equal(p.get('ORDERID'), '7');
  });

  it('reads Japanese and Cyrillic names on a _utf8 endpoint', () => {
    const p = params(`CN=${encodeURIComponent('山田太郎')}&OWNERTOWN=${encodeURIComponent('Москва')}`, 'utf-8');
    assert.equal(p.get('CN'), '山田太郎');
    assert.equal(p.get('ownertown'), 'Москва');
  });

  it('keeps a leading byte-order mark in a UTF-8 value', () => {
    assert.equal(params('COM=%EF%BB%BFx', 'utf-8').get('COM'), '\ufeffx');
  });

  it('refuses bytes that are not UTF-8 on a _utf8 endpoint, naming the parameter, not the value', () => {
    assert.deepEqual(read('ORDERID=1&cn=R%E9my', 'utf-8'), { ok: false, refusal: { problem: 'encoding', parameter: 'CN' } });
    const badName = read('C%FFN=x', 'utf-8');
    assert.equal(badName.ok, false);
    assert.equal(!badName.ok && badName.refusal.problem, 'encoding');
  });

  it('refuses a value with a NUL character', () => {
    assert.deepEqual(read('CN=a%00b'), { ok: false, refusal: { problem: 'nul', parameter: 'CN' } });
  });

  it('takes a Buffer as the body', () => {
    const p = params(Buffer.from('PSPID=demo&CN=R%E9my'));
    assert.equal(p.get('pspid'), 'demo');
    assert.equal(p.get('CN'), 'Rémy');
    assert.ok(p.bytes('CN') instanceof Uint8Array);
  });
});

describe('DirectLink request: refusals', () => {
  it('refuses a body that is not form-encoded', () => {
    for (const type of [
      undefined,
      '',
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencodedx',
    ]) {
      assert.deepEqual(read('PSPID=demo', 'iso-8859-1', type), { ok: false, refusal: { problem: 'contentType' } }, String(type));
    }
  });

  it('accepts the form type in any case and with a charset parameter', () => {
    for (const type of [FORM, 'Application/X-WWW-Form-Urlencoded', `${FORM}; charset=UTF-8`, ` ${FORM} ;charset=iso-8859-1`]) {
      assert.equal(isFormUrlEncoded(type), true, type);
      assert.equal(read('PSPID=demo', 'iso-8859-1', type).ok, true, type);
    }
  });

  it('refuses a body over the limit and reads one at the limit', () => {
    const atLimit = new Uint8Array(DIRECTLINK_MAX_BODY_BYTES).fill(0x61);
    atLimit.set(ascii('COM='));
    assert.equal(read(atLimit).ok, true);
    const over = new Uint8Array(DIRECTLINK_MAX_BODY_BYTES + 1).fill(0x61);
    assert.deepEqual(read(over), { ok: false, refusal: { problem: 'tooLarge', limitBytes: DIRECTLINK_MAX_BODY_BYTES } });
    assert.equal(DIRECTLINK_MAX_BODY_BYTES, 65_536);
  });

  it('reads an empty body as no parameters', () => {
    assert.equal(params('').size, 0);
    assert.equal(params(bytesOf()).size, 0);
  });
});

describe('DirectLink endpoints', () => {
  it('reads ISO-8859-1 on the plain endpoints and UTF-8 on the _utf8 ones', () => {
    for (const file of ['orderdirect.asp', 'maintenancedirect.asp', 'querydirect.asp'])
      assert.equal(endpointCharset(file), 'iso-8859-1');
    for (const file of ['orderdirect_utf8.asp', 'maintenancedirect_utf8.asp', 'querydirect_UTF8.asp'])
      assert.equal(endpointCharset(file), 'utf-8');
  });
});

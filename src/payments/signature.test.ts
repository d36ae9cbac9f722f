import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { isShaInParameter, SHA_IN_NUMBERED_PREFIXES, SHA_IN_PARAMETERS } from './sha-in-parameters.ts';
import { isShaOutParameter, SHA_OUT_PARAMETERS } from './sha-out-parameters.ts';
import {
  computeShaSign,
  computeShaSignForText,
  encodeText,
  ShaParameterConflictError,
  type ShaSignOptions,
  shaSignMatches,
  upperCaseParameterName,
} from './signature.ts';

// The passphrase of the official examples (reference §2.2, §2.3).
const PASSPHRASE = 'Mysecretsig1875!?';
const SHA_IN: ShaSignOptions = { direction: 'SHA-IN', algorithm: 'SHA-1', passphrase: PASSPHRASE, charset: 'iso-8859-1' };
const SHA_OUT: ShaSignOptions = { ...SHA_IN, direction: 'SHA-OUT' };

/** Parameters as a DirectLink body brings them: names as sent, values as raw bytes. */
function raw(parameters: Record<string, string>): [string, Buffer][] {
  return Object.entries(parameters).map(([name, value]) => [name, Buffer.from(value, 'latin1')]);
}

/** A digest computed here, independently of the module, over bytes written out literally. */
function digest(algorithm: 'sha1' | 'sha256' | 'sha512', ...parts: (string | Buffer)[]): string {
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest('hex').toUpperCase();
}

const ADV_EXAMPLE = { AMOUNT: '1500', CURRENCY: 'EUR', LANGUAGE: 'en_US', ORDERID: '1234', PSPID: 'MyPSPID' };
const ADV_STRING =
  'AMOUNT=1500Mysecretsig1875!?CURRENCY=EURMysecretsig1875!?LANGUAGE=en_USMysecretsig1875!?' +
  'ORDERID=1234Mysecretsig1875!?PSPID=MyPSPIDMysecretsig1875!?';

describe('the official test vectors (SHA-1)', () => {
  test('e-Commerce SHA-IN example of the Advanced guide', () => {
    assert.equal(computeShaSign(raw(ADV_EXAMPLE), SHA_IN), 'F4CC376CD7A834D997B91598FA747825A238BE0A');
  });

  test('DirectLink SHA-IN example, card number and operation included', () => {
    const parameters = raw({
      AMOUNT: '1500',
      CARDNO: '4111111111111111',
      CURRENCY: 'EUR',
      OPERATION: 'RES',
      ORDERID: '1234',
      PSPID: 'MyPSPID',
    });
    assert.equal(computeShaSign(parameters, SHA_IN), '2B459D4D3AF0C678695AE77EE5BF0C83CA6F0AD8');
  });

  test('SHA-OUT feedback example', () => {
    const feedback: [string, string][] = [
      ['ACCEPTANCE', '1234'],
      ['amount', '15'],
      ['BRAND', 'VISA'],
      ['CARDNO', 'XXXXXXXXXXXX1111'],
      ['currency', 'EUR'],
      ['NCERROR', '0'],
      ['orderID', '12'],
      ['PAYID', '32100123'],
      ['PM', 'CreditCard'],
      ['STATUS', '9'],
    ];
    assert.equal(computeShaSignForText(feedback, SHA_OUT), '209113288F93A9AB8E474EA78D899AFDBB874355');
  });
});

describe('the algorithm is the account setting', () => {
  test('SHA-256 and SHA-512 hash the same string as SHA-1, giving 64 and 128 hex characters', () => {
    const sha256 = computeShaSign(raw(ADV_EXAMPLE), { ...SHA_IN, algorithm: 'SHA-256' });
    const sha512 = computeShaSign(raw(ADV_EXAMPLE), { ...SHA_IN, algorithm: 'SHA-512' });
    assert.equal(sha256, digest('sha256', ADV_STRING));
    assert.equal(sha512, digest('sha512', ADV_STRING));
    assert.match(sha256, /^[0-9A-F]{64}$/);
    assert.match(sha512, /^[0-9A-F]{128}$/);
    assert.equal(computeShaSign(raw(ADV_EXAMPLE), SHA_IN), digest('sha1', ADV_STRING));
  });
});

describe('what is signed', () => {
  const OFFICIAL = 'F4CC376CD7A834D997B91598FA747825A238BE0A';

  test('names in any case sign as upper-cased names', () => {
    const mixed = raw({ orderID: '1234', Amount: '1500', currency: 'EUR', Language: 'en_US', pspid: 'MyPSPID' });
    assert.equal(computeShaSign(mixed, SHA_IN), OFFICIAL);
  });

  test('values keep their case', () => {
    assert.notEqual(computeShaSign(raw({ ...ADV_EXAMPLE, PSPID: 'MYPSPID' }), SHA_IN), OFFICIAL);
  });

  test('empty values are left out', () => {
    assert.equal(computeShaSign(raw({ ...ADV_EXAMPLE, COM: '', EMAIL: '', CN: '' }), SHA_IN), OFFICIAL);
  });

  test('parameters not on the SHA-IN list are ignored, whatever their value', () => {
    const extra = raw({ ...ADV_EXAMPLE, SUBMIT: 'Pay', MY_CART_ID: '77', NCERROR: '0', STATUS: '9' });
    assert.equal(computeShaSign(extra, SHA_IN), OFFICIAL);
  });

  test('SHASIGN itself is never signed, in any case', () => {
    const withSign = raw({ ...ADV_EXAMPLE, SHASIGN: OFFICIAL, ShaSign: 'X' });
    assert.equal(computeShaSign(withSign, SHA_IN), OFFICIAL);
    assert.equal(isShaInParameter('SHASIGN'), false);
    assert.equal(isShaOutParameter('SHASIGN'), false);
  });

  test('a name that only Unicode case mapping turns into a signed one is not signed', () => {
    // 'ı'.toUpperCase() is 'I' and 'ſ'.toUpperCase() is 'S' in JavaScript.
    assert.equal(upperCaseParameterName('orderıd'), 'ORDERıD');
    const tricked = raw({ AMOUNT: '1500', CURRENCY: 'EUR', LANGUAGE: 'en_US', orderıd: '1234', PSPID: 'MyPSPID', ſhaſign: 'x' });
    assert.notEqual(computeShaSign(tricked, SHA_IN), OFFICIAL);
    assert.equal(
      computeShaSign(tricked, SHA_IN),
      computeShaSign(raw({ AMOUNT: '1500', CURRENCY: 'EUR', LANGUAGE: 'en_US', PSPID: 'MyPSPID' }), SHA_IN),
    );
  });

  test('the names the reference adds are signed (3-D Secure, browser fields, DirectLink options)', () => {
    for (const name of [
      'ORIG',
      'FLAG3D',
      'WIN3DS',
      'HTTP_ACCEPT',
      'HTTP_USER_AGENT',
      'PARAMVAR',
      'BROWSERACCEPTHEADER',
      'BROWSERCOLORDEPTH',
      'BROWSERJAVAENABLED',
      'BROWSERJAVASCRIPTENABLED',
      'BROWSERLANGUAGE',
      'BROWSERSCREENHEIGHT',
      'BROWSERSCREENWIDTH',
      'BROWSERTIMEZONE',
      'BROWSERUSERAGENT',
      'MPI.THREEDSREQUESTORCHALLENGEINDICATOR',
      'ECOM_BILLTO_POSTAL_STREET_LINE1',
      'ECOM_BILLTO_POSTAL_POSTALCODE',
      'ALIASPERSISTEDAFTERUSE',
      'USERID',
      'PSWD',
      'CARDNO',
      'CVC',
      'ED',
      'ECI',
      'WITHROOT',
      'REMOTE_ADDR',
      'RTIMEOUT',
      'CREDITDEBIT',
      'EXCLPMLIST',
      'GLOBORDERID',
      'PAYID',
      'OPERATION',
      'COMPLUS',
      'PARAMPLUS',
      'SUB_AMOUNT',
    ]) {
      assert.equal(isShaInParameter(name), true, name);
    }
  });

  test('numbered families sign the prefix followed by digits only', () => {
    assert.equal(isShaInParameter('ITEMNAME1'), true);
    assert.equal(isShaInParameter('ITEMNAME12'), true);
    assert.equal(isShaInParameter('AMOUNT3'), true);
    assert.equal(isShaInParameter('ITEMNAME'), false);
    assert.equal(isShaInParameter('ITEMNAMEX'), false);
    assert.equal(isShaInParameter('ITEMNAME1X'), false);
    assert.equal(isShaInParameter('XITEMNAME1'), false);
    const withItem = computeShaSign(raw({ ...ADV_EXAMPLE, itemname1: 'Book', ITEMNAME: 'ignored' }), SHA_IN);
    assert.equal(
      withItem,
      digest(
        'sha1',
        'AMOUNT=1500Mysecretsig1875!?CURRENCY=EURMysecretsig1875!?ITEMNAME1=BookMysecretsig1875!?',
        'LANGUAGE=en_USMysecretsig1875!?ORDERID=1234Mysecretsig1875!?PSPID=MyPSPIDMysecretsig1875!?',
      ),
    );
  });

  test('pairs are sorted in ASCII byte order, underscore after letters and digits', () => {
    const parameters = raw({ ITEM_COUNT: '1', ITEMNAME1: 'Book', OR_ORDERID: '9', ORIG: 'shop', ORDERID: '1234' });
    assert.equal(
      computeShaSign(parameters, SHA_IN),
      digest(
        'sha1',
        'ITEMNAME1=BookMysecretsig1875!?ITEM_COUNT=1Mysecretsig1875!?',
        'ORDERID=1234Mysecretsig1875!?ORIG=shopMysecretsig1875!?OR_ORDERID=9Mysecretsig1875!?',
      ),
    );
  });

  test('a signed name sent twice with values is refused, naming the parameter and no value', () => {
    assert.throws(
      () => computeShaSign(raw({ ...ADV_EXAMPLE, orderID: '5678' }), SHA_IN),
      (error: unknown) =>
        error instanceof ShaParameterConflictError && error.parameter === 'ORDERID' && !error.message.includes('5678'),
    );
    // The same name twice, once empty, is one value.
    assert.equal(computeShaSign(raw({ ...ADV_EXAMPLE, orderID: '' }), SHA_IN), OFFICIAL);
  });

  test('SHA-OUT signs its own list: request-only fields are left out, PAYIDSUB is signed', () => {
    const base = { ACCEPTANCE: '1234', AMOUNT: '15', ORDERID: '12', PAYID: '32100123', STATUS: '9' };
    const expected = computeShaSign(raw(base), SHA_OUT);
    assert.equal(computeShaSign(raw({ ...base, PSPID: 'MyPSPID', LANGUAGE: 'en_US', PARAMVAR: 'x' }), SHA_OUT), expected);
    assert.notEqual(computeShaSign(raw({ ...base, PAYIDSUB: '2' }), SHA_OUT), expected);
    assert.equal(isShaOutParameter('PSPID'), false);
    assert.equal(isShaInParameter('STATUS'), false);
  });
});

describe('values are signed as the bytes that travelled', () => {
  const NAME = 'Rémy Fröåïør';
  // "Rémy Fröåïør" written out byte by byte in each charset.
  const NAME_LATIN1 = Buffer.from([0x52, 0xe9, 0x6d, 0x79, 0x20, 0x46, 0x72, 0xf6, 0xe5, 0xef, 0xf8, 0x72]);
  const NAME_UTF8 = Buffer.from([
    0x52, 0xc3, 0xa9, 0x6d, 0x79, 0x20, 0x46, 0x72, 0xc3, 0xb6, 0xc3, 0xa5, 0xc3, 0xaf, 0xc3, 0xb8, 0x72,
  ]);
  const tail = 'CURRENCY=EURMysecretsig1875!?ORDERID=1234Mysecretsig1875!?PSPID=MyPSPIDMysecretsig1875!?';
  const withName = (name: Buffer): [string, Buffer][] => [
    ['AMOUNT', Buffer.from('1500')],
    ['CN', name],
    ['CURRENCY', Buffer.from('EUR')],
    ['ORDERID', Buffer.from('1234')],
    ['PSPID', Buffer.from('MyPSPID')],
  ];

  test('an accented name as ISO-8859-1 bytes and as UTF-8 bytes gives two digests, each over its own bytes', () => {
    const latin1 = computeShaSign(withName(NAME_LATIN1), SHA_IN);
    const utf8 = computeShaSign(withName(NAME_UTF8), { ...SHA_IN, charset: 'utf-8' });
    assert.notEqual(latin1, utf8);
    assert.equal(latin1, digest('sha1', 'AMOUNT=1500Mysecretsig1875!?CN=', NAME_LATIN1, 'Mysecretsig1875!?', tail));
    assert.equal(utf8, digest('sha1', 'AMOUNT=1500Mysecretsig1875!?CN=', NAME_UTF8, 'Mysecretsig1875!?', tail));
  });

  test('text values are written in the endpoint charset before signing', () => {
    const text: [string, string][] = [
      ['AMOUNT', '1500'],
      ['CN', NAME],
      ['CURRENCY', 'EUR'],
      ['ORDERID', '1234'],
      ['PSPID', 'MyPSPID'],
    ];
    assert.deepEqual(encodeText(NAME, 'iso-8859-1'), NAME_LATIN1);
    assert.deepEqual(encodeText(NAME, 'utf-8'), NAME_UTF8);
    assert.equal(computeShaSignForText(text, SHA_IN), computeShaSign(withName(NAME_LATIN1), SHA_IN));
    assert.equal(
      computeShaSignForText(text, { ...SHA_IN, charset: 'utf-8' }),
      computeShaSign(withName(NAME_UTF8), { ...SHA_IN, charset: 'utf-8' }),
    );
  });

  test('Japanese sent as UTF-8 bytes to the plain (ISO-8859-1) endpoint verifies over those bytes', () => {
    // 山田太郎 in UTF-8: a merchant that posts UTF-8 to orderdirect.asp and signs what it sent.
    const yamada = Buffer.from([0xe5, 0xb1, 0xb1, 0xe7, 0x94, 0xb0, 0xe5, 0xa4, 0xaa, 0xe9, 0x83, 0x8e]);
    const merchantSign = digest('sha1', 'AMOUNT=1500Mysecretsig1875!?CN=', yamada, 'Mysecretsig1875!?', tail);
    const expected = computeShaSign(withName(yamada), SHA_IN);
    assert.equal(shaSignMatches(merchantSign, expected), true);
    // The same text cannot be written in ISO-8859-1 at all: only the raw bytes make this work.
    assert.throws(() => computeShaSignForText([['CN', '山田太郎']], SHA_IN), RangeError);
  });

  test('the passphrase is written in the same charset as the values', () => {
    const accented = { ...SHA_IN, passphrase: 'clé-secrète' };
    const latin1 = computeShaSign(raw({ ORDERID: '1' }), accented);
    const utf8 = computeShaSign(raw({ ORDERID: '1' }), { ...accented, charset: 'utf-8' });
    assert.equal(
      latin1,
      digest('sha1', 'ORDERID=1', Buffer.from([0x63, 0x6c, 0xe9, 0x2d, 0x73, 0x65, 0x63, 0x72, 0xe8, 0x74, 0x65])),
    );
    assert.equal(utf8, digest('sha1', 'ORDERID=1', Buffer.from('clé-secrète', 'utf8')));
  });

  test('a passphrase ISO-8859-1 cannot write is refused without showing it', () => {
    assert.throws(
      () => computeShaSign(raw(ADV_EXAMPLE), { ...SHA_IN, passphrase: 'prix-en-€uros' }),
      (error: unknown) => error instanceof RangeError && !error.message.includes('€uros'),
    );
  });
});

describe('comparing a received SHASIGN', () => {
  const expected = computeShaSign(raw(ADV_EXAMPLE), { ...SHA_IN, algorithm: 'SHA-512' });

  test('the expected digest matches in upper or lower case', () => {
    assert.equal(shaSignMatches(expected, expected), true);
    assert.equal(shaSignMatches(expected.toLowerCase(), expected), true);
    assert.equal(shaSignMatches('f4cc376cd7a834d997b91598fa747825a238be0a', 'F4CC376CD7A834D997B91598FA747825A238BE0A'), true);
  });

  test('a wrong, truncated, padded, empty or non-hex signature does not match', () => {
    const lastFlipped = expected.slice(0, -1) + (expected.endsWith('0') ? '1' : '0');
    assert.equal(shaSignMatches(lastFlipped, expected), false);
    assert.equal(shaSignMatches(expected.slice(0, -1), expected), false);
    assert.equal(shaSignMatches(expected.slice(0, 40), expected), false);
    assert.equal(shaSignMatches(`${expected}0`, expected), false);
    assert.equal(shaSignMatches(` ${expected.slice(1)}`, expected), false);
    assert.equal(shaSignMatches('', expected), false);
    assert.equal(shaSignMatches(`${expected.slice(0, -1)}G`, expected), false);
  });

  test('a signature made with another algorithm than the account setting does not match', () => {
    const sha1 = computeShaSign(raw(ADV_EXAMPLE), SHA_IN);
    assert.equal(shaSignMatches(sha1, expected), false);
  });
});

describe('the whitelists', () => {
  test('every name is upper-case, unique, and never SHASIGN', () => {
    for (const list of [SHA_IN_PARAMETERS, SHA_IN_NUMBERED_PREFIXES, SHA_OUT_PARAMETERS]) {
      assert.equal(new Set(list).size, list.length);
      for (const name of list) assert.match(name, /^[A-Z][A-Z0-9_.]*$/, name);
      assert.equal(list.includes('SHASIGN'), false);
    }
  });

  test('the SHA-OUT list holds the reference §2.3 list', () => {
    const reference = `AAVADDRESS AAVCHECK AAVMAIL AAVNAME AAVPHONE AAVZIP ACCEPTANCE ALIAS AMOUNT BIC BIN BRAND CARDNO CCCTY
      CN COLLECTOR_BIC COLLECTOR_IBAN COMPLUS CREATION_STATUS CREDITDEBIT CURRENCY CVCCHECK DCC_COMMPERCENTAGE DCC_CONVAMOUNT
      DCC_CONVCCY DCC_EXCHRATE DCC_EXCHRATESOURCE DCC_EXCHRATETS DCC_INDICATOR DCC_MARGINPERCENTAGE DCC_VALIDHOURS DEVICEID
      DIGESTCARDNO ECI ED EMAIL ENCCARDNO FXAMOUNT FXCURRENCY IP IPCTY MANDATEID MOBILEMODE NBREMAILUSAGE NBRIPUSAGE
      NBRIPUSAGE_ALLTX NBRUSAGE NCERROR ORDERID PAYID PAYMENT_REFERENCE PM SCO_CATEGORY SCORING SEQUENCETYPE SIGNDATE STATUS
      SUBBRAND SUBSCRIPTION_ID TRXDATE VC`.split(/\s+/);
    for (const name of reference) assert.equal(isShaOutParameter(name), true, name);
    const added = SHA_OUT_PARAMETERS.filter((name) => !reference.includes(name));
    assert.deepEqual(added, ['COMPLETIONID', 'PAYIDSUB', 'REQUESTCOMPLETIONID', 'TICKET']);
  });
});

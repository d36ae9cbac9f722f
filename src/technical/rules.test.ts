import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isFeedbackUrl } from '../lib/urls.ts';
import { normaliseIp, readIpList } from './ip-list.ts';
import { GENERATED_LENGTH, generatePassphrase, PASSPHRASE_PATTERN } from './passphrase.ts';

describe('allowed IP addresses', () => {
  test('each address in the form Node gives a connection’s address', () => {
    assert.equal(normaliseIp('192.0.2.1'), '192.0.2.1');
    assert.equal(normaliseIp('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
    assert.equal(normaliseIp('2001:db8:0:0:1:0:0:1'), '2001:db8::1:0:0:1');
    assert.equal(normaliseIp('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(normaliseIp('::FFFF:c000:0201'), '192.0.2.1');
    assert.equal(normaliseIp('::1'), '::1');
  });

  test('what is not one address is refused: leading zeros, out of range, zones, ranges, names', () => {
    for (const wrong of ['192.168.001.1', '10.0.0.256', 'fe80::1%eth0', '10.0.0.0/24', 'example.com', '1.2.3', '::g']) {
      assert.equal(normaliseIp(wrong), undefined, wrong);
    }
  });

  test('a list: one per line, commas, semicolons; duplicates once; the wrong entries named as typed', () => {
    assert.deepEqual(readIpList('10.0.0.1,10.0.0.2\n10.0.0.1 ;::1'), { ok: true, addresses: ['10.0.0.1', '10.0.0.2', '::1'] });
    assert.deepEqual(readIpList(''), { ok: true, addresses: [] });
    assert.deepEqual(readIpList('10.0.0.1, nope, 300.1.1.1'), { ok: false, wrong: ['nope', '300.1.1.1'] });
    const many = Array.from({ length: 101 }, (_, i) => `10.0.${Math.floor(i / 250)}.${i % 250}`).join('\n');
    assert.deepEqual(readIpList(many), { ok: false, tooMany: true });
  });
});

describe('feedback addresses (reference §2.3: ports 80 and 443 only)', () => {
  test('http or https, default ports or 80/443, a host name', () => {
    for (const good of [
      'https://shop.example.com/ok',
      'http://shop.example.com/ok?x=1',
      'https://shop.example.com:443/',
      'http://a.example:80/',
    ]) {
      assert.ok(isFeedbackUrl(good), good);
    }
    for (const bad of [
      'ftp://shop.example.com/',
      'https://shop.example.com:8443/',
      'http://127.0.0.1/',
      'http://[::1]/',
      'http://localhost/',
      'https://user:pw@shop.example.com/',
      'https://shop.example.com/a b',
      'shop.example.com',
    ]) {
      assert.ok(!isFeedbackUrl(bad), bad);
    }
  });
});

describe('passphrases', () => {
  test('8 to 64 printable ASCII characters without spaces', () => {
    assert.ok(PASSPHRASE_PATTERN.test('Mysecretsig1875!?'));
    assert.ok(!PASSPHRASE_PATTERN.test('short1!'));
    assert.ok(!PASSPHRASE_PATTERN.test('a'.repeat(65)));
    assert.ok(!PASSPHRASE_PATTERN.test('with space 1234'));
    assert.ok(!PASSPHRASE_PATTERN.test('accentué-12345'));
  });

  test('a generated one fits the rule and is new each time', () => {
    const made = new Set(Array.from({ length: 50 }, generatePassphrase));
    assert.equal(made.size, 50);
    for (const passphrase of made) {
      assert.equal(passphrase.length, GENERATED_LENGTH);
      assert.ok(PASSPHRASE_PATTERN.test(passphrase));
    }
  });
});

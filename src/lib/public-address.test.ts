import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { AddressNotAllowed, isPublicAddress, postToPublicAddress } from './public-address.ts';

let received = 0;
const server = createServer((_request, response) => {
  received += 1;
  response.end('ok');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
after(() => server.close());
const port = (server.address() as AddressInfo).port;
const init = () => ({ headers: {}, body: new Uint8Array([0x61]), signal: AbortSignal.timeout(5_000) });

describe('public addresses (SSRF: OWASP ASVS 5.2.6)', () => {
  test('special-purpose addresses are not public; ordinary unicast ones are', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not an address',
    ]) {
      assert.equal(isPublicAddress(ip), false, ip);
    }
    for (const ip of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(isPublicAddress(ip), true, ip);
    }
  });

  test('a name that resolves to a loopback or private address is refused before any connection', async () => {
    const toLoopback = async () => [{ address: '127.0.0.1', family: 4 }];
    await assert.rejects(postToPublicAddress(`http://shop.example.com:${port}/status`, init(), toLoopback), AddressNotAllowed);
    const mixed = async () => [
      { address: '10.0.0.5', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ];
    await assert.rejects(postToPublicAddress(`http://shop.example.com:${port}/status`, init(), mixed), AddressNotAllowed);
    await assert.rejects(postToPublicAddress(`http://127.0.0.1:${port}/status`, init()), AddressNotAllowed);
    await assert.rejects(postToPublicAddress(`http://[::1]:${port}/status`, init()), AddressNotAllowed);
    assert.equal(received, 0, 'the local server was never reached');
  });
});

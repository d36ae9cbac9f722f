import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { readConfig } from '../config.ts';
import { auditLog } from '../db/schema/audit.ts';
import { rateLimits } from '../db/schema/passwords.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import type { Harness } from '../test/harness.ts';
import { createAccount, createHarness } from '../test/harness.ts';

/**
 * The client address behind TRUST_PROXY=N proxies (issue 8, item 10): the entry N places from
 * the right of X-Forwarded-For, and only when it is an IP address; otherwise the peer's.
 */
const oneProxy = await createHarness({ trustProxy: 1 });
const twoProxies = await createHarness({ trustProxy: 2 });
const noProxy = await createHarness();

/** A browser whose connection comes from `peer` (what the socket says), with its own headers. */
function browserFrom(h: Pick<Harness, 'app'>, peer: string, headers: Record<string, string> = {}) {
  const app = {
    request: (input: string, init?: RequestInit) =>
      h.app.request(input, init, { incoming: { socket: { remoteAddress: peer, remoteFamily: 'IPv4' } } }),
  } as unknown as ConstructorParameters<typeof TestBrowser>[0];
  return new TestBrowser(app, headers);
}

/** The address the audit log recorded for this user's successful login. */
async function loginAddress(h: Harness, peer: string, forwarded?: string): Promise<string | null> {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  const browser = browserFrom(h, peer, forwarded === undefined ? {} : { 'X-Forwarded-For': forwarded });
  assert.equal((await logIn(browser, admin)).status, 303);
  const [entry] = await h.db
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'login'), eq(auditLog.success, true)));
  return entry?.ip ?? null;
}

describe('TRUST_PROXY', () => {
  test('is a number of proxies: 1 keeps meaning one, empty or 0 means none, anything else stops the start', () => {
    assert.equal(readConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(readConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(readConfig({ TRUST_PROXY: '0' }).trustProxy, 0);
    assert.equal(readConfig({ TRUST_PROXY: '' }).trustProxy, 0);
    assert.equal(readConfig({}).trustProxy, 0);
    for (const wrong of ['yes', 'true', '-1', '1.5', '99']) {
      assert.throws(() => readConfig({ TRUST_PROXY: wrong }), /TRUST_PROXY/, wrong);
    }
  });
});

describe('the client address', () => {
  test('without TRUST_PROXY, X-Forwarded-For is ignored: the peer address', async () => {
    assert.equal(await loginAddress(noProxy, '198.51.100.4', '203.0.113.9'), '198.51.100.4');
  });

  test('with one proxy, the last entry; with two, the one before it', async () => {
    assert.equal(await loginAddress(oneProxy, '10.0.0.2', '6.6.6.6, 203.0.113.7'), '203.0.113.7');
    assert.equal(await loginAddress(twoProxies, '10.0.0.3', '6.6.6.6, 203.0.113.8, 10.0.0.2'), '203.0.113.8');
    assert.equal(await loginAddress(oneProxy, '10.0.0.2', '2001:db8::7'), '2001:db8::7');
  });

  test('anything that is not an IP address, or a list shorter than the proxies, gives the peer address', async () => {
    const cases = ['=HYPERLINK("http://evil.example","x")', 'unknown', '203.0.113.7:4711', '203.0.113.300', ' , ', ''];
    for (const forwarded of cases) {
      assert.equal(await loginAddress(oneProxy, '198.51.100.5', forwarded), '198.51.100.5', JSON.stringify(forwarded));
    }
    assert.equal(await loginAddress(twoProxies, '198.51.100.6', '203.0.113.7'), '198.51.100.6', 'one entry for two proxies');
  });

  test('rotating a made-up X-Forwarded-For does not get around the forgotten-password limit', async () => {
    const admin = await createAccount(oneProxy.db);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const browser = browserFrom(oneProxy, '198.51.100.77', { 'X-Forwarded-For': `bogus-${i}` });
      await browser.get(paths.password.forgotten('test'));
      statuses.push((await browser.post(paths.password.forgotten('test'), { pspid: admin.pspid, userid: '' })).status);
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
    assert.deepEqual(statuses.slice(10), [429, 429], 'the 11th request from the same connection is refused');
    const keys = await oneProxy.db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, '%bogus%'));
    assert.deepEqual(keys, [], 'no made-up address is stored');
  });
});

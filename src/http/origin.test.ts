import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Harness } from '../test/harness.ts';
import { createAccount, createHarness } from '../test/harness.ts';

/**
 * The origin check of forms (decision record 0005; issue 8, item 10): without PUBLIC_ORIGIN only
 * the listen address and localhost names pass, never whatever the Host header says (DNS
 * rebinding); with PUBLIC_ORIGIN, only that origin.
 */
const local = await createHarness({ host: '127.0.0.1', port: 3000 });
const lan = await createHarness({ host: '192.0.2.10', port: 3000 });
const behindProxy = await createHarness({ publicOrigin: 'https://shop.example', secureCookies: false });

/**
 * A login posted to `base` the way a page served from `base` would: the page read first (its
 * pre-login cookie and token), then the form sent with `Origin: origin`. The status says whether
 * the form got past the origin check (403 when it did not).
 */
async function postLogin(h: Harness, base: string, origin: string): Promise<number> {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  const page = await h.app.request(`${base}/test/login`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const body = new URLSearchParams({ _csrf: token, form: 'pspid', pspid: admin.pspid, password: admin.password });
  const response = await h.app.request(`${base}/test/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, Cookie: cookie },
    body: body.toString(),
  });
  return response.status;
}

describe('the origin of a form, without PUBLIC_ORIGIN', () => {
  test('a rebound host name is refused even when Host and Origin agree', async () => {
    assert.equal(await postLogin(local, 'http://evil.example', 'http://evil.example'), 403);
    assert.equal(await postLogin(local, 'http://evil.example:3000', 'http://evil.example:3000'), 403);
    assert.equal(await postLogin(local, 'http://localhost.evil.example', 'http://localhost.evil.example'), 403);
  });

  test('localhost names and loopback addresses pass, whatever the port the browser used', async () => {
    for (const base of [
      'http://localhost',
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://guichet.localhost:8080',
    ]) {
      assert.equal(await postLogin(local, base, base), 303, base);
    }
  });

  test('the listen address passes; another page on the same machine does not', async () => {
    assert.equal(await postLogin(lan, 'http://192.0.2.10:3000', 'http://192.0.2.10:3000'), 303);
    assert.equal(await postLogin(lan, 'http://192.0.2.99:3000', 'http://192.0.2.99:3000'), 403, 'not the listen address');
    assert.equal(await postLogin(local, 'http://localhost:3000', 'http://localhost:8000'), 403, 'another origin');
  });
});

describe('the origin of a form, with PUBLIC_ORIGIN', () => {
  test('only the configured origin passes', async () => {
    assert.equal(await postLogin(behindProxy, 'https://shop.example', 'https://shop.example'), 303);
    assert.equal(await postLogin(behindProxy, 'http://localhost', 'http://localhost'), 403);
    assert.equal(await postLogin(behindProxy, 'http://evil.example', 'http://evil.example'), 403);
  });
});

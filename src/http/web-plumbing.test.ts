import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { page } from './render.ts';

const h = await createHarness();
// A route that fails like a bug would, registered before the first request builds the router.
h.app.get('/test/explode', () => {
  throw new Error('database password=hunter2 leaked in a stack trace');
});

describe('security headers', () => {
  test('every page has the CSP with a nonce, nosniff, a referrer policy and no framing', async () => {
    const response = await new TestBrowser(h.app).get(paths.login('test'));
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    assert.match(csp, /script-src 'nonce-[^']+'/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(response.headers.get('Referrer-Policy'), 'same-origin');
    assert.equal(response.headers.get('X-Frame-Options'), 'DENY');
    assert.equal(response.headers.get('Strict-Transport-Security'), null, 'no HSTS over plain HTTP');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const body = await response.text();
    assert.ok(nonce && body.includes(`nonce="${nonce}"`), 'scripts carry the nonce of their response');
    assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)/, 'no inline script');
  });

  test('signed-in pages are never cached', async () => {
    const { browser } = await signIn(h);
    const response = await browser.get(paths.home('test'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
  });

  test('static files are served with a cache lifetime; the pinned htmx among them (details: static.test.ts)', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get(paths.login('test'));
    const htmx = browser.page.all('script[src]').find((s) => s.getAttribute('src')?.startsWith('/static/htmx-2.0.11.min.'));
    const response = await browser.get(htmx?.getAttribute('src') ?? '');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Cache-Control') ?? '', /max-age=31536000/);
    assert.equal((await new TestBrowser(h.app).get('/static/../package.json')).status, 404);
  });
});

describe('page or fragment (DESIGN.md, request convention 2)', () => {
  // One handler that has both a page and a fragment, as a feature's would.
  const tiny = new Hono();
  tiny.get('/thing', (c) => page(c, '<main>the whole page</main>', { fragment: '<section>the fragment</section>' }));
  const ask = (headers: Record<string, string>) => tiny.request('/thing', { headers });
  const cases: [string, Record<string, string>, string][] = [
    ['a plain request gets the whole page', {}, '<main>the whole page</main>'],
    ['an htmx request gets the fragment', { 'HX-Request': 'true' }, '<section>the fragment</section>'],
    [
      'a boosted navigation (hx-boost) gets the whole page',
      { 'HX-Request': 'true', 'HX-Boosted': 'true' },
      '<main>the whole page</main>',
    ],
    [
      'a history restore gets the whole page',
      { 'HX-Request': 'true', 'HX-History-Restore-Request': 'true' },
      '<main>the whole page</main>',
    ],
  ];
  for (const [name, headers, body] of cases) {
    test(`${name}, with Vary: HX-Request`, async () => {
      const response = await ask(headers);
      assert.equal(response.status, 200);
      assert.equal(await response.text(), body);
      assert.match(response.headers.get('Vary') ?? '', /(^|,\s*)HX-Request(\s*,|$)/);
    });
  }

  test('a page without a fragment is the whole page even for htmx, and varies on HX-Request', async () => {
    const browser = new TestBrowser(h.app);
    const response = await browser.get(paths.login('test'), { 'HX-Request': 'true' });
    assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
    assert.equal(browser.page.h1(), 'TEST login');
    assert.ok(browser.page.one('html'), 'the whole document');
  });
});

describe('the error funnel', () => {
  test('unknown pages get the 404 page, in the shell', async () => {
    const browser = new TestBrowser(h.app);
    const response = await browser.get('/test/no-such-page');
    assert.equal(response.status, 404);
    assert.equal(browser.page.h1(), 'Page not found');
    assert.equal(browser.page.link('Skip to main content'), '#main', 'in the page shell');
  });

  test('a failure is a 500 page with a request id, without the error or its stack', async () => {
    const browser = new TestBrowser(h.app);
    const response = await browser.get('/test/explode');
    assert.equal(response.status, 500);
    const requestId = response.headers.get('X-Request-Id');
    assert.ok(requestId);
    assert.equal(browser.page.textOf(browser.page.one('main code.request-id')), requestId);
    assert.doesNotMatch(browser.lastBody, /hunter2|stack|at .*\.ts/);
    assert.ok(
      h.logLines.some((line) => line.msg === 'unhandled error' && line.requestId === requestId),
      'logged for operators',
    );
    assert.ok(!JSON.stringify(h.logLines).includes('hunter2'), 'the log has the stack, not the message and its values');
  });
});

describe('request log', () => {
  test('one structured line a request, with no password, token, cookie or query string', async () => {
    const admin = await createAccount(h.db, { password: 'Visible-password-77' });
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin, { next: '/test/home?secret=query' });
    await browser.get('/test/home?secret=query');
    const session = browser.cookies.get('guichet_test_session')!;
    const text = JSON.stringify(h.logLines);
    assert.ok(
      h.logLines.some(
        (line) => line.msg === 'request' && line.path === '/test/login' && line.method === 'POST' && line.status === 303,
      ),
    );
    for (const secret of ['Visible-password-77', session, browser.csrfToken!, 'secret=query']) {
      assert.ok(!text.includes(secret), `the log does not contain ${secret.slice(0, 12)}…`);
    }
  });
});

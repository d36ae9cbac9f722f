import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { paths } from '../paths.ts';
import { TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { chooseEncoding } from './static-files.ts';

const h = await createHarness();
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

const get = (path: string, headers: Record<string, string> = {}) => h.app.request(`http://localhost${path}`, { headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());
const sha16 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

/** The addresses the login page links to, read from its head. */
async function linkedAssets() {
  const browser = new TestBrowser(h.app);
  await browser.get(paths.login('test'));
  const { page } = browser;
  const scripts = page.all('script[src]').map((s) => s.getAttribute('src') ?? '');
  return {
    css: page.one('link[rel=stylesheet]')?.getAttribute('href') ?? '',
    icon: page.one('link[rel=icon]')?.getAttribute('href') ?? '',
    htmx: scripts.find((src) => src.includes('htmx')) ?? '',
    js: scripts.find((src) => src.includes('/app.')) ?? '',
  };
}

describe('compression (issue 8, item 22)', () => {
  test('a page is gzip-compressed when Accept-Encoding allows it, and says it varies on it', async () => {
    const plain = await get(paths.login('test'));
    assert.equal(plain.headers.get('Content-Encoding'), null, 'no compression unless asked for');
    const plainBody = await bytes(plain);

    const response = await get(paths.login('test'), { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Encoding'), 'gzip');
    assert.match(response.headers.get('Vary') ?? '', /Accept-Encoding/);
    const compressed = await bytes(response);
    const html = gunzipSync(compressed).toString('utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<title>TEST login – Guichet<\/title>/);
    assert.ok(compressed.length < plainBody.length / 2, `${compressed.length} bytes compressed, ${plainBody.length} plain`);
  });

  test('a signed-in page is compressed too, and still never cached', async () => {
    const { browser } = await signIn(h);
    const response = await browser.send(paths.home('test'), { method: 'GET', headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Encoding'), 'gzip');
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.match(gunzipSync(await bytes(response)).toString('utf8'), /<h1>Welcome/);
  });

  test('the style sheet and the scripts come brotli- or gzip-compressed, by the client’s preference', async () => {
    const { css, js, htmx } = await linkedAssets();
    for (const [url, file] of [
      [css, 'static/app.css'],
      [js, 'static/app.js'],
      [htmx, 'static/htmx-2.0.11.min.js'],
    ] as const) {
      const original = readFileSync(file);
      const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
      assert.equal(br.headers.get('Content-Encoding'), 'br', url);
      assert.match(br.headers.get('Vary') ?? '', /Accept-Encoding/);
      assert.ok(brotliDecompressSync(await bytes(br)).equals(original), `${url} decompresses to ${file}`);
      const gz = await get(url, { 'Accept-Encoding': 'gzip' });
      assert.equal(gz.headers.get('Content-Encoding'), 'gzip', url);
      assert.ok(gunzipSync(await bytes(gz)).equals(original), `${url} decompresses to ${file}`);
      const identity = await get(url);
      assert.equal(identity.headers.get('Content-Encoding'), null);
      assert.ok((await bytes(identity)).equals(original));
    }
  });

  test('Accept-Encoding q-values are honoured; q=0 refuses an encoding', () => {
    assert.equal(chooseEncoding('gzip, br'), 'br');
    assert.equal(chooseEncoding('br;q=0.5, gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip;q=0'), undefined);
    assert.equal(chooseEncoding('identity'), undefined);
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding(undefined), undefined);
  });
});

describe('versioned static files (issue 8, item 22)', () => {
  test('pages link the style sheet, the scripts and the icon by names carrying their content hash', async () => {
    const assets = await linkedAssets();
    assert.equal(assets.css, `/static/app.${sha16('static/app.css')}.css`);
    assert.equal(assets.js, `/static/app.${sha16('static/app.js')}.js`);
    assert.equal(assets.htmx, `/static/htmx-2.0.11.min.${sha16('static/htmx-2.0.11.min.js')}.js`);
    assert.equal(assets.icon, `/static/favicon.${sha16('static/favicon.svg')}.svg`);
  });

  test('a hashed name is cached for a year as immutable, with an ETag that answers 304', async () => {
    const { css } = await linkedAssets();
    const response = await get(css);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/css; charset=utf-8');
    assert.equal(response.headers.get('Cache-Control'), YEAR_IMMUTABLE);
    const etag = response.headers.get('ETag') ?? '';
    assert.match(etag, /^"[0-9a-f]{16}"$/);
    assert.ok((await bytes(response)).equals(readFileSync('static/app.css')));

    const again = await get(css, { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('ETag'), etag);
    assert.equal(again.headers.get('Cache-Control'), YEAR_IMMUTABLE);
    assert.equal((await bytes(again)).length, 0);

    // The compressed copy has its own tag, and revalidates the same way.
    const gz = await get(css, { 'Accept-Encoding': 'gzip' });
    const gzTag = gz.headers.get('ETag') ?? '';
    assert.notEqual(gzTag, etag);
    assert.equal((await get(css, { 'Accept-Encoding': 'gzip', 'If-None-Match': gzTag })).status, 304);
    assert.equal((await get(css, { 'If-None-Match': '"0000000000000000"' })).status, 200);
  });

  test('the old unhashed names still answer, revalidated every time; a stale hash gets the current file, not cached for long', async () => {
    for (const name of ['app.css', 'app.js', 'htmx-2.0.11.min.js']) {
      const response = await get(`/static/${name}`);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get('Cache-Control'), 'no-cache', name);
      assert.ok((await bytes(response)).equals(readFileSync(`static/${name}`)), name);
      const etag = response.headers.get('ETag') ?? '';
      assert.equal((await get(`/static/${name}`, { 'If-None-Match': etag })).status, 304, name);
    }
    const stale = await get('/static/app.0123456789abcdef.css');
    assert.equal(stale.status, 200);
    assert.equal(stale.headers.get('Cache-Control'), 'no-cache');
  });

  test('nothing outside static/ is served, and an unknown file is a 404 page', async () => {
    assert.equal((await get('/static/nothing.css')).status, 404);
    assert.equal((await get('/static/../package.json')).status, 404);
    assert.equal((await get('/static/%2e%2e%2fpackage.json')).status, 404);
    assert.equal((await get('/static/app.css/x')).status, 404);
  });
});

describe('favicon and meta description (issue 8, item 22)', () => {
  test('/favicon.ico answers 200 with the SVG icon that pages link to', async () => {
    const response = await get('/favicon.ico');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'image/svg+xml');
    assert.match(response.headers.get('Cache-Control') ?? '', /max-age=\d+/);
    const svg = (await bytes(response)).toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /<script|on\w+=/i, 'no script in the icon');
    const { icon } = await linkedAssets();
    assert.equal((await bytes(await get(icon))).toString('utf8'), svg);
  });

  test('every page has a meta description in the reader’s language', async () => {
    const description = (browser: TestBrowser) => browser.page.one('meta[name=description]')?.getAttribute('content') ?? '';
    const english = new TestBrowser(h.app);
    await english.get(paths.login('test'));
    assert.match(description(english), /^Guichet, the merchant back office/);
    await english.get('/test/no-such-page');
    assert.match(description(english), /^Guichet, the merchant back office/);

    const french = new TestBrowser(h.app, { 'Accept-Language': 'fr' });
    await french.get(paths.login('prod'));
    assert.match(description(french), /^Guichet, le back-office marchand/);

    const { browser } = await signIn(h);
    for (const path of [paths.home('test'), paths.password.change('test'), paths.support.index('test')]) {
      await browser.get(path);
      assert.match(description(browser), /^Guichet, the merchant back office/, path);
    }
  });
});

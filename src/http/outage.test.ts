import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { simulatedAcquirers } from '../acquirer/simulated.ts';
import { createApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { manualClock } from '../lib/clock.ts';
import { TestBrowser } from '../test/browser.ts';
import { createHarness, ORIGIN, signIn } from '../test/harness.ts';

/**
 * Issue 8, items 3 and 4: an unreachable database answers 503 with Retry-After and a page that
 * says so (and the readiness probe says not ready), and a failed query's parameters never reach
 * the error log.
 */
// A Postgres client pointed at a port where nothing listens: every query is refused at once.
const unreachable = await openDatabase({ databaseUrl: 'postgres://guichet@127.0.0.1:1/none?connect_timeout=2' });
after(() => unreachable.close());
const logLines: Record<string, unknown>[] = [];
const config = testConfig();
after(() => rm(config.dataDir, { recursive: true, force: true }));
const app = createApp({
  db: unreachable.db,
  clock: manualClock(),
  config,
  log: (entry) => logLines.push(entry),
  mailer: { send: async () => {} },
  secretKey: Buffer.alloc(32),
  acquirers: simulatedAcquirers(manualClock()),
});

describe('database outage', () => {
  test('a page that needs the database answers 503 with Retry-After and says the service is briefly unavailable', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/test/login');
    const response = await browser.post('/test/login', { form: 'pspid', pspid: 'DEMO', password: 'whatever 12345' });
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('Retry-After'), '30');
    assert.equal(browser.page.h1(), 'Service briefly unavailable');
    assert.match(browser.page.text(), /Try again in a minute/);
    assert.ok(logLines.some((line) => line.msg === 'database unavailable' && line.code === 'ECONNREFUSED'));
  });

  test('/healthz answers while the process runs; /readyz says the database is not ready', async () => {
    const health = await app.request(`${ORIGIN}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await app.request(`${ORIGIN}/readyz`);
    assert.equal(ready.status, 503);
    assert.equal(ready.headers.get('Retry-After'), '30');
  });
});

describe('readiness with a database', () => {
  test('/readyz answers 200 when the database answers', async () => {
    const h = await createHarness();
    const ready = await h.app.request(`${ORIGIN}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });
});

describe('the error log', () => {
  test('a failed query is logged with its class, code and stack frames, never its parameters', async () => {
    const h = await createHarness();
    const { user, browser } = await signIn(h);
    // The password history cannot be written: the change fails after hashing the new password.
    await h.db.execute(sql.raw('alter table password_history rename to password_history_gone'));
    await browser.get('/test/password');
    const response = await browser.post('/test/password', {
      current: user.password,
      next: 'a brand new passphrase 2026',
      confirmation: 'a brand new passphrase 2026',
    });
    assert.equal(response.status, 500);
    const logged = JSON.stringify(h.logLines);
    const failure = h.logLines.find((line) => line.msg === 'unhandled error');
    assert.ok(failure, 'the failure is logged');
    assert.equal(failure.code, '42P01', 'with the driver’s code (undefined table)');
    assert.match(String(failure.stack), /^\s+at /, 'with stack frames');
    assert.doesNotMatch(
      logged,
      /params:|\$argon2|Failed query|brand new passphrase/,
      'never the query, its parameters or a hash',
    );
  });
});

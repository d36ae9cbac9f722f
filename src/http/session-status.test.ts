import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../auth/sessions.ts';
import { sessions } from '../db/schema/sessions.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';

const h = await createHarness();

async function status(browser: TestBrowser, env: 'test' | 'prod' = 'test') {
  const response = await browser.send(paths.sessionStatus(env), { method: 'GET', headers: { Accept: 'application/json' } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
  assert.equal(response.headers.get('Cache-Control'), 'no-store');
  return (await response.json()) as { signedIn: boolean; remainingMs: number; idleTimeoutMs?: number };
}

async function lastSeen(userId: string) {
  const rows = await h.db.select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, userId));
  return rows.map((row) => row.lastSeenAt.getTime());
}

test('the session status says how long the session has left, in milliseconds', async () => {
  const { browser } = await signIn(h);
  assert.deepEqual(await status(browser), { signedIn: true, remainingMs: IDLE_TIMEOUT_MS, idleTimeoutMs: IDLE_TIMEOUT_MS });
  h.clock.advance(4 * MINUTE_MS);
  assert.equal((await status(browser)).remainingMs, IDLE_TIMEOUT_MS - 4 * MINUTE_MS);
});

test('asking for the status does not extend the session; a page does', async () => {
  const { user, browser } = await signIn(h);
  const before = await lastSeen(user.id);
  // Asked every 4 minutes, as often as a tab might: the session still ends 15 minutes after the last page.
  for (const minutes of [4, 8, 12]) {
    h.clock.advance(4 * MINUTE_MS);
    assert.deepEqual(await status(browser), {
      signedIn: true,
      remainingMs: IDLE_TIMEOUT_MS - minutes * MINUTE_MS,
      idleTimeoutMs: IDLE_TIMEOUT_MS,
    });
    assert.deepEqual(await lastSeen(user.id), before, 'the last activity is not written');
  }
  h.clock.advance(3 * MINUTE_MS);
  assert.deepEqual(await status(browser), { signedIn: false, remainingMs: 0 });
  const home = await browser.get(paths.home('test'));
  assert.equal(home.status, 303, 'the session has ended: the home page sends to the login');
  assert.match(home.headers.get('Location') ?? '', /^\/test\/login/);

  // The same with a page seen in between: that one does extend it.
  const other = await signIn(h);
  h.clock.advance(10 * MINUTE_MS);
  await other.browser.get(paths.home('test'));
  h.clock.advance(10 * MINUTE_MS);
  assert.equal((await status(other.browser)).remainingMs, IDLE_TIMEOUT_MS - 10 * MINUTE_MS);
});

test('the absolute lifetime caps what is left', async () => {
  const { browser } = await signIn(h);
  // Kept busy for almost 12 hours: the idle timeout is not what ends it then.
  const step = 10 * MINUTE_MS;
  for (let elapsed = step; elapsed < ABSOLUTE_TIMEOUT_MS - 5 * MINUTE_MS; elapsed += step) {
    h.clock.advance(step);
    await browser.get(paths.home('test'));
  }
  const { remainingMs } = await status(browser);
  assert.ok(remainingMs <= 5 * MINUTE_MS + step && remainingMs < IDLE_TIMEOUT_MS, `${remainingMs} ms left`);
});

test('without a session, or with the other environment’s, the status says signed out', async () => {
  const { browser } = await signIn(h);
  assert.deepEqual(await status(browser, 'prod'), { signedIn: false, remainingMs: 0 });
  await browser.get(paths.home('test'));
  assert.equal((await browser.post(paths.logout('test'), {})).status, 303);
  assert.deepEqual(await status(browser), { signedIn: false, remainingMs: 0 });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import type { TestUser } from '../test/harness.ts';
import { createAccount, createHarness } from '../test/harness.ts';
import { currentCode, ownBrowser, sendCode, turnOnTwoFactor } from './login-fixtures.ts';
import { claimThrottle, LOGIN_ADDRESS_WINDOW_MS, LOGIN_LIMIT_GLOBAL, LOGIN_LIMIT_PER_ADDRESS } from './throttle.ts';

/**
 * The login's per-address and global limits (issue 8, item 5; decision record 0018): each
 * attempt costs two argon2 checks, so past the limits the answer is 429 with Retry-After and a
 * message that says how long to wait, before any password is checked.
 */
const h = await createHarness();
const fresh = () => ({ passwordChangedAt: h.clock.now() });

/** A browser whose connection comes from `address`. */
function from(address: string) {
  const app = {
    request: (input: string, init?: RequestInit) =>
      h.app.request(input, init, { incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4' } } }),
  } as unknown as ConstructorParameters<typeof TestBrowser>[0];
  return new TestBrowser(app);
}

/** `count` attempts from `address` counted as the login counts them, without their argon2 work. */
async function countFrom(address: string, count: number) {
  for (let i = 0; i < count; i += 1) await claimThrottle({ db: h.db, clock: h.clock, ip: address }, async () => {});
}

/** `count` failed logins from `address`, a few at a time (each costs two argon2 checks). */
async function failFrom(address: string, count: number, user: Pick<TestUser, 'pspid' | 'userid'>) {
  for (let done = 0; done < count; done += 5) {
    const batch = Array.from({ length: Math.min(5, count - done) }, (_, i) =>
      logIn(from(address), { ...user, userid: `nobody${done + i}`, password: 'wrong guess' }, { form: 'user' }),
    );
    for (const response of await Promise.all(batch)) assert.equal(response.status, 422);
  }
}

describe('the per-address limit', () => {
  test(`after ${LOGIN_LIMIT_PER_ADDRESS} failures in 15 minutes from one address: 429 with Retry-After and the wait on the login page`, async () => {
    const admin = await createAccount(h.db, fresh());
    // Right passwords give their place back: they do not use up the address's allowance.
    for (let i = 0; i < 3; i += 1) assert.equal((await logIn(from('198.51.100.10'), admin)).status, 303);
    // Ten real failures through the form, and the rest of the allowance counted the same way.
    await failFrom('198.51.100.10', 10, admin);
    await countFrom('198.51.100.10', LOGIN_LIMIT_PER_ADDRESS - 10);

    const browser = from('198.51.100.10');
    const response = await logIn(browser, admin);
    assert.equal(response.status, 429, 'even the right password is not checked');
    const wait = Number(response.headers.get('Retry-After'));
    assert.ok(wait > 0 && wait <= LOGIN_ADDRESS_WINDOW_MS / 1000, `Retry-After: ${wait}`);
    assert.match(browser.page.alert(), /^Too many failed login attempts from your network\. Wait \d+ minutes? and try again\.$/);
    assert.match(browser.page.title(), /^Error: /);
    assert.equal(browser.page.valueOf('#login-pspid'), admin.pspid, 'what was typed is kept');

    assert.equal((await logIn(from('198.51.100.11'), admin)).status, 303, 'another address logs in');
    h.clock.advance(LOGIN_ADDRESS_WINDOW_MS);
    assert.equal((await logIn(from('198.51.100.10'), admin)).status, 303, 'the next window is open again');
    const refusals = await h.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.eventType, 'login'),
          eq(auditLog.ip, '198.51.100.10'),
          eq(sql`${auditLog.details}->>'reason'`, 'rate_limited_address'),
        ),
      );
    assert.equal(refusals.length, 1, 'the first refusal of a window is audited, not every one');
  });

  test('in French too', async () => {
    const admin = await createAccount(h.db, fresh());
    await countFrom('198.51.100.20', LOGIN_LIMIT_PER_ADDRESS);
    const browser = from('198.51.100.20');
    await browser.get(paths.login('test'));
    await browser.post(paths.language('test'), { lang: 'fr', next: paths.login('test') });
    assert.equal((await logIn(browser, admin)).status, 429);
    assert.match(
      browser.page.alert(),
      /^Trop de tentatives de connexion échouées depuis votre réseau\. Attendez \d+ minutes? et réessayez\.$/,
    );
  });

  test('an IPv6 client counts with its /64', async () => {
    const admin = await createAccount(h.db, fresh());
    for (let i = 0; i < LOGIN_LIMIT_PER_ADDRESS; i += 1) await countFrom(`2001:db8:1:2::${(i + 1).toString(16)}`, 1);
    assert.equal((await logIn(from('2001:db8:1:2:ffff::9'), admin)).status, 429);
    assert.equal((await logIn(from('2001:db8:1:3::1'), admin)).status, 303, 'the next /64 is someone else');
    h.clock.advance(LOGIN_ADDRESS_WINDOW_MS);
  });

  test('codes at the login’s code step count toward it, and are answered 429 beside the code field', async () => {
    const admin = await createAccount(h.db, fresh());
    const secret = await turnOnTwoFactor(h, admin);
    const browser = from('198.51.100.30');
    assert.equal((await logIn(browser, admin)).status, 303, 'the password step');
    await countFrom('198.51.100.30', LOGIN_LIMIT_PER_ADDRESS);
    const response = await sendCode(browser, currentCode(h, secret));
    assert.equal(response.status, 429);
    assert.ok(Number(response.headers.get('Retry-After')) > 0);
    assert.match(browser.page.fieldError('code') ?? browser.page.alert(), /Too many failed login attempts from your network/);
    h.clock.advance(LOGIN_ADDRESS_WINDOW_MS);
    const later = from('198.51.100.30');
    assert.equal((await logIn(later, admin)).status, 303);
    assert.equal((await sendCode(later, currentCode(h, secret))).status, 303, 'the next window is open again');
  });
});

describe('the global limit', () => {
  test(`after ${LOGIN_LIMIT_GLOBAL} failures in a minute anywhere: 429 for new browsers, while a user’s own browser still logs in`, async () => {
    const admin = await createAccount(h.db, fresh());
    const own = await ownBrowser(h, admin);
    // As many failures as the limit, from many addresses (each under its own limit).
    for (let i = 0; i < LOGIN_LIMIT_GLOBAL; i += 1) {
      await claimThrottle({ db: h.db, clock: h.clock, ip: `203.0.113.${i % 200}` }, async () => {});
    }
    const browser = from('192.0.2.77');
    const response = await logIn(browser, admin);
    assert.equal(response.status, 429);
    assert.ok(Number(response.headers.get('Retry-After')) <= 60);
    assert.match(browser.page.alert(), /^Too many failed login attempts on Guichet right now\. Wait 1 minute and try again\./);
    assert.equal((await logIn(own, admin)).status, 303, 'the administrator’s own browser is not held back');
    h.clock.advance(MINUTE_MS);
    assert.equal((await logIn(from('192.0.2.77'), admin)).status, 303, 'a minute later');
  });
});

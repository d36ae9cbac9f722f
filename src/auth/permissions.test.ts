import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { saveAccountSection } from '../account/section-service.ts';
import { setTwoFactorRequired } from '../account/service.ts';
import { setOptions } from '../account/test-fixtures.ts';
import type { Profile } from '../db/schema/users.ts';
import { PROFILES } from '../db/schema/users.ts';
import { Forbidden, RuleBroken } from '../errors.ts';
import { switchOffOtpForUser } from '../otp/admin-service.ts';
import { setApiUserPassword } from '../password/service.ts';
import { createProductionAccount } from '../production/service.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { actorContextOf, createAccount, createHarness, createUser } from '../test/harness.ts';
import { createUser as createUserByService, setUserActive, unlockUser } from '../users/service.ts';
import type { Permission } from './permissions.ts';
import { can, PERMISSIONS } from './permissions.ts';
import { validateSession } from './sessions.ts';

const h = await createHarness();
const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
const api = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'matrix.api', isApiUser: true });
const target = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'matrix.target' });
// The e-Terminal's page needs its option as well as `payments:create`.
await setOptions(h.db, admin.accountId, ['e_terminal']);

/** One request per permission that only that permission opens; "allowed" is anything but 403. */
const ROUTE_FOR: Record<Permission, { method: 'GET' | 'POST'; path: string; form?: Record<string, string> }> = {
  'home:view': { method: 'GET', path: '/test/home' },
  'support:view': { method: 'GET', path: '/test/support/faq' },
  'password:change': { method: 'GET', path: '/test/password' },
  'otp:manage': { method: 'GET', path: '/test/password/otp' },
  'users:view': { method: 'GET', path: '/test/users' },
  'users:manage': { method: 'GET', path: `/test/users/${target.id}` },
  'api_users:set_password': {
    method: 'POST',
    path: '/test/password/api-user',
    form: { apiUser: '', next: '', confirmation: '' },
  },
  'account:security': { method: 'POST', path: '/test/password/otp/required', form: { submitted: '1', required: '' } },
  'account:view': { method: 'GET', path: '/test/account' },
  'account:manage': { method: 'POST', path: '/test/account/time-zone', form: { version: '1', timeZone: 'Europe/Brussels' } },
  'account:create_production': { method: 'GET', path: '/test/account/production' },
  'audit:view': { method: 'GET', path: '/test/audit' },
  'error_logs:view': { method: 'GET', path: '/test/error-logs' },
  'payments:create': { method: 'GET', path: '/test/operations/new-transaction' },
  'payments:view': { method: 'GET', path: '/test/operations/transactions' },
  'technical:view': { method: 'GET', path: '/test/technical-information' },
  'technical:manage': {
    method: 'POST',
    path: '/test/technical-information/security',
    form: { version: '1', shaAlgorithm: 'SHA-512', charset: 'utf-8' },
  },
};

/** Resolves when `call` is refused by a rule (the permission let it through), rejects with anything else. */
async function refusedAsRule(call: Promise<unknown>): Promise<void> {
  await call.catch((error: unknown) => {
    if (!(error instanceof RuleBroken)) throw error;
  });
}

async function signedIn(profile: Profile, prefix: string) {
  const user = await createUser(h.db, admin.accountId, admin.pspid, {
    userid: `${prefix}.${profile}`.slice(0, 20),
    profile,
    passwordChangedAt: h.clock.now(),
  });
  const browser = new TestBrowser(h.app);
  assert.equal((await logIn(browser, user)).status, 303);
  await browser.get('/test/home');
  const auth = await validateSession(h.db, h.clock, browser.cookies.get('guichet_test_session')!, 'test');
  assert.ok(auth);
  return { browser, auth };
}

describe('the permission matrix, at the route', () => {
  for (const profile of PROFILES) {
    test(`${profile}: every permission allowed or refused as the matrix says`, async () => {
      const { browser } = await signedIn(profile, 'route');
      for (const permission of PERMISSIONS) {
        const route = ROUTE_FOR[permission];
        await browser.get('/test/home');
        const response =
          route.method === 'GET' ? await browser.get(route.path) : await browser.post(route.path, route.form ?? {});
        const allowed = can(profile, permission);
        if (allowed) assert.notEqual(response.status, 403, `${profile} should reach ${permission}`);
        else assert.equal(response.status, 403, `${profile} must not reach ${permission}`);
      }
    });
  }
});

describe('the permission matrix, at the service', () => {
  for (const profile of PROFILES) {
    test(`${profile}: services refuse what the profile lacks, whatever the route did`, async () => {
      const { auth } = await signedIn(profile, 'svc');
      const ctx = actorContextOf(h, auth);
      const input = {
        name: 'N',
        email: '',
        profile: 'viewer' as const,
        scopeOwnOnly: false,
        isApiUser: false,
        timeZone: 'Europe/Brussels',
        language: 'en' as const,
      };
      const calls: [Permission, () => Promise<unknown>][] = [
        ['users:manage', () => createUserByService(ctx, { userid: `new.${profile}`.slice(0, 20), input })],
        ['users:manage', () => unlockUser(ctx, target.id)],
        ['users:manage', () => setUserActive(ctx, target.id, true)],
        ['users:manage', () => switchOffOtpForUser(ctx, target.id)],
        [
          'api_users:set_password',
          () =>
            // Each profile sets its own new password: a password used recently is refused (history rule).
            setApiUserPassword(ctx, {
              apiUserId: api.id,
              next: `Service-check-2026-${profile}`,
              confirmation: `Service-check-2026-${profile}`,
            }),
        ],
        ['account:security', () => setTwoFactorRequired(ctx, false)],
        // The account's own time zone again: allowed, and nothing changes.
        [
          'account:manage',
          () => saveAccountSection(ctx, { version: 1, change: { section: 'timeZone', timeZone: 'Europe/Brussels' } }),
        ],
        // A malformed PSPID: refused after the permission check, so nothing is created for those allowed.
        ['account:create_production', () => refusedAsRule(createProductionAccount(ctx, { pspid: 'not a pspid' }))],
      ];
      for (const [permission, call] of calls) {
        if (can(profile, permission)) await assert.doesNotReject(call(), `${profile} may ${permission}`);
        else await assert.rejects(call(), Forbidden, `${profile} may not ${permission}`);
      }
    });
  }
});

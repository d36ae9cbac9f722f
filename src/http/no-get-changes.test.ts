import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { ACTIVITY_WRITE_INTERVAL_MS } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { generateRecoveryCodes } from '../otp/recovery-codes.ts';
import { replaceRecoveryCodes, sealTotpSecret } from '../otp/storage.ts';
import { generateTotpSecret } from '../otp/totp.ts';
import { paths } from '../paths.ts';
import { recordNewOrder } from '../payments/new-order.ts';
import { technicalSlug } from '../technical/sections.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import type { TestUser } from '../test/harness.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';

/**
 * "No GET changes anything" (docs/architecture.md, issue 8 item 11): every GET route the app
 * serves (read from the router itself, `app.routes`, so a route added later is walked too) is
 * requested by each kind of visitor, and every table is compared before and after each request.
 *
 * Ignored, and only this:
 * - `sessions.last_seen_at`: the idle timeout (15 minutes, PCI DSS 8.2.8) counts from the last
 *   request, so a page view of a signed-in session must record it (at most every 30 seconds,
 *   ACTIVITY_WRITE_INTERVAL_MS). The walk moves the clock past that interval before each request,
 *   so this one write does happen and is shown to be the only one.
 * - `audit_log` rows of type `audit.view` and `audit.download`: reading the audit log is itself
 *   audited (PCI DSS 10.2.1.3, access to audit logs). They are checked apart: only the audit
 *   page and its download may add them, and nothing else.
 */

const h = await createHarness();

/** Reads of the audit log, audited on purpose (PCI DSS 10.2.1.3). */
const AUDITED_READS = ['audit.view', 'audit.download'];
/** The GET routes whose answer records such a read. */
const AUDIT_READ_ROUTES = new Set(['/:env/audit', '/:env/audit/download.csv']);

type Snapshot = Map<string, string[]>;
/** Values for the routes' parameters, per environment, and for the routes outside them (static files). */
type Ids = Record<Environment | 'outside', Record<string, string>>;

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);

/** The application's tables (schema `public`), read from the database so a table added later is compared too. */
async function tableNames(): Promise<string[]> {
  const rows = rowsOf(
    await h.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  );
  return rows.map((row) => String(row.table_name));
}

/** A table's rows as JSON, minus what is ignored (above). */
function rowsQuery(table: string) {
  const t = sql.identifier(table);
  if (table === 'sessions') return sql`select (to_jsonb(t) - 'last_seen_at')::text as row from ${t} t`;
  if (table === 'audit_log') {
    const reads = sql.join(
      AUDITED_READS.map((type) => sql`${type}`),
      sql`, `,
    );
    return sql`select to_jsonb(t)::text as row from ${t} t where t.event_type not in (${reads})`;
  }
  return sql`select to_jsonb(t)::text as row from ${t} t`;
}

/** Every row of every table, as sorted JSON texts. */
async function snapshot(tables: string[]): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const table of tables) {
    result.set(
      table,
      rowsOf(await h.db.execute(rowsQuery(table)))
        .map((row) => String(row.row))
        .sort(),
    );
  }
  return result;
}

/**
 * One query that changes whenever any compared row changes: each table's row count and an md5 of
 * its sorted rows, and the number of audited reads. Cheaper than a whole snapshot per request.
 */
async function fingerprint(tables: string[]): Promise<string> {
  const parts = tables.map(
    (table) =>
      sql`select ${table} as name, count(*)::text || ':' || coalesce(md5(string_agg(r.row, '|' order by r.row)), '') as digest from (${rowsQuery(table)}) r`,
  );
  const reads = sql.join(
    AUDITED_READS.map((type) => sql`${type}`),
    sql`, `,
  );
  const all = sql.join(
    [...parts, sql`select 'audited reads' as name, count(*)::text as digest from audit_log where event_type in (${reads})`],
    sql` union all `,
  );
  return JSON.stringify(rowsOf(await h.db.execute(all)));
}

/** The number of audited reads a fingerprint counted. */
const readsIn = (print: string) =>
  Number((JSON.parse(print) as { name: string; digest: string }[]).find((part) => part.name === 'audited reads')?.digest);

/** What changed between two snapshots, table by table: rows gone and rows new. */
function differences(before: Snapshot, after: Snapshot) {
  const changes: { table: string; gone: string[]; added: string[] }[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? [];
    const gone = old.filter((row) => !rows.includes(row));
    const added = rows.filter((row) => !old.includes(row));
    if (gone.length || added.length) changes.push({ table, gone, added });
  }
  return changes;
}

/** Every GET route of the app, as registered (`/test/users/:id`, ...), once each. */
function getRoutes(): string[] {
  const all = h.app.routes.filter((route) => route.method === 'GET').map((route) => route.path);
  return [...new Set(all)].sort();
}

/** The walk's own addresses: the route with its environment and parameters filled in, plus query variants. */
function addressesOf(route: string, ids: Ids): string[] {
  const env: Environment | undefined = route.startsWith('/prod') ? 'prod' : route.startsWith('/test') ? 'test' : undefined;
  const path = route.replace(/:(\w+)/g, (_, name: string) => {
    const value = ids[env ?? 'outside'][name];
    if (!value) throw new Error(`the walk does not know a value for :${name} in ${route}: add one to the ids`);
    return value;
  });
  const generic = env ? route.replace(`/${env}`, '/:env') : route;
  const variants = QUERY_VARIANTS[generic] ?? [];
  return [path, ...variants.map((query) => `${path}?${query}`)];
}

/** Addresses with a query the page reads: filters, the return path after login. */
const QUERY_VARIANTS: Record<string, string[]> = {
  '/:env/audit': ['event=login', 'from=2026-01-01&to=2026-12-31', 'user=nobody', 'before=bad'],
  '/:env/audit/download.csv': ['event=login'],
  '/:env/users': ['q=target'],
  '/:env/login': ['next=/test/users'],
  '/:env/login/otp': ['next=/test/users'],
  '/:env/account/production': ['pspid=ANOTHER'],
  '/:env/account/production/review': ['pspid=FREE.ONE', 'pspid=not%20valid'],
};

/**
 * Requests every GET route as `browser` (signed in to `env`, if at all) and returns what changed
 * for each address; none is expected. Before each request to the session's environment the
 * clock moves past the activity interval, so the session's last activity is written each time
 * (the one write allowed) and the session stays alive through the walk.
 */
async function walk(browser: TestBrowser, ids: Ids, env?: Environment) {
  const offenders: { address: string; status: number; changes: ReturnType<typeof differences>; reads: number }[] = [];
  const tables = await tableNames();
  assert.ok(
    ['users', 'sessions', 'audit_log'].every((table) => tables.includes(table)),
    'the tables are found',
  );
  let full = await snapshot(tables);
  let print = await fingerprint(tables);
  let requests = 0;
  // A session is looked at only in its own environment: elsewhere it is the signed-out walk again.
  const routes = getRoutes().filter((route) => !env || !/^\/(test|prod)(\/|$)/.test(route) || route.startsWith(`/${env}`));
  for (const route of routes) {
    const generic = route.replace(/^\/(test|prod)(?=\/|$)/, '/:env');
    for (const address of addressesOf(route, ids)) {
      if (env && address.startsWith(`/${env}`)) h.clock.advance(ACTIVITY_WRITE_INTERVAL_MS);
      const response = await browser.send(address, { method: 'GET' });
      await response.arrayBuffer(); // a streamed download finishes its queries
      requests += 1;
      const now = await fingerprint(tables);
      if (now === print) continue;
      const after = await snapshot(tables);
      const changes = differences(full, after);
      full = after;
      const reads = readsIn(now) - readsIn(print);
      const readNotAllowed = reads > 0 && !AUDIT_READ_ROUTES.has(generic);
      if (changes.length || readNotAllowed) offenders.push({ address, status: response.status, changes, reads });
      print = now;
    }
  }
  assert.ok(requests >= 20, `${requests} addresses walked`);
  return offenders;
}

/** 2FA switched on in the database (a seed and recovery codes), without the setup pages. */
async function withTwoFactor(user: TestUser) {
  await h.db
    .update(users)
    .set({ totpSecret: sealTotpSecret(h.secretKey, generateTotpSecret(), user), totpEnabledAt: h.clock.now() })
    .where(eq(users.id, user.id));
  await replaceRecoveryCodes(h.db, h.clock.now(), { accountId: user.accountId, id: user.id }, generateRecoveryCodes());
}

// The accounts walked: a TEST account with an administrator without 2FA, and a user with 2FA
// who is locked (so every per-user page has something to show), and a PROD account.
const testAdmin = await createAccount(h.db);
const target = await createUser(h.db, testAdmin.accountId, testAdmin.pspid, { userid: 'target.user', email: 't@example.com' });
await withTwoFactor(target);
await h.db
  .update(users)
  .set({ failedLoginCount: 10, lockedUntil: new Date(h.clock.now().getTime() + 30 * MINUTE_MS) })
  .where(eq(users.id, target.id));
const prodAdmin = await createAccount(h.db, { environment: 'prod' });
const prodUser = await createUser(h.db, prodAdmin.accountId, prodAdmin.pspid, { userid: 'prod.user' });
/** A static file the pages really link to (its name may carry a content hash). */
async function staticFileName(): Promise<string> {
  const browser = new TestBrowser(h.app);
  await browser.get(paths.login('test'));
  const href = browser.page
    .all('link[href^="/static/"], script[src^="/static/"]')
    .map((e) => e.getAttribute('href') ?? e.getAttribute('src'))[0];
  return href?.replace('/static/', '') ?? 'app.css';
}
// The TEST account has the e-Terminal option and one of its orders, for the result page (O1).
await h.db
  .update(accounts)
  .set({ options: ['e_terminal'] })
  .where(eq(accounts.id, testAdmin.accountId));
const terminalOrder = await recordNewOrder(
  h,
  { accountId: testAdmin.accountId, userId: testAdmin.id, userid: testAdmin.userid, ip: null },
  {
    orderId: 'walk-1',
    operation: 'RES',
    amount: 1500,
    currency: 'EUR',
    outcome: { accepted: true, status: 5, ncError: '0', acceptance: 'test123' },
    eci: 1,
    source: 'eterminal',
  },
);
const payId = String(terminalOrder.created ? terminalOrder.payId : terminalOrder.original.payId);
const ids: Ids = {
  test: { id: target.id, payId, section: technicalSlug('directLink') },
  prod: { id: prodUser.id, payId, section: technicalSlug('directLink') },
  outside: { name: await staticFileName() },
};

/** A fresh browser logged in (password step) as `user`, with a fresh password so no forced change intervenes. */
async function loggedIn(user: TestUser, env: Environment = 'test') {
  await h.db.update(users).set({ passwordChangedAt: h.clock.now() }).where(eq(users.id, user.id));
  const browser = new TestBrowser(h.app);
  assert.equal((await logIn(browser, user, { env })).status, 303);
  return browser;
}

describe('no GET changes anything', () => {
  test('signed out', async () => {
    assert.deepEqual(await walk(new TestBrowser(h.app), ids), []);
  });

  test('an administrator of TEST without 2FA, on every page (2FA setup included)', async () => {
    assert.deepEqual(await walk(await loggedIn(testAdmin), ids, 'test'), []);
  });

  test('an administrator of PROD', async () => {
    assert.deepEqual(await walk(await loggedIn(prodAdmin, 'prod'), ids, 'prod'), []);
  });

  test('a viewer (pages it may not see answer 403)', async () => {
    const viewer = await createUser(h.db, testAdmin.accountId, testAdmin.pspid, { userid: 'viewer.walk', profile: 'viewer' });
    assert.deepEqual(await walk(await loggedIn(viewer), ids, 'test'), []);
  });

  test('a user mid-login, between the password and the code', async () => {
    const user = await createUser(h.db, testAdmin.accountId, testAdmin.pspid, { userid: 'mid.login', profile: 'admin' });
    await withTwoFactor(user);
    const browser = await loggedIn(user);
    assert.equal((await browser.get(paths.loginCode('test'))).status, 200, 'the code step');
    assert.deepEqual(await walk(browser, ids, 'test'), []);
  });

  test('a user whose account requires 2FA and who has none (setup stage)', async () => {
    const strict = await createAccount(h.db);
    await h.db.update(accounts).set({ twoFactorRequired: true }).where(eq(accounts.id, strict.accountId));
    const user = await createUser(h.db, strict.accountId, strict.pspid, { userid: 'must.setup', profile: 'admin' });
    const browser = await loggedIn(user);
    assert.equal((await browser.get(paths.home('test'))).headers.get('Location'), paths.otp.page('test'), 'the setup stage');
    assert.deepEqual(await walk(browser, { ...ids, test: { ...ids.test, id: user.id } }, 'test'), []);
  });

  test('a user who must change an issued password', async () => {
    const user = await createUser(h.db, testAdmin.accountId, testAdmin.pspid, {
      userid: 'issued.pw',
      profile: 'admin',
      passwordIssued: true,
    });
    const browser = new TestBrowser(h.app);
    await logIn(browser, user);
    assert.equal((await browser.get(paths.home('test'))).headers.get('Location'), paths.password.change('test'));
    assert.deepEqual(await walk(browser, ids, 'test'), []);
  });
});

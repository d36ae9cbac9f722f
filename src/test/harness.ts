import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { after } from 'node:test';
import { simulatedAcquirers } from '../acquirer/simulated.ts';
import { createApp } from '../app.ts';
import type { Authenticated } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import { testConfig } from '../config.ts';
import type { ActorContext, Deps, Logger } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { Language, Profile } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import type { ManualClock } from '../lib/clock.ts';
import { manualClock } from '../lib/clock.ts';
import { hashPassword } from '../lib/password-hash.ts';
import type { Mail, Mailer } from '../mail/mailer.ts';
import { createMailer } from '../mail/mailer.ts';
import { logIn, TestBrowser } from './browser.ts';
import { createTestDatabase } from './database.ts';

export const ORIGIN = 'http://localhost';

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * One app on its own test database, with a manual clock and a captured log: usually one per test
 * file, sometimes one per test where a test needs an empty database. Closed automatically after
 * the tests of the suite (file) that made it.
 */
export async function createHarness(configOverrides: Partial<Config> = {}) {
  const database = await createTestDatabase();
  after(() => database.close());
  const clock: ManualClock = manualClock();
  const logLines: Record<string, unknown>[] = [];
  const log = (entry: Record<string, unknown>) => logLines.push(entry);
  const config = testConfig({ logRequests: true, ...configOverrides });
  after(() => rm(config.dataDir, { recursive: true, force: true }));
  /** Mails sent, when no SMTP server is configured; with smtpUrl they go to that server. */
  const sentMails: Mail[] = [];
  const mailer: Mailer = config.smtpUrl ? createMailer(config, log) : { send: async (mail) => void sentMails.push(mail) };
  const secretKey = randomBytes(32);
  const acquirers = simulatedAcquirers(clock);
  const app = createApp({ db: database.db, clock, config, log, mailer, secretKey, acquirers });
  return { app, db: database.db, clock, config, logLines, sentMails, secretKey, mailer, log, acquirers, driver: database.driver };
}

let accountCounter = 0;

export type TestUser = { id: string; accountId: string; userid: string; pspid: string; password: string };

/** A fresh account with its default administrator (USERID = PSPID). */
export async function createAccount(
  db: Db,
  options: { environment?: Environment; pspid?: string; password?: string; timeZone?: string; passwordChangedAt?: Date } = {},
): Promise<TestUser & { accountId: string }> {
  accountCounter += 1;
  const pspid = options.pspid ?? `SHOP${accountCounter}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const [account] = await db
    .insert(accounts)
    .values({
      environment: options.environment ?? 'test',
      pspid,
      companyName: `${pspid} SA`,
      tradeName: pspid,
      timeZone: options.timeZone ?? 'Europe/Brussels',
    })
    .returning();
  if (!account) throw new Error('account not created');
  return createUser(db, account.id, pspid, {
    userid: pspid,
    profile: 'admin',
    password: options.password,
    passwordChangedAt: options.passwordChangedAt,
  });
}

/** A user of an existing account. */
export async function createUser(
  db: Db,
  accountId: string,
  pspid: string,
  options: {
    userid: string;
    profile?: Profile;
    password?: string;
    isApiUser?: boolean;
    active?: boolean;
    language?: Language;
    timeZone?: string;
    email?: string;
    /** Default: the manual clock's start, so the password is fresh (it expires after 90 days). */
    passwordChangedAt?: Date;
    /** A system-issued password (one login, then a forced change). */
    passwordIssued?: boolean;
  },
): Promise<TestUser> {
  const password = options.password ?? 'correct horse 42';
  const [user] = await db
    .insert(users)
    .values({
      accountId,
      userid: options.userid,
      name: `Name of ${options.userid}`,
      profile: options.profile ?? 'viewer',
      isApiUser: options.isApiUser ?? false,
      active: options.active ?? true,
      language: options.language ?? 'en',
      timeZone: options.timeZone ?? 'Europe/Brussels',
      passwordHash: await hashPassword(password),
      email: options.email ?? null,
      passwordIssued: options.passwordIssued ?? false,
      passwordChangedAt: options.passwordChangedAt ?? manualClock().now(),
    })
    .returning();
  if (!user) throw new Error('user not created');
  return { id: user.id, accountId, userid: options.userid, pspid, password };
}

/**
 * The shared sign-in fixture: a user (by default a new account's administrator) logged in
 * through the real login form, with a fresh password so no forced change intervenes. Returns
 * the user and their browser; the login must succeed (303), or the test fails here.
 */
export async function signIn(
  h: Pick<Harness, 'app' | 'db' | 'clock'>,
  options: {
    /** Sign in as a new user of this account instead of a new account's administrator. */
    account?: Pick<TestUser, 'accountId' | 'pspid'>;
    userid?: string;
    profile?: Profile;
    language?: Language;
    timeZone?: string;
    email?: string;
    environment?: Environment;
    headers?: Record<string, string>;
  } = {},
): Promise<{ user: TestUser; browser: TestBrowser }> {
  const fresh = { passwordChangedAt: h.clock.now() };
  const user = options.account
    ? await createUser(h.db, options.account.accountId, options.account.pspid, {
        userid: options.userid ?? `user${++accountCounter}`,
        profile: options.profile ?? 'admin',
        language: options.language,
        timeZone: options.timeZone,
        email: options.email,
        ...fresh,
      })
    : await createAccount(h.db, { environment: options.environment, timeZone: options.timeZone, ...fresh });
  if (!options.account && (options.language || options.email || (options.profile && options.profile !== 'admin'))) {
    throw new Error('signIn: language, e-mail and profile apply to a user of an existing account (pass `account`)');
  }
  const browser = new TestBrowser(h.app, options.headers);
  const response = await logIn(browser, user, { env: options.environment });
  if (response.status !== 303) throw new Error(`signIn: the login of ${user.userid} answered ${response.status}`);
  return { user, browser };
}

/** The context a service receives, for calling services directly in tests: the harness's deps, an actor, an IP. */
export function actorContextOf(
  h: Pick<Harness, 'db' | 'clock' | 'config' | 'sentMails' | 'secretKey'> & {
    mailer?: Mailer;
    log?: Logger;
    acquirers?: Deps['acquirers'];
  },
  actor: Authenticated,
  ip: string | null = null,
): ActorContext {
  return {
    db: h.db,
    clock: h.clock,
    config: h.config,
    secretKey: h.secretKey,
    acquirers: h.acquirers ?? simulatedAcquirers(h.clock),
    mailer: h.mailer ?? { send: async (mail) => void h.sentMails.push(mail) },
    log: h.log ?? (() => {}),
    ip,
    requestId: 'test',
    actor,
  };
}

import { after } from 'node:test';
import { createApp } from '../app.ts';
import { testConfig } from '../config.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { Environment } from '../db/schema/accounts.ts';
import type { Language, Profile } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import type { ManualClock } from '../lib/clock.ts';
import { manualClock } from '../lib/clock.ts';
import { hashPassword } from '../lib/password-hash.ts';
import { createTestDatabase } from './database.ts';

export const ORIGIN = 'http://localhost';

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * One app on one test database for a test file, with a manual clock and a captured log.
 * Closed automatically after the file's tests.
 */
export async function createHarness(configOverrides: Partial<Config> = {}) {
  const database = await createTestDatabase();
  after(() => database.close());
  const clock: ManualClock = manualClock();
  const logLines: Record<string, unknown>[] = [];
  const config = testConfig({ logRequests: true, ...configOverrides });
  const app = createApp({ db: database.db, clock, config, log: (entry) => logLines.push(entry) });
  return { app, db: database.db, clock, config, logLines, driver: database.driver };
}

let accountCounter = 0;

export type TestUser = { id: string; accountId: string; userid: string; pspid: string; password: string };

/** A fresh account with its default administrator (USERID = PSPID). */
export async function createAccount(
  db: Db,
  options: { environment?: Environment; pspid?: string; password?: string; timeZone?: string } = {},
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
  return createUser(db, account.id, pspid, { userid: pspid, profile: 'admin', password: options.password });
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
      passwordChangedAt: new Date('2026-01-01T00:00:00Z'),
    })
    .returning();
  if (!user) throw new Error('user not created');
  return { id: user.id, accountId, userid: options.userid, pspid, password };
}

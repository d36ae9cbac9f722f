import { and, count, eq, inArray } from 'drizzle-orm';
import { OPTIONS } from '../account/options.ts';
import { recordAudit } from '../audit/service.ts';
import type { Clock } from '../lib/clock.ts';
import { hashPassword } from '../lib/password-hash.ts';
import { DEFAULT_TIME_ZONE } from '../lib/time.ts';
import { randomPassword } from '../lib/tokens.ts';
import type { Db } from './client.ts';
import { accounts } from './schema/accounts.ts';
import type { Profile } from './schema/users.ts';
import { users } from './schema/users.ts';

export const DEMO_PSPID = 'DEMO';

const DEMO_USERS: { userid: string; name: string; profile: Profile }[] = [
  { userid: DEMO_PSPID, name: 'Demo administrator', profile: 'admin' },
  { userid: 'demo.accounts', name: 'Demo accountant', profile: 'viewer' },
  { userid: 'demo.encoder', name: 'Demo encoder', profile: 'encoder' },
  { userid: 'demo.super', name: 'Demo super-encoder', profile: 'super_encoder' },
];

export type SeededUser = { userid: string; profile: Profile; password: string };

/**
 * On an empty database, creates the TEST account DEMO with its default administrator
 * (USERID = PSPID) and a user of each other everyday profile. Returns their initial passwords,
 * or null when accounts already exist. Random passwords are system-issued (changed at first
 * login); a fixed one (DEMO_PASSWORD, for automated tests) is not.
 */
export async function seedDemoAccount(db: Db, clock: Clock, fixedPassword?: string): Promise<SeededUser[] | null> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(accounts);
    if ((existing?.n ?? 0) > 0) return null;
    const now = clock.now();
    const [account] = await tx
      .insert(accounts)
      .values({
        environment: 'test',
        pspid: DEMO_PSPID,
        companyName: 'Demo Merchant SA',
        tradeName: 'Demo Shop',
        timeZone: DEFAULT_TIME_ZONE,
        // The demo shows every feature (issue 9): every option on, several currencies.
        options: [...OPTIONS],
        currencies: ['EUR', 'USD', 'GBP', 'CHF', 'JPY'],
        createdAt: now,
      })
      .returning({ id: accounts.id });
    if (!account) throw new Error('demo account not created');
    const seeded: SeededUser[] = [];
    for (const demo of DEMO_USERS) {
      const password = fixedPassword ?? randomPassword();
      await tx.insert(users).values({
        accountId: account.id,
        userid: demo.userid,
        name: demo.name,
        profile: demo.profile,
        timeZone: DEFAULT_TIME_ZONE,
        passwordHash: await hashPassword(password),
        // Printed passwords are issued by the system: one login, then a change (B2).
        passwordIssued: fixedPassword === undefined,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      seeded.push({ userid: demo.userid, profile: demo.profile, password });
    }
    return seeded;
  });
}

/**
 * Recovers a first start whose printed passwords were lost (the process stopped before printing
 * them, the console was closed, or a first login used a system-issued password without finishing
 * the change it asks for): while every demo user still has a system-issued password, each start
 * gives them new ones and returns them to print. Once any demo user has chosen their own
 * password (or the demo passwords came from DEMO_PASSWORD, which is known), returns null and
 * changes nothing. Each reissue is audited.
 */
export async function reissueUnusedDemoPasswords(db: Db, clock: Clock, fixedPassword?: string): Promise<SeededUser[] | null> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.environment, 'test'), eq(accounts.pspid, DEMO_PSPID)))
      .for('update');
    if (!account) return null;
    const demoUserids = DEMO_USERS.map((demo) => demo.userid);
    const inAccount = and(eq(users.accountId, account.id), inArray(users.userid, demoUserids));
    const [chosen] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(inAccount, eq(users.passwordIssued, false)));
    if ((chosen?.n ?? 0) > 0) return null;
    const now = clock.now();
    const rows = await tx.select({ id: users.id, userid: users.userid, profile: users.profile }).from(users).where(inAccount);
    const reissued: SeededUser[] = [];
    for (const row of rows) {
      const password = fixedPassword ?? randomPassword();
      await tx
        .update(users)
        .set({
          passwordHash: await hashPassword(password),
          passwordIssued: fixedPassword === undefined,
          passwordIssuedUsedAt: null,
          passwordChangedAt: now,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: now,
        })
        .where(and(eq(users.accountId, account.id), eq(users.id, row.id)));
      await recordAudit(
        { db: tx, clock },
        {
          accountId: account.id,
          userId: row.id,
          actor: 'system',
          eventType: 'user.demo_password_reissued',
          success: true,
          object: `user:${row.id}`,
          details: { reason: 'no_password_chosen' },
        },
      );
      reissued.push({ userid: row.userid, profile: row.profile, password });
    }
    const order = (userid: string) => demoUserids.indexOf(userid);
    return reissued.sort((a, b) => order(a.userid) - order(b.userid));
  });
}

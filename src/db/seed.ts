import { count } from 'drizzle-orm';
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

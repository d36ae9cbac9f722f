/**
 * TEST accounts the account-page journey (e2e/account.spec.ts) changes freely, one per browser
 * project, so the two projects never edit the same section of one account at the same time (a
 * stale edit) and the demo account keeps its options. Each starts without options; its default
 * administrator logs in with the PSPID.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { accounts } from '../src/db/schema/accounts.ts';
import { users } from '../src/db/schema/users.ts';
import { hashPassword } from '../src/lib/password-hash.ts';
import { DEMO_PASSWORD } from './demo.ts';

export const ACCOUNT_PAGE_ACCOUNTS = (['js-on', 'js-off'] as const).map((project) => {
  const pspid = `OPTIONS.${project.toUpperCase()}`;
  return { project, pspid, userid: pspid, password: DEMO_PASSWORD, name: `Options ${project}` };
});

export function accountPageAccount(project: string) {
  const account = ACCOUNT_PAGE_ACCOUNTS.find((a) => a.project === project);
  if (!account) throw new Error(`no account-page account for ${project}`);
  return account;
}

/** Creates the accounts and their administrators (called by e2e/seed-server-data.ts). */
export async function seedAccountPageAccounts(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of ACCOUNT_PAGE_ACCOUNTS) {
    const [created] = await db
      .insert(accounts)
      .values({ environment: 'test', pspid: account.pspid, companyName: `${account.name} SA`, tradeName: account.name })
      .returning({ id: accounts.id, timeZone: accounts.timeZone });
    if (!created) throw new Error('account-page account not created');
    await db.insert(users).values({
      accountId: created.id,
      userid: account.userid,
      name: account.name,
      profile: 'admin',
      timeZone: created.timeZone,
      passwordHash,
      passwordChangedAt: new Date(),
    });
    const [row] = await db.select({ options: accounts.options }).from(accounts).where(eq(accounts.id, created.id));
    if (row?.options.length !== 0) throw new Error('account-page accounts start without options');
  }
}

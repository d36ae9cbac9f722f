/**
 * TEST accounts a journey changes freely, one per browser project (js-on, js-off), so the two
 * projects never edit one account at the same time and the demo account stays as it is. Each has
 * its default administrator (USERID = PSPID, the demo password), logging in with the PSPID.
 */
import type { Db } from '../src/db/client.ts';
import { accounts } from '../src/db/schema/accounts.ts';
import { users } from '../src/db/schema/users.ts';
import { hashPassword } from '../src/lib/password-hash.ts';
import { DEMO_PASSWORD } from './demo.ts';

export type ProjectAccount = { project: 'js-on' | 'js-off'; pspid: string; userid: string; password: string; name: string };

/** The accounts `<PREFIX>.JS-ON` and `<PREFIX>.JS-OFF`, named `<label> js-on` and `<label> js-off`. */
export function projectAccounts(prefix: string, label: string): ProjectAccount[] {
  return (['js-on', 'js-off'] as const).map((project) => {
    const pspid = `${prefix}.${project.toUpperCase()}`;
    return { project, pspid, userid: pspid, password: DEMO_PASSWORD, name: `${label} ${project}` };
  });
}

/** The account of a browser project among `list`. */
export function accountOfProject(list: ProjectAccount[], project: string): ProjectAccount {
  const account = list.find((a) => a.project === project);
  if (!account) throw new Error(`no account of ${list[0]?.pspid.split('.')[0]} for ${project}`);
  return account;
}

/** Creates the accounts, with `options`, and their administrators (called by e2e/seed-server-data.ts). */
export async function seedProjectAccounts(db: Db, list: ProjectAccount[], options: string[]): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of list) {
    const [created] = await db
      .insert(accounts)
      .values({ environment: 'test', pspid: account.pspid, companyName: `${account.name} SA`, tradeName: account.name, options })
      .returning({ id: accounts.id, timeZone: accounts.timeZone });
    if (!created) throw new Error(`${account.pspid} not created`);
    await db.insert(users).values({
      accountId: created.id,
      userid: account.userid,
      name: account.name,
      profile: 'admin',
      timeZone: created.timeZone,
      passwordHash,
      passwordChangedAt: new Date(),
    });
  }
}

/**
 * TEST accounts the e-Terminal journey (e2e/e-terminal.spec.ts) switches the e-Terminal option
 * off and on again in, one per browser project, so neither project's switching is seen by the
 * other nor by the demo account's journeys. Each starts with the e-Terminal option only; its
 * default administrator logs in with the PSPID.
 */
import type { Db } from '../src/db/client.ts';
import { accounts } from '../src/db/schema/accounts.ts';
import { users } from '../src/db/schema/users.ts';
import { hashPassword } from '../src/lib/password-hash.ts';
import { DEMO_PASSWORD } from './demo.ts';

export const E_TERMINAL_ACCOUNTS = (['js-on', 'js-off'] as const).map((project) => {
  const pspid = `ETERMINAL.${project.toUpperCase()}`;
  return { project, pspid, userid: pspid, password: DEMO_PASSWORD, name: `e-Terminal ${project}` };
});

/** The journey's account of a browser project. */
export function eTerminalAccount(project: string) {
  const account = E_TERMINAL_ACCOUNTS.find((a) => a.project === project);
  if (!account) throw new Error(`no e-Terminal account for ${project}`);
  return account;
}

/** Creates the accounts and their administrators (called by e2e/seed-server-data.ts). */
export async function seedETerminalAccounts(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of E_TERMINAL_ACCOUNTS) {
    const [created] = await db
      .insert(accounts)
      .values({
        environment: 'test',
        pspid: account.pspid,
        companyName: `${account.name} SA`,
        tradeName: account.name,
        options: ['e_terminal'],
      })
      .returning({ id: accounts.id, timeZone: accounts.timeZone });
    if (!created) throw new Error('e-Terminal account not created');
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

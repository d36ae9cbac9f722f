/**
 * TEST accounts the e-Terminal journey (e2e/e-terminal.spec.ts) switches the e-Terminal option
 * off and on again in, one per browser project, so neither project's switching is seen by the
 * other nor by the demo account's journeys. Each starts with the e-Terminal option only.
 */
import type { Db } from '../src/db/client.ts';
import { accountOfProject, projectAccounts, seedProjectAccounts } from './project-accounts.ts';

export const E_TERMINAL_ACCOUNTS = projectAccounts('ETERMINAL', 'e-Terminal');

/** The journey's account of a browser project. */
export function eTerminalAccount(project: string) {
  return accountOfProject(E_TERMINAL_ACCOUNTS, project);
}

/** Creates the accounts and their administrators (called by e2e/seed-server-data.ts). */
export function seedETerminalAccounts(db: Db): Promise<void> {
  return seedProjectAccounts(db, E_TERMINAL_ACCOUNTS, ['e_terminal']);
}

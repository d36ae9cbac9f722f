/**
 * TEST accounts the account-page journey (e2e/account.spec.ts, and the technical information's)
 * changes freely, one per browser project, so the two projects never edit the same section of one
 * account at the same time (a stale edit) and the demo account keeps its options. Each starts
 * without options.
 */
import type { Db } from '../src/db/client.ts';
import { accountOfProject, projectAccounts, seedProjectAccounts } from './project-accounts.ts';

export const ACCOUNT_PAGE_ACCOUNTS = projectAccounts('OPTIONS', 'Options');

export function accountPageAccount(project: string) {
  return accountOfProject(ACCOUNT_PAGE_ACCOUNTS, project);
}

/** Creates the accounts and their administrators (called by e2e/seed-server-data.ts). */
export function seedAccountPageAccounts(db: Db): Promise<void> {
  return seedProjectAccounts(db, ACCOUNT_PAGE_ACCOUNTS, []);
}

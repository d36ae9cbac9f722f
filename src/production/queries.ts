import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Account } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';

/**
 * The reads of "Create production account" (I1): whether a PSPID is free in PRODUCTION, and the
 * PRODUCTION twin of a TEST account. The only reads across environments in Guichet, each
 * reached from the TEST account that owns the link (accounts.production_account_id).
 */

/** True when a PRODUCTION account has this PSPID, whatever the case (the index accounts_environment_pspid_key). */
export async function isProductionPspidTaken(db: Db, pspid: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.environment, 'prod'), sql`lower(${accounts.pspid}) = lower(${pspid})`))
    .limit(1);
  return row !== undefined;
}

/** A TEST account's PRODUCTION twin, as its pages show it. */
export type ProductionTwin = {
  id: string;
  pspid: string;
  createdAt: Date;
  /** Where its default administrator's initial password went (that user's e-mail), null when unknown. */
  administratorEmail: string | null;
};

/** The PRODUCTION account created from `account`, or undefined when there is none (or `account` is not a TEST account). */
export async function findProductionTwin(
  db: Db,
  account: Pick<Account, 'environment' | 'productionAccountId'>,
): Promise<ProductionTwin | undefined> {
  if (account.environment !== 'test' || !account.productionAccountId) return undefined;
  const [row] = await db
    .select({ id: accounts.id, pspid: accounts.pspid, createdAt: accounts.createdAt, administratorEmail: users.email })
    .from(accounts)
    .leftJoin(users, and(eq(users.accountId, accounts.id), sql`lower(${users.userid}) = lower(${accounts.pspid})`))
    .where(and(eq(accounts.id, account.productionAccountId), eq(accounts.environment, 'prod')))
    .limit(1);
  return row;
}

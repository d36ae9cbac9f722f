import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Account } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { PassphraseUse } from './settings.ts';
import { passphraseOf, readTechnicalSettings } from './settings.ts';

/** Every passphrase use, for comparing an account's new passphrase with all of its twin's. */
const USES: readonly PassphraseUse[] = ['sha-in-ecommerce', 'sha-in-directlink', 'sha-out'];

/**
 * The account of the other environment tied to `account` (I1, accounts.production_account_id):
 * for a TEST account its PRODUCTION copy, for a PRODUCTION account the TEST account it was made
 * from; undefined when there is none.
 */
export async function findTwinAccount(
  db: Db,
  account: Pick<Account, 'id' | 'environment' | 'productionAccountId'>,
): Promise<{ id: string; pspid: string } | undefined> {
  const where =
    account.environment === 'test'
      ? account.productionAccountId
        ? eq(accounts.id, account.productionAccountId)
        : undefined
      : eq(accounts.productionAccountId, account.id);
  if (!where) return undefined;
  const [row] = await db.select({ id: accounts.id, pspid: accounts.pspid }).from(accounts).where(where).limit(1);
  return row;
}

/**
 * True when `passphrase` is one of the twin account's SHA passphrases, compared opened (reference
 * §0: "Test and production passphrases must differ"). A twin passphrase that does not open (sealed
 * under another server key) cannot be compared and does not count.
 */
export async function isTwinPassphrase(db: Db, key: Buffer, twinAccountId: string, passphrase: string): Promise<boolean> {
  const settings = await readTechnicalSettings(db, twinAccountId);
  return USES.some((use) => {
    try {
      return passphraseOf(key, settings, use) === passphrase;
    } catch {
      return false;
    }
  });
}

import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Account } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';

/**
 * B5: how many active users of the account, other than `exceptUserId`, would be sent to the 2FA
 * setup if the account required it now: those who can log in to the back office (not API users)
 * and have not switched 2FA on.
 */
export async function countOtherUsersWithoutTwoFactor(db: Db, accountId: string, exceptUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.accountId, accountId),
        eq(users.active, true),
        eq(users.isApiUser, false),
        isNull(users.totpEnabledAt),
        ne(users.id, exceptUserId),
      ),
    );
  return row?.n ?? 0;
}

/** The account as saved now (the session's copy was read at the start of the request). */
export async function findAccount(db: Db, accountId: string): Promise<Account | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  return row;
}

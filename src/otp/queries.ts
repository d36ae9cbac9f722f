import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recoveryCodes } from '../db/schema/passwords.ts';
import type { User } from '../db/schema/users.ts';

/** How many recovery codes the user has not used yet (0 to RECOVERY_CODE_COUNT). */
export async function unusedRecoveryCodeCount(db: Db, user: Pick<User, 'accountId' | 'id'>): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, user.accountId), eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

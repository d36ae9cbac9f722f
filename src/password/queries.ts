import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/users.ts';

/** An API user as the administrator's list shows it: id (the form's value) and USERID. */
export type ApiUserChoice = { id: string; userid: string };

/** The account's API users by USERID, for the list on Configuration > Password (B1). */
export function listApiUsers(db: Db, accountId: string): Promise<ApiUserChoice[]> {
  return db
    .select({ id: users.id, userid: users.userid })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.isApiUser, true)))
    .orderBy(users.userid);
}

import { and, asc, count, eq, gt, ilike, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { NotFound } from '../errors.ts';
import type { UserStatusFilter } from './forms.ts';

/** The SQL condition for one user's row: its account first, as every tenant key is. */
export function userRow(user: Pick<User, 'accountId' | 'id'>) {
  return and(eq(users.accountId, user.accountId), eq(users.id, user.id));
}

export const USERS_PAGE_SIZE = 50;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type UserListFilter = { text: string; status: UserStatusFilter; after?: string };

/** One page of the account's users by USERID (keyset on lower(userid)), with the next cursor. */
export async function listUsers(db: Db, accountId: string, filter: UserListFilter, now: Date) {
  const lowerUserid = sql<string>`lower(${users.userid})`;
  const conditions = [eq(users.accountId, accountId)];
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.userid, pattern), ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (filter.status === 'active') conditions.push(eq(users.active, true));
  if (filter.status === 'inactive') conditions.push(eq(users.active, false));
  if (filter.status === 'locked') conditions.push(and(isNotNull(users.lockedUntil), gt(users.lockedUntil, now))!);
  if (filter.after) conditions.push(gt(lowerUserid, filter.after.toLowerCase()));
  const rows = await db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(lowerUserid))
    .limit(USERS_PAGE_SIZE + 1);
  const page = rows.slice(0, USERS_PAGE_SIZE);
  const next = rows.length > USERS_PAGE_SIZE ? page[page.length - 1]?.userid : undefined;
  return { users: page, next };
}

/** A user of this account, or undefined (another account's user is not found either). */
export async function findUser(db: Db, accountId: string, userId: string): Promise<User | undefined> {
  if (!UUID_PATTERN.test(userId)) return undefined;
  const [row] = await db
    .select()
    .from(users)
    .where(userRow({ accountId, id: userId }));
  return row;
}

/** How many users the account has (API users and inactive users included): what the subscription counts. */
export async function countUsers(db: Db, accountId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.accountId, accountId));
  return row?.n ?? 0;
}

/** Active administrators who can log in, other than `exceptUserId`. */
export async function countOtherActiveAdmins(db: Db, accountId: string, exceptUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.accountId, accountId),
        eq(users.profile, 'admin'),
        eq(users.active, true),
        eq(users.isApiUser, false),
        sql`${users.id} <> ${exceptUserId}`,
      ),
    );
  return row?.n ?? 0;
}

export function isLocked(user: Pick<User, 'lockedUntil'>, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

/** The user as stored now (a service re-reads before deciding); NotFound when gone. */
export async function reloadUser(db: Db, user: Pick<User, 'accountId' | 'id'>): Promise<User> {
  const row = await findUser(db, user.accountId, user.id);
  if (!row) throw new NotFound('user');
  return row;
}

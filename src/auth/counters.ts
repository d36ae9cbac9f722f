import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimits } from '../db/schema/passwords.ts';

/**
 * The login's counters in the shared `rate_limits` table (key, window start, count), so every
 * app instance sees the same numbers. Two shapes: fixed windows (one row per key and window,
 * as src/lib/rate-limit.ts keeps them) and event rows (one row per moment, summed over the
 * last stretch of time). Rows older than a day are purged every 10 minutes by the
 * `purge-sessions` job (src/jobs/registry.ts).
 */

/** The start of the fixed window of `windowMs` that `now` falls in. */
export function windowOf(now: Date, windowMs: number): Date {
  return new Date(now.getTime() - (now.getTime() % windowMs));
}

/** Adds one to `key` at `at` (a window start, or a moment) and returns the row's new count. */
export async function addOne(db: Db, key: string, at: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: at, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return row?.count ?? 1;
}

/** Takes back one added at `at` (a row that reaches zero is deleted). */
export async function takeBackOne(db: Db, key: string, at: Date): Promise<void> {
  const row = and(eq(rateLimits.key, key), eq(rateLimits.windowStart, at));
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(row);
  await db.delete(rateLimits).where(and(row, sql`${rateLimits.count} <= 0`));
}

/** The sum of `key`'s rows after `since` (exclusive). */
export async function sumSince(db: Db, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | number | null>`sum(${rateLimits.count})` })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStart, since)));
  return Number(row?.total ?? 0);
}

/** The latest row of `key` after `since`, when there is one. */
export async function latestSince(db: Db, key: string, since: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`max(${rateLimits.windowStart})` })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStart, since)));
  return row?.at ? new Date(row.at) : null;
}

/** Forgets every row of these keys. */
export async function forget(db: Db, ...keys: string[]): Promise<void> {
  for (const key of keys) await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimits } from '../db/schema/passwords.ts';
import type { Clock } from './clock.ts';

/**
 * Counts one hit for `key` in the current fixed window and says whether it is within `limit`.
 * The counter lives in the database, so every app instance shares it.
 */
export async function withinRateLimit(db: Db, clock: Clock, key: string, limit: number, windowMs: number): Promise<boolean> {
  const now = clock.now().getTime();
  const windowStart = new Date(now - (now % windowMs));
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= limit;
}

/** Forgets windows that ended before `before`. */
export async function purgeRateLimits(db: Db, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}

import type { SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * The rows of a raw query (`sql`…``), whichever driver answers: postgres.js hands an array,
 * PGlite `{ rows }`. Column values come as each driver reads them (a bigint as text or number:
 * cast in the query when it matters).
 */
export async function rowsOf<Row extends Record<string, unknown>>(db: Db, query: SQL): Promise<Row[]> {
  const result = await db.execute<Row>(query);
  return Array.isArray(result) ? (result as Row[]) : (result as unknown as { rows: Row[] }).rows;
}

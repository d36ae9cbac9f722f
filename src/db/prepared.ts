import type { Db } from './client.ts';

/**
 * A query built once per database and reused: `prepare(db)` (a Drizzle `.prepare(…)` with
 * `sql.placeholder`s) runs the first time a database asks, and its result is kept as long as that
 * database object lives. For queries a hot path runs on every request, where building the query
 * (Drizzle walks every column) costs more than running it.
 */
export function preparedPerDatabase<Prepared>(prepare: (db: Db) => Prepared): (db: Db) => Prepared {
  const prepared = new WeakMap<Db, Prepared>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) {
      query = prepare(db);
      prepared.set(db, query);
    }
    return query;
  };
}

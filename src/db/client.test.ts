import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { openDatabase } from './client.ts';
import { migrate } from './migrate.ts';

/** The rows of a query on an embedded database (PGlite answers `{ rows }`). */
async function rowsOf(database: Database, query: SQL): Promise<Record<string, unknown>[]> {
  return ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

test('a new data folder (not there yet) gets a private embedded database that keeps its rows across restarts', async (t) => {
  const parent = mkdtempSync(path.join(tmpdir(), 'guichet-embedded-'));
  t.after(() => rmSync(parent, { recursive: true, force: true }));
  const dataDir = path.join(parent, 'data');
  const folder = path.join(dataDir, 'pglite');

  const first = await openDatabase({ dataDir });
  await migrate(first);
  await first.db.execute(sql`create table kept (n int)`);
  await first.db.execute(sql`insert into kept values (7)`);
  await first.close();
  assert.equal(statSync(folder).mode & 0o777, 0o700, 'only Guichet’s user can read the data folder');
  assert.equal(existsSync(`${folder}.creating`), false);

  const again = await openDatabase({ dataDir });
  assert.deepEqual(await rowsOf(again, sql`select n from kept`), [{ n: 7 }]);
  await again.close();
});

test('a data folder left half-written by a stopped first start is written again, not opened', async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guichet-embedded-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const folder = path.join(dataDir, 'pglite');
  const first = await openDatabase({ dataDir });
  await first.close();
  // As if the process had stopped while unpacking: the marker stands and files are missing.
  writeFileSync(`${folder}.creating`, '');
  rmSync(path.join(folder, 'global'), { recursive: true });

  const database = await openDatabase({ dataDir });
  await migrate(database);
  assert.equal(existsSync(`${folder}.creating`), false);
  const [tables] = await rowsOf(database, sql`select count(*)::int as n from pg_tables where schemaname = 'public'`);
  assert.ok(Number(tables?.n) > 5, 'the database was made again and migrated');
  await database.close();
});

import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { dataDir as prepopulatedDataDir } from '@electric-sql/pglite-prepopulatedfs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as tar from 'tar';
import * as schema from './schema/index.ts';

/** The database as every service and query sees it, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
};

/**
 * Settings of the embedded database, written to its postgresql.conf. PGlite runs Postgres in one
 * process over files the OS already caches, so Postgres's own buffer cache is kept small: 16 MB
 * of shared buffers instead of 128 MB takes a started server from about 370 MB to about 240 MB
 * (docs/benchmarks.md). Larger accounts belong on a Postgres server (DATABASE_URL).
 */
export const PGLITE_SETTINGS = ['shared_buffers = 16MB', 'work_mem = 4MB', 'maintenance_work_mem = 32MB'];

/** A Postgres server when a URL is given, else the embedded PGlite in `dataDir` (or in memory). */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    dedicatedConnections.set(db, () => postgres(url, { max: 1, onnotice: () => {} }));
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const client = options.dataDir ? await openEmbedded(path.join(options.dataDir, 'pglite')) : await createInMemory();
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    driver: 'pglite',
    close: () => client.close(),
  };
}

const dedicatedConnections = new WeakMap<Db, () => postgres.Sql>();

/**
 * For a database on a Postgres server (openDatabase with a URL), a function that opens a new
 * client of one connection to it, outside the pool, for work that holds a connection in a state
 * the pool cannot take back (a COPY a reader may leave half-read, src/db/copy-out.ts); the caller
 * ends it. undefined for the embedded database, which has one connection.
 */
export function dedicatedConnection(db: Db): (() => postgres.Sql) | undefined {
  return dedicatedConnections.get(db);
}

/**
 * Opens the embedded database in `folder`, creating it when the folder holds none (migrate()
 * then brings it to the schema). A new database is PGlite's prepopulated data folder (the
 * gzipped tar of a folder initdb just made, from @electric-sql/pglite-prepopulatedfs) unpacked
 * with `tar` instead of PGlite's initdb: about 1 s instead of 6 s, and the server holds about
 * 340 MB instead of 800 MB, since the WebAssembly heap never grows for initdb (issue 8, item 23;
 * decision record 0020). A marker beside the folder stands while it is written, so a start that
 * stopped half-way unpacks it again instead of opening a broken one. The folder is private to
 * Guichet's user (mode 0700), whatever modes the archive carries.
 */
async function openEmbedded(folder: string): Promise<PGlite> {
  const creating = `${folder}.creating`;
  if (!existsSync(path.join(folder, 'PG_VERSION')) || existsSync(creating)) {
    mkdirSync(path.dirname(folder), { recursive: true, mode: 0o700 });
    writeFileSync(creating, '');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const archive = Buffer.from(await (await prepopulatedDataDir()).arrayBuffer());
    new tar.UnpackSync({ cwd: folder, noMtime: true, onwarn: refuseDamagedArchive }).end(archive);
    rmSync(creating);
  }
  chmodSync(folder, 0o700);
  return PGlite.create(folder, { postgresqlconf: PGLITE_SETTINGS });
}

/** `tar` says it strips the archive's leading "/" (TAR_ENTRY_INFO); any other remark means a damaged archive. */
function refuseDamagedArchive(code: string, message: string | Error): void {
  if (code !== 'TAR_ENTRY_INFO') throw new Error(`the prepopulated PGlite archive could not be unpacked: ${code} ${message}`);
}

/** A new database in memory, gone when closed (tests). */
async function createInMemory(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await prepopulatedDataDir(), postgresqlconf: PGLITE_SETTINGS });
}

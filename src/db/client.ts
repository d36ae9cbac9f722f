import { fork } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
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
    const client = postgres(options.databaseUrl, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      driver: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
  }
  let dataFolder: string | undefined;
  if (options.dataDir) {
    dataFolder = path.join(options.dataDir, 'pglite');
    mkdirSync(dataFolder, { recursive: true });
    if (!existsSync(path.join(dataFolder, 'PG_VERSION'))) await createEmbedded(dataFolder);
  }
  const client = await PGlite.create(dataFolder, { postgresqlconf: PGLITE_SETTINGS });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    driver: 'pglite',
    close: () => client.close(),
  };
}

/** Creates and migrates a new embedded database in a child process (src/db/create-embedded.ts). */
function createEmbedded(folder: string): Promise<void> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'create-embedded.ts');
  return new Promise((resolve, reject) => {
    const child = fork(script, [folder], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`creating the embedded database in ${folder} failed (exit ${code})`)),
    );
  });
}

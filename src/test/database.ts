import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { Database, Db } from '../db/client.ts';
import { openDatabase } from '../db/client.ts';
import { MIGRATIONS_FOLDER, migrate } from '../db/migrate.ts';
import * as schema from '../db/schema/index.ts';
import { randomToken } from '../lib/tokens.ts';

/**
 * A migrated, empty database for one test file: an in-memory PGlite loaded from a migrated
 * template, or, when TEST_DATABASE_URL is set, a fresh database on that Postgres server made
 * from a migrated template database, dropped on close. Migrating costs about 2 s; copying the
 * template about 0.4 s (DESIGN.md, Tests).
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? serverDatabase(serverUrl) : pgliteDatabase();
}

/** Changes whenever a migration changes, so a template is never older than the schema. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The PGlite data folder of a migrated database, as a tarball in the temp folder (made once per schema). */
async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(tmpdir(), `guichet-test-template-${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    const fresh = await openDatabase({});
    await migrate(fresh);
    const pg = (fresh.db as unknown as { $client: PGlite }).$client;
    const dump = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
    await fresh.close();
    // Written aside, then renamed: a parallel test file never reads half a template.
    const partial = `${file}.${process.pid}.${randomToken(4)}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

async function pgliteDatabase(): Promise<Database> {
  const client = await PGlite.create({ loadDataDir: await pgliteTemplate() });
  return { db: drizzle(client, { schema }) as unknown as Db, driver: 'pglite', close: () => client.close() };
}

/** A migrated template database on the server, made once per schema (an advisory lock keeps parallel files in line). */
async function serverTemplate(admin: postgres.Sql, serverUrl: string): Promise<string> {
  const name = `guichet_test_template_${migrationsHash()}`;
  await admin.begin(async (sql) => {
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`;
    const [found] = await sql`select 1 from pg_database where datname = ${name}`;
    if (found) return;
    const building = `${name}_building_${randomToken(4)}`;
    await admin.unsafe(`create database "${building}"`);
    const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, building) });
    await migrate(database);
    await database.close();
    await admin.unsafe(`alter database "${building}" rename to "${name}"`);
  });
  return name;
}

async function serverDatabase(serverUrl: string): Promise<Database> {
  const admin = postgres(serverUrl, { max: 2, onnotice: () => {} });
  const template = await serverTemplate(admin, serverUrl);
  const name = `guichet_test_${randomToken(6)}`;
  await admin.unsafe(`create database "${name}" template "${template}"`);
  const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

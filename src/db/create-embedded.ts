/**
 * Creates and migrates a new embedded database (PGlite) in the folder given as argument, then
 * exits. Run by openDatabase in a short-lived child process on a first start: PGlite's initdb
 * leaves the process holding about 800 MB that closing does not give back, while a process
 * that only opens an existing folder stays near 250 MB (issue 8, item 23; docs/benchmarks.md).
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { PGLITE_SETTINGS } from './client.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';

const [folder] = process.argv.slice(2);
if (!folder) throw new Error('usage: create-embedded.ts <pglite data folder>');
const client = await PGlite.create(folder, { postgresqlconf: PGLITE_SETTINGS });
await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
await client.close();

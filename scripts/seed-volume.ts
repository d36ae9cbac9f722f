/**
 * `npm run seed:volume -- --orders N --account PSPID [--env test|prod] [--seed S]`: fills an existing
 * account with N realistic orders and their history (src/db/seed-volume.ts), printing its progress
 * and, at the end, its rate in orders per second. Opens the database as the application does
 * (DATABASE_URL, else the embedded PGlite in DATA_DIR, default ./data) and brings it to the schema
 * first. With the embedded database, stop the application before: one process at a time may open
 * a PGlite data folder. Bad arguments, an unknown account or an unreachable database end with a
 * one-line message and exit code 1.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { parseVolumeArguments, seedVolume, VOLUME_USAGE, VolumeSeedError } from '../src/db/seed-volume.ts';
import { systemClock } from '../src/lib/clock.ts';

const number = new Intl.NumberFormat('en-GB');

function fail(message: string): never {
  console.error(`seed:volume: ${message}`);
  process.exit(1);
}

const read = parseVolumeArguments(process.argv.slice(2));
if (!read.ok) fail(`${read.message} (usage: ${VOLUME_USAGE})`);
const { options } = read;

let database: Database | undefined;
try {
  const config = readConfig();
  if (!config.databaseUrl && !existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'))) {
    fail(`no database in ${config.dataDir} (start the application once, or set DATA_DIR or DATABASE_URL)`);
  }
  const where = config.databaseUrl ? 'the Postgres server of DATABASE_URL' : `the embedded database in ${config.dataDir}`;
  console.log(`Adding ${number.format(options.orders)} orders to ${options.environment} account ${options.pspid} in ${where}…`);
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  const result = await seedVolume(
    { db: database.db, clock: systemClock },
    {
      ...options,
      onProgress: (done, total) => console.log(`  ${number.format(done)} / ${number.format(total)} orders`),
    },
  );
  const rate = result.orders / Math.max(result.seconds, 0.001);
  console.log(
    `${number.format(result.orders)} orders and ${number.format(result.operations)} history rows in ${result.seconds.toFixed(1)} s: ` +
      `${number.format(Math.round(rate))} orders/s (seed ${result.seed}; order dates ${result.from.toISOString().slice(0, 10)} ` +
      `to ${result.to.toISOString().slice(0, 10)}).`,
  );
  await database.close();
} catch (error) {
  await database?.close().catch(() => {});
  fail(error instanceof VolumeSeedError ? error.message : `could not add the orders: ${rootCause(error)}`);
}

/** The first line of the innermost cause of an error (the database's own words, not the query that met them). */
function rootCause(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  if (!(inner instanceof Error)) return String(inner);
  const code = (inner as Error & { code?: string }).code;
  return inner.message.split('\n')[0] || code || inner.name;
}

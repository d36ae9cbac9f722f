import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { purgeExpiredSessions } from './auth/sessions.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedDemoAccount } from './db/seed.ts';
import { DAY_MS, MINUTE_MS, systemClock } from './lib/clock.ts';
import { purgeRateLimits } from './lib/rate-limit.ts';
import { resolveSecretKey } from './lib/secret-box.ts';
import { createMailer } from './mail/mailer.ts';

/** Starts Guichet: configuration, database, migrations, first-start seed, HTTP server. */
async function main() {
  const config = readConfig();
  const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  const clock = systemClock;
  const seeded = await seedDemoAccount(database.db, clock, config.demoPassword);

  const mailer = createMailer(config, log);
  const secretKey = resolveSecretKey(config);
  const app = createApp({ db: database.db, clock, config, log, mailer, secretKey });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const origin = config.publicOrigin ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`;
    const where = config.databaseUrl ? 'the Postgres server in DATABASE_URL' : `the embedded database in ${config.dataDir}`;
    console.log(`Guichet is running on ${origin}/test/login (data: ${where})`);
    if (seeded) {
      console.log('\nFirst start: the demo TEST account DEMO was created. These passwords are shown only now:');
      for (const user of seeded) {
        console.log(`  USERID ${user.userid.padEnd(14)} profile ${user.profile.padEnd(14)} password ${user.password}`);
      }
      console.log(
        `Log in at ${origin}/test/login with PSPID DEMO and the DEMO password, or as a user with USERID, PSPID DEMO and its password.\n`,
      );
    }
  });

  // Sessions that can no longer be used, and rate-limit windows older than a day.
  const purge = setInterval(() => {
    Promise.all([
      purgeExpiredSessions(database.db, clock),
      purgeRateLimits(database.db, new Date(clock.now().getTime() - DAY_MS)),
    ]).catch((error: Error) => log({ level: 'error', msg: 'purge failed', error: error.name }));
  }, 10 * MINUTE_MS);
  purge.unref();

  const stop = () => {
    clearInterval(purge);
    server.close(() => {
      database.close().finally(() => process.exit(0));
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

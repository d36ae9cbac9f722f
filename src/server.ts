import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { simulatedAcquirers } from './acquirer/simulated.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import type { SeededUser } from './db/seed.ts';
import { reissueUnusedDemoPasswords, seedDemoAccount } from './db/seed.ts';
import type { DemoDirectLink } from './db/seed-directlink.ts';
import { demoDirectLinkCommand, seedDemoDirectLink } from './db/seed-directlink.ts';
import type { JobSystem } from './jobs/start.ts';
import { startJobs } from './jobs/start.ts';
import { SECOND_MS, systemClock } from './lib/clock.ts';
import { describeError } from './lib/describe-error.ts';
import { resolveSecretKey } from './lib/secret-box.ts';
import { createMailer } from './mail/mailer.ts';
import { paths } from './paths.ts';

type Fetch = Parameters<typeof serve>[0]['fetch'];

/** Seconds a client is asked to wait while Guichet opens its database. */
const STARTING_RETRY_AFTER_S = 5;

/**
 * The job system (src/jobs/, decision record 0021) starts this long after Guichet answers, so that
 * pg-boss creating its tables on a first start never delays the first page.
 */
const JOBS_START_DELAY_MS = 5 * SECOND_MS;

/** An error that stops the start, said in one line with what to do about it. */
class StartError extends Error {}

/**
 * Starts Guichet: configuration, the port (first, so that nothing is created when Guichet
 * cannot serve), database and migrations, first-start seed, then the application. Until the
 * database is ready the port answers 503 with Retry-After.
 */
async function main() {
  const config = readConfig();
  const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));
  let handle: Fetch = () =>
    new Response('Guichet is starting.\n', { status: 503, headers: { 'Retry-After': String(STARTING_RETRY_AFTER_S) } });
  const server = await listen(config, (request, env) => handle(request, env));

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  const clock = systemClock;
  const secretKey = resolveSecretKey(config);
  const seeded = await seedDemoAccount(database.db, clock, config.demoPassword);
  const reissued = seeded ? null : await reissueUnusedDemoPasswords(database.db, clock, config.demoPassword);
  // With the demo passwords, the demo shop server's DirectLink credentials (made, or made again).
  const directLink = seeded || reissued ? await seedDemoDirectLink(database.db, clock, secretKey, config.demoPassword) : null;

  const mailer = createMailer(config, log);
  const acquirers = simulatedAcquirers(clock);
  const app = createApp({ db: database.db, clock, config, log, mailer, secretKey, acquirers });
  handle = app.fetch;

  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const origin = config.publicOrigin ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const where = config.databaseUrl ? 'the Postgres server in DATABASE_URL' : `the embedded database in ${config.dataDir}`;
  const loginUrl = `${origin}${paths.login('test')}`;
  console.log(`Guichet is running on ${loginUrl} (data: ${where})`);
  if (seeded)
    printPasswords('First start: the demo TEST account DEMO was created. These passwords are shown only now:', seeded, loginUrl);
  if (reissued) {
    printPasswords(
      'No demo user has logged in yet, so the demo passwords were issued again. These passwords are shown only now:',
      reissued,
      loginUrl,
    );
  }
  if (directLink) printDirectLink(directLink, `${origin}/ncol/test/orderdirect_utf8.asp`, clock.now());

  // Scheduled jobs (sessions and rate-limit purge, inactive users, data retention): src/jobs/registry.ts.
  let jobs: Promise<JobSystem | undefined> | undefined;
  const jobsTimer = setTimeout(() => {
    jobs = startJobs({
      database,
      databaseUrl: config.databaseUrl,
      deps: { db: database.db, clock, log, offlineDelaySeconds: config.offlineDelaySeconds, acquirers, secretKey, mailer },
    }).then(
      (system) => {
        log({ level: 'info', msg: 'jobs started' });
        return system;
      },
      (error: unknown) => {
        log({ level: 'error', msg: 'the job system did not start', ...describeError(error) });
        return undefined;
      },
    );
  }, JOBS_START_DELAY_MS);

  const stop = (signal: NodeJS.Signals) => {
    log({ level: 'info', msg: 'stopping', signal });
    clearTimeout(jobsTimer);
    server.close(() => {
      // A start still under way is waited for (at most 30 s), then stopped.
      const starting = new Promise<undefined>((resolve) => setTimeout(resolve, 30 * SECOND_MS));
      Promise.race([jobs, starting])
        .then((system) => system?.stop())
        .catch((error: unknown) => log({ level: 'error', msg: 'the job system did not stop cleanly', ...describeError(error) }))
        .finally(() =>
          database.close().finally(() => {
            log({ level: 'info', msg: 'stopped' });
            process.exit(0);
          }),
        );
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Listens on HOST:PORT; a port that is taken or not allowed is a StartError saying how to choose another. */
function listen(config: Config, fetch: Fetch): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${config.host}:${config.port}`;
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartError(
            `port ${where} is already in use: stop the program using it, or start on another port, e.g. PORT=${config.port + 1} npm start`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(new StartError(`not allowed to listen on ${where}: choose a port above 1023, e.g. PORT=3000 npm start`));
      } else if (error.code === 'EADDRNOTAVAIL') {
        reject(
          new StartError(`${config.host} is not an address of this machine: set HOST=127.0.0.1 (or 0.0.0.0 for every interface)`),
        );
      } else {
        reject(error);
      }
    });
  });
}

function printPasswords(title: string, users: SeededUser[], loginUrl: string) {
  console.log(`\n${title}`);
  for (const user of users) {
    console.log(`  USERID ${user.userid.padEnd(14)} profile ${user.profile.padEnd(14)} password ${user.password}`);
  }
  console.log(
    `Log in at ${loginUrl} with PSPID DEMO and the DEMO password, or as a user with USERID, PSPID DEMO and its password.\n`,
  );
}

/** The demo's DirectLink credentials and a command that pays with them (README, "Try DirectLink"). */
function printDirectLink(demo: DemoDirectLink, url: string, now: Date) {
  console.log('DirectLink (API) for the demo shop server, shown only now:');
  console.log(`  PSPID DEMO, USERID ${demo.userid}, PSWD ${demo.password}`);
  console.log(`  SHA-IN passphrase ${demo.passphrase} (SHA-512), at ${url}`);
  console.log('A sale of 15.00 EUR with the stored VISA test card (alias DEMO-VISA), in one command:');
  console.log(`  ${demoDirectLinkCommand(url, demo, now)}\n`);
}

main().catch((error) => {
  if (error instanceof StartError) {
    console.error(`Guichet could not start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});

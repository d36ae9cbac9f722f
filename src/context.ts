import type { Acquirer } from './acquirer/acquirer.ts';
import type { Authenticated } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Environment } from './db/schema/accounts.ts';
import type { Clock } from './lib/clock.ts';
import type { Logger } from './lib/logger.ts';
import type { Mailer } from './mail/mailer.ts';

export type { Logger } from './lib/logger.ts';

/** What the application is built from; tests pass their own database, clock, mailer and logger. */
export type Deps = {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
  mailer: Mailer;
  /** Key that seals secrets at rest (TOTP seeds), from SECRET_KEY or the data folder's key file. */
  secretKey: Buffer;
  /** The acquirer of each environment (the simulated one, src/acquirer/simulated.ts `simulatedAcquirers`). */
  acquirers: Readonly<Record<Environment, Acquirer>>;
};

/**
 * What every service receives first: the application's dependencies and who asks, from where.
 * `ip` is the client address (null when unknown); `requestId` ties audit entries to the request log.
 * Inside a transaction, `db` is the transaction (see inTransaction).
 */
export type RequestContext = Deps & { ip: string | null; requestId: string };

/** The context of a signed-in user's request: `actor` is the session, its user and its account. */
export type ActorContext = RequestContext & { actor: Authenticated };

/** Runs `work` in one database transaction, with a context whose `db` is that transaction. */
export function inTransaction<C extends { db: Db }, T>(ctx: C, work: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx }));
}

import type { Authenticated } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Environment } from '../db/schema/accounts.ts';
import type { Language } from '../db/schema/users.ts';
import type { Translate } from '../i18n/catalogue.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../mail/mailer.ts';

export type Logger = (entry: Record<string, unknown>) => void;

/** What the application is built from; tests pass their own database, clock and logger. */
export type Deps = {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
  mailer: Mailer;
  /** Key that seals secrets at rest (TOTP seeds), from SECRET_KEY or the data folder's key file. */
  secretKey: Buffer;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    secureHeadersNonce?: string;
    lang: Language;
    t: Translate;
    /** Set inside /test and /prod. */
    env: Environment;
    auth: Authenticated | null;
    /** True when the browser sent a session cookie that is no longer valid. */
    sessionEnded: boolean;
    /** The token forms must echo: the session's, or the pre-login cookie's. */
    csrfToken: string;
  };
};

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Everything Guichet reads from its environment. This module is the only reader of process.env. */
export type Config = {
  port: number;
  host: string;
  /** postgres:// URL of a Postgres server; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database, the mail outbox and the generated secret key. */
  dataDir: string;
  /** Public origin (scheme://host[:port]) when behind a proxy; otherwise derived from each request. */
  publicOrigin: string | undefined;
  /** True when the public origin is https: cookies get Secure and a __Host- name, HSTS is sent. */
  secureCookies: boolean;
  /** smtp(s)://user:pass@host:port; without it mails are written as .eml files under dataDir/outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** 32 bytes, base64: encrypts secrets at rest (TOTP). Without it, a key file in dataDir is made once. */
  secretKey: string | undefined;
  supportEmail: string;
  supportPhone: string | undefined;
  /** Password given to every seeded demo user on first start instead of random ones (automation only). */
  demoPassword: string | undefined;
  /** Build identifier shown on the platform-version page. */
  build: string | undefined;
  logRequests: boolean;
  /**
   * How many reverse proxies of ours stand in front (TRUST_PROXY, 0 when unset): the client address is
   * the X-Forwarded-For entry that many places from the right (src/http/client-ip.ts).
   */
  trustProxy: number;
  /**
   * How long maintenance (capture, deletion, refund) waits before its offline processing makes it
   * final, per environment, in seconds (PAYMENT_DELAY_TEST, default 10; PAYMENT_DELAY_PROD, default
   * 900): src/payments/offline.ts.
   */
  offlineDelaySeconds: { test: number; prod: number };
};

type Env = Record<string, string | undefined>;

export function readConfig(env: Env = process.env): Config {
  const publicOrigin = env.PUBLIC_ORIGIN?.replace(/\/+$/, '') || undefined;
  return {
    port: parsePort(env.PORT ?? '3000'),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    publicOrigin,
    secureCookies: publicOrigin?.startsWith('https://') ?? false,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Guichet <no-reply@guichet.localhost>',
    secretKey: env.SECRET_KEY || undefined,
    supportEmail: env.SUPPORT_EMAIL || 'support@guichet.localhost',
    supportPhone: env.SUPPORT_PHONE || undefined,
    demoPassword: env.DEMO_PASSWORD || undefined,
    build: env.BUILD_ID || undefined,
    logRequests: env.LOG_REQUESTS !== '0',
    trustProxy: parseProxyCount(env.TRUST_PROXY ?? ''),
    offlineDelaySeconds: {
      test: parseSeconds('PAYMENT_DELAY_TEST', env.PAYMENT_DELAY_TEST ?? '10'),
      prod: parseSeconds('PAYMENT_DELAY_PROD', env.PAYMENT_DELAY_PROD ?? '900'),
    },
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a number from 0 to 65535, not "${value}"`);
  }
  return port;
}

/** A whole number of seconds, up to a week. */
function parseSeconds(name: string, value: string): number {
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds > 7 * 24 * 3600) {
    throw new Error(`${name} must be a whole number of seconds from 0 to 604800, not "${value}"`);
  }
  return seconds;
}

/** Proxies in front, at most 10: `1` is one proxy (the meaning it always had); empty is none. */
function parseProxyCount(value: string): number {
  if (value === '') return 0;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > 10) {
    throw new Error(`TRUST_PROXY must be the number of proxies in front of Guichet (0 to 10, usually 1), not "${value}"`);
  }
  return count;
}

/** A configuration for tests: embedded database, no request log, no public origin, a fresh temporary data folder. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-test-'));
  return { ...readConfig({ LOG_REQUESTS: '0', DATA_DIR: dataDir }), ...overrides };
}

/**
 * The origin written into mails (login links). Never taken from a request's Host header, which
 * a client chooses: PUBLIC_ORIGIN, else the address Guichet listens on.
 */
export function mailOrigin(config: Config): string {
  return config.publicOrigin ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
}

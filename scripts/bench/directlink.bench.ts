/**
 * Issue 10: DirectLink new-order throughput and latency, 8 concurrent clients, on a Postgres server,
 * beside the bare database writes one order needs (its order row and its history row, in one
 * transaction, through the same connection pool), in the same run. Target: the API keeps at least a
 * third of the bare write rate (the API's time per order at most 3× the bare writes').
 *
 * Creates a scratch database on BENCH_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres), migrates it, makes an account with an API user and a
 * SHA-IN passphrase, serves the application on a free port and posts BENCH_DIRECTLINK_ORDERS signed
 * sales (default 2,000, bodies made before the clock starts) from 8 clients over keep-alive HTTP
 * (node:http).
 * The scratch database is dropped at the end, whatever happened.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import { simulatedAcquirers } from '../../src/acquirer/simulated.ts';
import { createApp } from '../../src/app.ts';
import { testConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { accounts } from '../../src/db/schema/accounts.ts';
import { orderOperations, orders } from '../../src/db/schema/payments.ts';
import { users } from '../../src/db/schema/users.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { hashPassword } from '../../src/lib/password-hash.ts';
import { computeShaSignForText } from '../../src/payments/signature.ts';
import { saveTechnicalSettings, sealPassphrase } from '../../src/technical/settings.ts';
import type { Bench, BenchLine } from './run.ts';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ORDERS = Number(process.env.BENCH_DIRECTLINK_ORDERS ?? 2000);
const CLIENTS = 8;
const PASSPHRASE = 'bench passphrase 2026';
const PASSWORD = 'bench api password 1';

export const bench: Bench = {
  name: `DirectLink new orders (${ORDERS.toLocaleString('en')} orders, ${CLIENTS} clients, Postgres)`,
  async run(): Promise<BenchLine[]> {
    const name = `guichet_bench_directlink_${process.pid}`;
    const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    const secretKey = randomBytes(32);
    const app = createApp({
      db: database.db,
      clock: systemClock,
      config: testConfig(),
      log: () => {},
      mailer: { send: async () => {} },
      secretKey,
      acquirers: simulatedAcquirers(systemClock),
    });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    try {
      await migrate(database);
      const accountId = await merchant(database.db, secretKey);
      const { port } = server.address() as AddressInfo;
      const endpoint = `http://127.0.0.1:${port}/ncol/test/orderdirect.asp`;

      // Warm up (JIT, the password check, caches), then the measured run.
      await drive(endpoint, bodies('warm', 100));
      const latencies = await drive(endpoint, bodies('run', ORDERS));
      const apiMs = latencies.total;
      const sorted = [...latencies.each].sort((a, b) => a - b);

      // The anchor: the same pool writing what one order needs, 8 at a time.
      let next = 0;
      const bareStart = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (let i = next++; i < ORDERS; i = next++) {
            await database.db.transaction(async (tx) => {
              const payId = 9_000_000_000 + i;
              const now = new Date();
              await tx.insert(orders).values({
                accountId,
                payId,
                orderId: `bare-${i}`,
                operation: 'SAL',
                amount: 1500,
                currency: 'EUR',
                status: 9,
                source: 'directlink',
                orderedAt: now,
                authorisedAmount: 1500,
                capturedAmount: 1500,
              });
              await tx.insert(orderOperations).values({
                accountId,
                payId,
                payIdSub: 0,
                operation: 'SAL',
                amount: 1500,
                currency: 'EUR',
                status: 9,
                requestedAt: now,
              });
            });
          }
        }),
      );
      const bareMs = performance.now() - bareStart;

      return [
        {
          figure: `DirectLink new orders, time per order at ${CLIENTS} clients (${((ORDERS / apiMs) * 1000).toFixed(0)} orders/s)`,
          value: apiMs / ORDERS,
          unit: 'ms',
          anchor: { name: `bare order writes (${((ORDERS / bareMs) * 1000).toFixed(0)} orders/s)`, value: bareMs / ORDERS },
          target: { max: 3, of: 'ratio' },
        },
        { figure: 'DirectLink new order latency, p50', value: percentile(sorted, 0.5), unit: 'ms' },
        { figure: 'DirectLink new order latency, p99', value: percentile(sorted, 0.99), unit: 'ms' },
      ];
    } finally {
      server.close();
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    }
  },
};

/** An account with an API user and a DirectLink SHA-IN passphrase (SHA-512); its id. */
async function merchant(db: Awaited<ReturnType<typeof openDatabase>>['db'], secretKey: Buffer): Promise<string> {
  const now = new Date();
  const [account] = await db
    .insert(accounts)
    .values({ environment: 'test', pspid: 'BENCH', companyName: 'Bench SA', tradeName: 'Bench', createdAt: now })
    .returning({ id: accounts.id });
  if (!account) throw new Error('no account');
  await db.insert(users).values({
    accountId: account.id,
    userid: 'API',
    name: 'Bench server',
    profile: 'admin',
    isApiUser: true,
    timeZone: 'Europe/Brussels',
    passwordHash: await hashPassword(PASSWORD),
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await saveTechnicalSettings(
    db,
    account.id,
    { shaAlgorithm: 'SHA-512', shaInDirectLinkSealed: sealPassphrase(secretKey, account.id, 'sha-in-directlink', PASSPHRASE) },
    now,
  );
  return account.id;
}

/** `count` signed sale requests with ORDERIDs `<prefix>-<n>`, form-encoded. */
function bodies(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const fields: [string, string][] = [
      ['PSPID', 'BENCH'],
      ['USERID', 'API'],
      ['PSWD', PASSWORD],
      ['ORDERID', `${prefix}-${i}`],
      ['AMOUNT', '1500'],
      ['CURRENCY', 'EUR'],
      ['CARDNO', '4111111111111111'],
      ['ED', '12/35'],
      ['CVC', '123'],
      ['OPERATION', 'SAL'],
    ];
    const shaSign = computeShaSignForText(fields, {
      direction: 'SHA-IN',
      algorithm: 'SHA-512',
      passphrase: PASSPHRASE,
      charset: 'iso-8859-1',
    });
    return new URLSearchParams([...fields, ['SHASIGN', shaSign]]).toString();
  });
}

/**
 * Posts every body, CLIENTS at a time, over node:http with keep-alive (lighter than fetch, so the
 * client's own work weighs less on the 2-core machine the server shares); each request's time and
 * the whole run's, in ms. Throws on a refused order.
 */
async function drive(endpoint: string, all: string[]): Promise<{ each: number[]; total: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = (body: string) =>
    new Promise<string>((resolve, reject) => {
      const request = http.request(
        endpoint,
        {
          method: 'POST',
          agent,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
        },
        (response) => {
          let reply = '';
          response.setEncoding('latin1');
          response.on('data', (chunk: string) => {
            reply += chunk;
          });
          response.on('end', () => resolve(reply));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const each: number[] = [];
  let next = 0;
  const start = performance.now();
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < all.length; i = next++) {
          const sent = performance.now();
          const reply = await post(all[i] ?? '');
          each.push(performance.now() - sent);
          if (!reply.includes('NCERROR="0"')) throw new Error(`refused: ${reply.replace(/\s+/g, ' ')}`);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { each, total: performance.now() - start };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * The demo account's DirectLink (issue 10, item 7): an API user `demo.api` and a DirectLink SHA-IN
 * passphrase with SHA-512, made at first start (and made again with the demo passwords when no
 * demo user has logged in yet, src/db/seed.ts), so a newcomer can post a payment at once. The
 * server prints them once, with the DirectLink address and a ready curl command (printed by
 * src/server.ts with demoDirectLinkCommand).
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { CardNumber } from '../acquirer/card-number.ts';
import type { Clock } from '../lib/clock.ts';
import { hashPassword } from '../lib/password-hash.ts';
import { DEFAULT_TIME_ZONE } from '../lib/time.ts';
import { randomPassword } from '../lib/tokens.ts';
import { saveAlias } from '../payments/aliases.ts';
import { computeShaSignForText } from '../payments/signature.ts';
import { saveTechnicalSettings, sealPassphrase } from '../technical/settings.ts';
import type { Db } from './client.ts';
import { accounts } from './schema/accounts.ts';
import { users } from './schema/users.ts';
import { DEMO_PSPID } from './seed.ts';

export const DEMO_API_USERID = 'demo.api';
/** The demo account's stored test card (VISA 4111 1111 1111 1111): the printed command pays with it. */
export const DEMO_ALIAS = 'DEMO-VISA';

export type DemoDirectLink = { userid: string; password: string; passphrase: string };

/**
 * Gives the demo account its API user (new, or a new password) and a new DirectLink SHA-IN
 * passphrase (SHA-512); returns them to print. Null when there is no demo account.
 */
export async function seedDemoDirectLink(
  db: Db,
  clock: Clock,
  secretKey: Buffer,
  fixedPassword?: string,
): Promise<DemoDirectLink | null> {
  const [account] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.environment, 'test'), eq(accounts.pspid, DEMO_PSPID)));
  if (!account) return null;
  const now = clock.now();
  const password = fixedPassword ?? randomPassword();
  // Letters and digits only: easy to copy into a shop's configuration.
  const passphrase = randomBytes(18).toString('base64url').replace(/[-_]/g, 'x');
  const passwordHash = await hashPassword(password);
  await db
    .insert(users)
    .values({
      accountId: account.id,
      userid: DEMO_API_USERID,
      name: 'Demo shop server (DirectLink)',
      profile: 'admin',
      isApiUser: true,
      timeZone: DEFAULT_TIME_ZONE,
      passwordHash,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null, updatedAt: now })
    .where(and(eq(users.accountId, account.id), eq(users.userid, DEMO_API_USERID)));
  await saveTechnicalSettings(
    db,
    account.id,
    { shaAlgorithm: 'SHA-512', shaInDirectLinkSealed: sealPassphrase(secretKey, account.id, 'sha-in-directlink', passphrase) },
    now,
  );
  // A stored test card, so the printed command names an alias: no card number in the console or a log.
  const visa = CardNumber.fromCheckedDigits('4111111111111111');
  const expiry = `12${String((now.getUTCFullYear() + 5) % 100).padStart(2, '0')}`;
  await saveAlias(db, secretKey, {
    accountId: account.id,
    alias: DEMO_ALIAS,
    card: { number: visa, brand: 'VISA', masked: visa.masked(), expiry, holder: 'Demo Customer' },
    state: 'active',
    now,
  });
  return { userid: DEMO_API_USERID, password, passphrase };
}

/**
 * A curl command that posts one sale of 15.00 EUR to `url` (…/ncol/test/orderdirect_utf8.asp) with
 * the demo's stored VISA test card (ALIAS, so neither a card number nor a CVC is printed), signed
 * with the demo passphrase; the ORDERID is made from `now`, so each printed command pays once.
 */
export function demoDirectLinkCommand(url: string, demo: DemoDirectLink, now: Date): string {
  const fields: [string, string][] = [
    ['PSPID', DEMO_PSPID],
    ['USERID', demo.userid],
    ['PSWD', demo.password],
    ['ORDERID', `DEMO-${Math.floor(now.getTime() / 1000)}`],
    ['AMOUNT', '1500'],
    ['CURRENCY', 'EUR'],
    ['ALIAS', DEMO_ALIAS],
    ['OPERATION', 'SAL'],
  ];
  const shaSign = computeShaSignForText(fields, {
    direction: 'SHA-IN',
    algorithm: 'SHA-512',
    passphrase: demo.passphrase,
    charset: 'utf-8',
  });
  const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
  const data = [...fields, ['SHASIGN', shaSign] as [string, string]].map(
    ([name, value]) => `--data-urlencode ${quote(`${name}=${value}`)}`,
  );
  return `curl -s ${quote(url)} ${data.join(' ')}`;
}

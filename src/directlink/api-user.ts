/**
 * Who calls DirectLink (reference §3 "Credentials"): the account by its PSPID in the endpoint's
 * environment, and one of its API users by USERID and PSWD. A back-office user (not an API user)
 * is refused with "Connection to API feature not allowed for this user". Wrong passwords count
 * toward the user's lockout like the login's (PCI DSS 8.3.4: 10 failures lock the user for 30
 * minutes; claimAttempt), and a locked user is refused (50001119, "disabled after too many
 * errors"). The caller's address and the request's SHA-IN signature are checked before the
 * password: only a server the account allows, holding its SHA-IN passphrase, can try a password,
 * so nobody else can lock the API user and stop the merchant's payments.
 *
 * Each request carries the password, and checking it (argon2id) costs tens of milliseconds: a
 * password that matched is remembered for CREDENTIAL_MEMORY_MS as a keyed hash (HMAC-SHA-256
 * under a random per-process key, with the user's current password hash), in this process's
 * memory only. A changed password, a deactivated or locked user, or a new process forgets it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { claimAttempt, releaseAttempt } from '../auth/attempts.ts';
import type { Db } from '../db/client.ts';
import { preparedPerDatabase } from '../db/prepared.ts';
import type { Account, Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { TechnicalSettings } from '../db/schema/technical.ts';
import { technicalSettings } from '../db/schema/technical.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import type { Clock } from '../lib/clock.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { verifyPassword } from '../lib/password-hash.ts';
import type { NcError } from '../payments/ncerror.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { normaliseIp } from '../technical/ip-list.ts';
import { defaultSettings } from '../technical/settings.ts';
import { API_NOT_ALLOWED_TEXT, missingFieldsText, unknownIpText } from './error-texts.ts';

/** How long a matched password is remembered. */
export const CREDENTIAL_MEMORY_MS = 5 * MINUTE_MS;
const memoryKey = randomBytes(32);
const remembered = new Map<string, number>();

/** The account, its API user, and the account's technical settings (their defaults while it has none saved). */
export type ApiCaller = { account: Account; user: User; settings: TechnicalSettings };
export type ApiRefusal = { ncError: NcError; text: string; account?: Account; userid?: string };

/** The request's SHA-IN check against the account's settings (order-direct.ts checkOrigin): undefined when it passes. */
export type SignatureCheck = (settings: TechnicalSettings) => { ncError: NcError; text: string } | undefined;

/** The credentials of a request, as sent (undefined when missing), and the address it came from. */
export type ApiCredentials = { pspid?: string; userid?: string; password?: string; ip: string | null };

/**
 * The account and API user a request's credentials name, or why they are refused, in this order:
 * no PSPID (50001111), an unknown PSPID (50001118), an address the account does not allow
 * (50001116), no USERID (50001111), a signature `signed` refuses (50001184), then an unknown user,
 * a wrong password, an inactive or locked user (50001119), a user that is not an API user
 * (50001111, API_NOT_ALLOWED_TEXT). Refusals past the PSPID name the account and the USERID sent.
 */
export async function authenticateApiUser(
  ctx: { db: Db; clock: Clock },
  environment: Environment,
  credentials: ApiCredentials,
  signed: SignatureCheck,
): Promise<{ ok: true; caller: ApiCaller } | ({ ok: false } & ApiRefusal)> {
  const { pspid, userid, password } = credentials;
  if (!pspid) return { ok: false, ncError: NCERROR.dataValidation, text: missingFieldsText(['PSPID']) };
  // One prepared query: the account, the user and the account's technical settings.
  const [found] = await findCaller(ctx.db).execute({
    environment,
    pspid: pspid.toLowerCase(),
    userid: (userid ?? '').toLowerCase(),
  });
  const account = found?.account;
  if (!account) return { ok: false, ncError: NCERROR.pspidNotFound, text: 'PSPID not found or not active' };
  const settings = found.settings ?? defaultSettings(account.id);
  // Before the password: a caller the account does not allow can neither guess it nor lock the user.
  if (!isAllowedCaller(settings.allowedIps, credentials.ip)) {
    return { ok: false, ncError: NCERROR.unknownIpOrigin, text: unknownIpText(credentials.ip ?? ''), account, userid };
  }
  if (!userid) return { ok: false, ncError: NCERROR.dataValidation, text: API_NOT_ALLOWED_TEXT, account };
  // Before the password too: an unsigned request can neither guess it nor lock the user.
  const unsigned = signed(settings);
  if (unsigned) return { ok: false, ...unsigned, account, userid };
  const wrong = {
    ok: false as const,
    ncError: NCERROR.wrongPassword,
    text: 'Password wrong or not the right user',
    account,
    userid,
  };
  const user = found.user;
  if (!user || !password) return wrong;
  const now = ctx.clock.now();
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  if (locked) return { ...wrong, text: 'User disabled after too many errors' };
  const memory = rememberedKey(user, password);
  if (!isRemembered(memory, now)) {
    const claim = await claimAttempt(ctx, user);
    if (!claim) return { ...wrong, text: 'User disabled after too many errors' };
    if (!(await verifyPassword(user.passwordHash, password))) return wrong;
    await releaseAttempt(ctx, user, { claim });
    remembered.set(memory, now.getTime() + CREDENTIAL_MEMORY_MS);
  }
  if (!user.active) return wrong;
  if (!user.isApiUser) return { ok: false, ncError: NCERROR.dataValidation, text: API_NOT_ALLOWED_TEXT, account, userid };
  return { ok: true, caller: { account, user, settings } };
}

/** The account, the user and the account's technical settings, in one query prepared once per database (it runs for every request). */
const findCaller = preparedPerDatabase((db) =>
  db
    .select({ account: accounts, user: users, settings: technicalSettings })
    .from(accounts)
    .leftJoin(users, and(eq(users.accountId, accounts.id), eq(sql`lower(${users.userid})`, sql.placeholder('userid'))))
    .leftJoin(technicalSettings, eq(technicalSettings.accountId, accounts.id))
    .where(
      and(eq(accounts.environment, sql.placeholder('environment')), eq(sql`lower(${accounts.pspid})`, sql.placeholder('pspid'))),
    )
    .prepare('directlink_caller'),
);

/**
 * Whether `ip` (the caller's address as the connection gives it) is in the account's list: any
 * address when the list is empty; compared in the list's own form (normaliseIp), so an IPv4
 * address seen as IPv4-mapped IPv6 (`::ffff:192.0.2.1`, a server listening on both) still matches.
 */
export function isAllowedCaller(allowedIps: readonly string[], ip: string | null): boolean {
  if (allowedIps.length === 0) return true;
  const caller = ip ? (normaliseIp(ip) ?? ip) : '';
  return allowedIps.includes(caller);
}

/** The keyed hash a matched password is remembered by: the user, its password hash (a change forgets it) and the password. */
function rememberedKey(user: User, password: string): string {
  return createHmac('sha256', memoryKey)
    .update(user.id)
    .update('\0')
    .update(user.passwordHash)
    .update('\0')
    .update(password)
    .digest('base64');
}

function isRemembered(key: string, now: Date): boolean {
  const until = remembered.get(key);
  if (until === undefined) return false;
  if (until > now.getTime()) return true;
  remembered.delete(key);
  return false;
}

import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import { typedIdentityHash, unknownUserActor } from '../auth/typed-identity.ts';
import { mailOrigin } from '../config.ts';
import type { RequestContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { Account, Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { translator } from '../i18n/catalogue.ts';
import { DAY_MS, HOUR_MS } from '../lib/clock.ts';
import { formatDateTime } from '../lib/format.ts';
import { hashPassword } from '../lib/password-hash.ts';
import { withinRateLimit } from '../lib/rate-limit.ts';
import { randomPassword } from '../lib/tokens.ts';
import { paths } from '../paths.ts';
import { userRow } from '../users/queries.ts';

export const RESET_PASSWORD_TTL_MS = DAY_MS;
/** Requests per hour from one address, and per user whatever the address. */
export const RESET_LIMIT_PER_IP = 10;
export const RESET_LIMIT_PER_USER = 3;

/** What the form asked: the account's PSPID and, for a named user, the USERID (else the default administrator's). */
export type ResetRequest = { environment: Environment; pspid: string; userid?: string };

/**
 * B3 "Password forgotten?" (no one is signed in): when PSPID (and USERID) name an active
 * back-office user with an e-mail address, a one-time password valid 24 hours is mailed in the
 * user's language, with a link to the login at the configured origin (never the Host header).
 * The current password keeps working. Every request is audited as `password.reset_request`.
 * The caller answers the same whatever happened; only the per-address limit shows
 * ('rate_limited': 10 an hour per address; per user 3 an hour, silently). Unknown users cost the
 * same hashing work, and the mail is sent after the answer, so timing tells nothing either.
 */
export async function requestPasswordReset(ctx: RequestContext, request: ResetRequest): Promise<'done' | 'rate_limited'> {
  const { db, clock } = ctx;
  if (ctx.ip && !(await withinRateLimit(db, clock, `reset:ip:${ctx.ip}`, RESET_LIMIT_PER_IP, HOUR_MS))) {
    await audit(ctx, request, null, false, { reason: 'rate_limited_ip' });
    return 'rate_limited';
  }
  const userid = request.userid || request.pspid;
  // Counted per identity typed, known or not (the same work either way), under a keyed hash: what
  // was typed may be a password typed into the wrong box (src/auth/typed-identity.ts).
  const identityKey = `reset:user:${typedIdentityHash(ctx.secretKey, request)}`;
  const identityWithinLimit = await withinRateLimit(db, clock, identityKey, RESET_LIMIT_PER_USER, HOUR_MS);
  const [row] = await db
    .select({ user: users, account: accounts })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(
      and(
        eq(accounts.environment, request.environment),
        eq(sql`lower(${accounts.pspid})`, request.pspid.toLowerCase()),
        eq(sql`lower(${users.userid})`, userid.toLowerCase()),
      ),
    );
  const refusal = !row
    ? 'unknown_user'
    : !row.user.active
      ? 'inactive'
      : row.user.isApiUser
        ? 'api_user'
        : !row.user.email
          ? 'no_email'
          : !identityWithinLimit
            ? 'rate_limited_user'
            : null;
  if (!row || refusal) {
    // The same hashing work as a real request, so the answer's timing tells nothing either.
    await hashPassword(randomPassword());
    await audit(ctx, request, row ?? null, false, { reason: refusal });
    return 'done';
  }
  const password = randomPassword();
  const expires = new Date(clock.now().getTime() + RESET_PASSWORD_TTL_MS);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(users).set({ resetPasswordHash: passwordHash, resetPasswordExpiresAt: expires }).where(userRow(row.user));
    await audit(tx, request, row, true, {});
  });
  sendOneTimePassword(ctx, row, password, expires);
  return 'done';
}

/** Mails the one-time password without waiting for the mail server; a failure is logged, never shown. */
function sendOneTimePassword(
  ctx: RequestContext,
  { user, account }: { user: User; account: Account },
  password: string,
  expires: Date,
): void {
  const t = translator(user.language);
  const delivery = ctx.mailer.send({
    to: user.email ?? '',
    subject: t('mail.reset.subject'),
    text: t('mail.reset.body', {
      name: user.name,
      userid: user.userid,
      pspid: account.pspid,
      env: t(account.environment === 'test' ? 'env.test' : 'env.prod'),
      password,
      expires: formatDateTime(expires, user.timeZone, user.language),
      url: `${mailOrigin(ctx.config)}${paths.login(account.environment)}`,
    }),
  });
  delivery.catch((error: Error) =>
    ctx.log({ level: 'error', msg: 'password reset mail not sent', user: user.id, error: error.message }),
  );
}

/**
 * One `password.reset_request` entry: the user concerned as actor when the request named one;
 * otherwise "unknown user" and a keyed hash of what was typed, which is never written down.
 */
function audit(
  ctx: Pick<RequestContext, 'db' | 'clock' | 'ip' | 'secretKey'>,
  request: ResetRequest,
  found: { user: User; account: Account } | null,
  success: boolean,
  details: Record<string, unknown>,
) {
  const userId = found?.user.id ?? null;
  return recordAudit(ctx, {
    accountId: found?.account.id ?? null,
    userId,
    actor: found ? found.user.userid : unknownUserActor(typedIdentityHash(ctx.secretKey, request)),
    eventType: 'password.reset_request',
    success,
    ip: ctx.ip,
    object: userId ? `user:${userId}` : null,
    details: { ...(found ? { pspid: found.account.pspid } : {}), ...details },
  });
}

import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { Logger } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';
import { translator } from '../i18n/catalogue.ts';
import type { Clock } from '../lib/clock.ts';
import { DAY_MS, HOUR_MS } from '../lib/clock.ts';
import { formatDateTime } from '../lib/format.ts';
import { hashPassword } from '../lib/password-hash.ts';
import { withinRateLimit } from '../lib/rate-limit.ts';
import { randomPassword } from '../lib/tokens.ts';
import type { Mailer } from '../mail/mailer.ts';
import { userRow } from '../users/queries.ts';

export const RESET_PASSWORD_TTL_MS = DAY_MS;
/** Requests per hour from one address, and per user whatever the address. */
export const RESET_LIMIT_PER_IP = 10;
export const RESET_LIMIT_PER_USER = 3;

export type ResetRequest = { environment: Environment; pspid: string; userid?: string; ip: string | null; loginUrl: string };

/**
 * B3 "Password forgotten?": when PSPID (and USERID) name an active back-office user with an
 * e-mail address, a one-time password valid 24 hours is mailed in the user's language. The
 * current password keeps working. The caller answers the same whatever happened; only the
 * per-address limit is visible ('rate_limited').
 */
export async function requestPasswordReset(
  db: Db,
  clock: Clock,
  mailer: Mailer,
  log: Logger,
  request: ResetRequest,
): Promise<'done' | 'rate_limited'> {
  if (request.ip && !(await withinRateLimit(db, clock, `reset:ip:${request.ip}`, RESET_LIMIT_PER_IP, HOUR_MS))) {
    await audit(db, clock, null, null, request, false, { reason: 'rate_limited_ip' });
    return 'rate_limited';
  }
  const userid = request.userid || request.pspid;
  // Counted per identity typed, known or not: the same work either way.
  const identityKey = `reset:user:${request.environment}:${request.pspid.toLowerCase()}:${userid.toLowerCase()}`;
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
    await audit(db, clock, row?.account.id ?? null, row?.user.id ?? null, request, false, { reason: refusal });
    return 'done';
  }
  const { user, account } = row;
  const password = randomPassword();
  const expires = new Date(clock.now().getTime() + RESET_PASSWORD_TTL_MS);
  await db
    .update(users)
    .set({ resetPasswordHash: await hashPassword(password), resetPasswordExpiresAt: expires })
    .where(userRow(user));
  const t = translator(user.language);
  // Sent after the answer, so the time to reach the mail server tells nothing either.
  const delivery = mailer.send({
    to: user.email!,
    subject: t('mail.reset.subject'),
    text: t('mail.reset.body', {
      name: user.name,
      userid: user.userid,
      pspid: account.pspid,
      env: t(account.environment === 'test' ? 'env.test' : 'env.prod'),
      password,
      expires: formatDateTime(expires, user.timeZone, user.language),
      url: request.loginUrl,
    }),
  });
  delivery.catch((error: Error) =>
    log({ level: 'error', msg: 'password reset mail not sent', user: user.id, error: error.message }),
  );
  await audit(db, clock, account.id, user.id, request, true, {});
  return 'done';
}

function audit(
  db: Db,
  clock: Clock,
  accountId: string | null,
  userId: string | null,
  request: ResetRequest,
  success: boolean,
  details: Record<string, unknown>,
) {
  return recordAudit(
    { db: db, clock: clock },
    {
      accountId,
      userId,
      actor: request.userid || request.pspid,
      eventType: 'password.reset_request',
      success,
      ip: request.ip,
      object: userId ? `user:${userId}` : null,
      details: { pspid: request.pspid, ...details },
    },
  );
}

import { recordEvent } from '../audit/service.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { RuleBroken } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { reloadUser, userRow } from '../users/queries.ts';
import { generateRecoveryCodes } from './recovery-codes.ts';
import type { CodeAndPassword } from './step-up.ts';
import { confirmCodeAndPassword } from './step-up.ts';
import { openTotpSecret, replaceRecoveryCodes, sealTotpSecret } from './storage.ts';
import { generateTotpSecret, totpUri } from './totp.ts';

/**
 * B4, turning 2FA on: the pending seed made by the setup button, and its activation. A pending
 * seed is sealed in the user's row with the time it was made; only the newest one counts. Only
 * POSTs make one: the page itself only reads it (decision record 0010).
 */

/** A QR code shown on the setup page can be used for 15 minutes. */
export const PENDING_SECRET_TTL_MS = 15 * MINUTE_MS;
/** The same, in minutes, as the page says it. */
export const PENDING_SECRET_MINUTES = PENDING_SECRET_TTL_MS / MINUTE_MS;

/** A seed to show: base32 `secret`, and the otpauth `uri` its QR code encodes. */
export type PendingSecret = { secret: string; uri: string };

const uriOf = (ctx: ActorContext, secret: string) =>
  totpUri(secret, { issuer: 'Guichet', label: `${ctx.actor.account.pspid}:${ctx.actor.user.userid}` });

const pendingValid = (user: User, now: Date) =>
  Boolean(
    user.totpPendingSecret &&
      user.totpPendingCreatedAt &&
      now.getTime() - user.totpPendingCreatedAt.getTime() <= PENDING_SECRET_TTL_MS,
  );

/**
 * The "Set up two-factor authentication" button (a POST): makes a new pending seed, valid for
 * PENDING_SECRET_TTL_MS, replacing the previous one, so only the newest QR code's codes will
 * work. Nothing happens while the actor's 2FA is on.
 */
export async function preparePendingSecret(ctx: ActorContext): Promise<void> {
  const user = await reloadUser(ctx.db, ctx.actor.user);
  if (user.totpEnabledAt) return;
  const secret = generateTotpSecret();
  await ctx.db
    .update(users)
    .set({ totpPendingSecret: sealTotpSecret(ctx.secretKey, secret, user), totpPendingCreatedAt: ctx.clock.now() })
    .where(userRow(user));
}

/**
 * The actor's pending seed, read only (the page shows it, and again after a mistake): `pending`
 * while still valid, else null, with `expired` true when there is one but it is too old.
 */
export async function readPendingSecret(ctx: ActorContext): Promise<{ pending: PendingSecret | null; expired: boolean }> {
  const user = await reloadUser(ctx.db, ctx.actor.user);
  if (!user.totpPendingSecret) return { pending: null, expired: false };
  if (!pendingValid(user, ctx.clock.now())) return { pending: null, expired: true };
  const secret = openTotpSecret(ctx.secretKey, user.totpPendingSecret, user);
  return { pending: { secret, uri: uriOf(ctx, secret) }, expired: false };
}

/**
 * Turns the actor's 2FA on with the newest pending seed, after a current code from it and the
 * password (confirmCodeAndPassword). Returns the 10 recovery codes, shown once (only their
 * hashes are kept). Audited as `otp.enable`, failures included.
 *
 * Throws RuleBroken on the field `code`: `otp.alreadyActive`, `otp.pendingExpired` (no pending
 * seed younger than PENDING_SECRET_TTL_MS: the page then offers the setup button again), or the
 * step-up check's refusal.
 */
export async function activateTotp(ctx: ActorContext, input: CodeAndPassword): Promise<string[]> {
  const user = await reloadUser(ctx.db, ctx.actor.user);
  if (user.totpEnabledAt) throw new RuleBroken(message('otp.alreadyActive'), 'code');
  const now = ctx.clock.now();
  if (!pendingValid(user, now)) throw new RuleBroken(message('otp.pendingExpired', { minutes: PENDING_SECRET_MINUTES }), 'code');
  const secret = openTotpSecret(ctx.secretKey, user.totpPendingSecret!, user);
  const accepted = await confirmCodeAndPassword(ctx, user, { secret, lastUsedStep: null, eventType: 'otp.enable' }, input);
  const step = accepted.method === 'totp' ? accepted.step : null;
  const codes = generateRecoveryCodes();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(users)
      .set({
        totpSecret: sealTotpSecret(tx.secretKey, secret, user),
        totpEnabledAt: now,
        totpLastStep: step,
        totpPendingSecret: null,
        totpPendingCreatedAt: null,
        otpFailures: 0,
      })
      .where(userRow(user));
    await replaceRecoveryCodes(tx.db, now, user, codes);
    await recordEvent(tx, { type: 'otp.enable' }, { user });
  });
  return codes;
}

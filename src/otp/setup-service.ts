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
 * B4, turning 2FA on: the setup page's pending seed and its activation. A pending seed is
 * sealed in the user's row with the time it was made; only the newest one counts.
 */

/** A QR code shown on the setup page can be used for 15 minutes. */
export const PENDING_SECRET_TTL_MS = 15 * MINUTE_MS;

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
 * Each visit of the setup page makes a new pending seed, replacing the previous one: only the
 * newest QR code's codes will work (decision record 0010 on why a GET may do this).
 */
export async function preparePendingSecret(ctx: ActorContext): Promise<PendingSecret> {
  const { user } = ctx.actor;
  const secret = generateTotpSecret();
  await ctx.db
    .update(users)
    .set({ totpPendingSecret: sealTotpSecret(ctx.secretKey, secret, user), totpPendingCreatedAt: ctx.clock.now() })
    .where(userRow(user));
  return { secret, uri: uriOf(ctx, secret) };
}

/** The pending seed still valid (to show the same QR code again after a mistake), or null once expired or absent. */
export async function currentPendingSecret(ctx: ActorContext): Promise<PendingSecret | null> {
  const user = await reloadUser(ctx.db, ctx.actor.user);
  if (!pendingValid(user, ctx.clock.now())) return null;
  const secret = openTotpSecret(ctx.secretKey, user.totpPendingSecret!, user);
  return { secret, uri: uriOf(ctx, secret) };
}

/**
 * Turns the actor's 2FA on with the newest pending seed, after a current code from it and the
 * password (confirmCodeAndPassword). Returns the 10 recovery codes, shown once (only their
 * hashes are kept). Audited as `otp.enable`, failures included.
 *
 * Throws RuleBroken on the field `code`: `otp.alreadyActive`, `otp.pendingExpired` (no pending
 * seed younger than PENDING_SECRET_TTL_MS), or the step-up check's refusal.
 */
export async function activateTotp(ctx: ActorContext, input: CodeAndPassword): Promise<string[]> {
  const user = await reloadUser(ctx.db, ctx.actor.user);
  if (user.totpEnabledAt) throw new RuleBroken(message('otp.alreadyActive'), 'code');
  const now = ctx.clock.now();
  if (!pendingValid(user, now)) throw new RuleBroken(message('otp.pendingExpired'), 'code');
  const secret = openTotpSecret(ctx.secretKey, user.totpPendingSecret!, user);
  const step = await confirmCodeAndPassword(ctx, user, { secret, lastUsedStep: null, eventType: 'otp.enable' }, input);
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

import { timingSafeEqual } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';

/** Time-based one-time passwords (RFC 6238) as every authenticator app expects them: 30 s, 6 digits, SHA-1. */
export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ALGORITHM = 'SHA1';

/** Steps either side of the current one that are still accepted (clock drift, slow typing). */
const TOLERANCE_STEPS = 1;

/** A new TOTP secret: 20 random bytes (160 bits, the HMAC-SHA1 block recommended by RFC 4226), base32. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code, e.g. issuer 'Guichet', label 'DEMO:demo.accounts'. */
export function totpUri(secretBase32: string, account: { issuer: string; label: string }): string {
  return new TOTP({
    issuer: account.issuer,
    label: account.label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_S,
  }).toString();
}

/** The time step (counter) of `time`: floor(unix seconds / period). */
export function totpStep(time: Date, periodS = TOTP_PERIOD_S): number {
  return Math.floor(time.getTime() / (periodS * 1000));
}

export type TotpVerification = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/**
 * Checks a code typed by the user against the current step and one step either side.
 * A code is accepted once: a match at a step not after `lastUsedStep` is a replay. On success the caller stores
 * the returned step as the new last used step (atomically, e.g. `UPDATE … WHERE last_step IS NULL OR last_step < $step`).
 */
export function verifyTotp(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): TotpVerification {
  const typed = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(typed)) return { ok: false, reason: 'malformed' };
  const secret = Secret.fromBase32(secretBase32);
  const typedBytes = Buffer.from(typed, 'ascii');
  const current = totpStep(now);
  // Current step first, then the previous, then the next: the order in which a match is preferred.
  const candidates = [current];
  for (let delta = 1; delta <= TOLERANCE_STEPS; delta++) candidates.push(current - delta, current + delta);
  let accepted: number | null = null;
  let replayed = false;
  // Every candidate is computed and compared, whatever matched before, so timing says nothing about which did.
  for (const step of candidates) {
    const expected = Buffer.from(codeAtStep(secret, step, TOTP_ALGORITHM, TOTP_DIGITS), 'ascii');
    const match = expected.length === typedBytes.length && timingSafeEqual(expected, typedBytes);
    if (!match) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) replayed = true;
    else if (accepted === null) accepted = step;
  }
  if (accepted !== null) return { ok: true, step: accepted };
  return { ok: false, reason: replayed ? 'replayed' : 'wrong' };
}

/** The TOTP code of `time` for a secret given in base32 or as bytes (tests, e2e fixtures). */
export function generateCode(
  secret: { base32?: string; bytes?: Uint8Array },
  time: Date,
  options: { algorithm?: 'SHA1' | 'SHA256' | 'SHA512'; digits?: number; periodS?: number } = {},
): string {
  const periodS = options.periodS ?? TOTP_PERIOD_S;
  return codeAtStep(
    toSecret(secret),
    totpStep(time, periodS),
    options.algorithm ?? TOTP_ALGORITHM,
    options.digits ?? TOTP_DIGITS,
    periodS,
  );
}

/** The HOTP code (RFC 4226, HMAC-SHA1) of `counter`. */
export function generateHotp(secretBytes: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  return HOTP.generate({ secret: toSecret({ bytes: secretBytes }), algorithm: 'SHA1', digits, counter });
}

function codeAtStep(secret: Secret, step: number, algorithm: string, digits: number, periodS = TOTP_PERIOD_S): string {
  return TOTP.generate({ secret, algorithm, digits, period: periodS, timestamp: step * periodS * 1000 });
}

function toSecret(secret: { base32?: string; bytes?: Uint8Array }): Secret {
  if (secret.bytes) return new Secret({ buffer: secret.bytes.slice().buffer });
  if (secret.base32 !== undefined) return Secret.fromBase32(secret.base32);
  throw new Error('A TOTP secret needs base32 or bytes');
}

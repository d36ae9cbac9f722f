/**
 * How a user's 2FA is kept: the TOTP seed sealed with the application's key (bound to the user,
 * so a sealed seed copied to another row does not open), the last time step used, and the
 * recovery codes as SHA-256 hashes. Each helper writes through the `db` it is given: a
 * transaction when the caller has one.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { recoveryCodes } from '../db/schema/passwords.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { openSecret, sealSecret } from '../lib/secret-box.ts';
import { userRow } from '../users/queries.ts';
import { hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes.ts';

type UserKey = Pick<User, 'accountId' | 'id'>;

const sealContext = (user: Pick<User, 'id'>) => `totp:${user.id}`;

/** A base32 TOTP seed, sealed for storage in this user's row ("v1.…"). */
export function sealTotpSecret(key: Buffer, secret: string, user: Pick<User, 'id'>): string {
  return sealSecret(key, secret, sealContext(user));
}

/** The base32 TOTP seed of a sealed value from this user's row; throws if it was sealed for another user or key. */
export function openTotpSecret(key: Buffer, sealed: string, user: Pick<User, 'id'>): string {
  return openSecret(key, sealed, sealContext(user));
}

/**
 * Records a code's time step (30-second periods since the epoch) as used, atomically: false when
 * this step, or a later one, was used already (the code is a replay).
 */
export async function claimStep(db: Db, user: UserKey, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(userRow(user), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/** Switches the user's 2FA off: seed, pending seed, last step, code-step failures and recovery codes all go. */
export async function clearTotp(db: Db, user: UserKey): Promise<void> {
  await db
    .update(users)
    .set({
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      totpPendingSecret: null,
      totpPendingCreatedAt: null,
      otpFailures: 0,
    })
    .where(userRow(user));
  await db.delete(recoveryCodes).where(and(eq(recoveryCodes.accountId, user.accountId), eq(recoveryCodes.userId, user.id)));
}

/** The user's recovery codes become `codes` (as shown, "xxxx-xxxx-xxxx-xxxx"), stored hashed; the old ones stop working. */
export async function replaceRecoveryCodes(db: Db, now: Date, user: UserKey, codes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(and(eq(recoveryCodes.accountId, user.accountId), eq(recoveryCodes.userId, user.id)));
  await db.insert(recoveryCodes).values(
    codes.map((code) => ({
      accountId: user.accountId,
      userId: user.id,
      codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!),
      createdAt: now,
    })),
  );
}

/**
 * Spends one unused recovery code (normalised, see normalizeRecoveryCode), atomically: false
 * when the user has no such unused code.
 */
export async function spendRecoveryCode(db: Db, now: Date, user: UserKey, normalizedCode: string): Promise<boolean> {
  const [used] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.accountId, user.accountId),
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, hashRecoveryCode(normalizedCode)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ codeHash: recoveryCodes.codeHash });
  return Boolean(used);
}

import { createHmac } from 'node:crypto';
import type { Environment } from '../db/schema/accounts.ts';
import { purposeKey } from './keys.ts';

/**
 * What someone typed where an identity belongs (PSPID, USERID) is recorded only when it names a
 * user of the account (issue 8): a password typed into the wrong box must never reach the audit
 * log or the rate-limit table, where administrators and operators read. Otherwise the record
 * says "unknown user" with a short keyed hash of what was typed: the same text gives the same
 * hash, so repeated attempts can be correlated, and without the server's key nobody can test
 * guesses against it.
 */

/** The words the audit log shows as the actor of an attempt that named no user. */
export const UNKNOWN_USER = 'unknown user';
/** Hex digits of the hash shown in the audit log (40 bits: enough to tell attempts apart). */
const SHOWN_HEX = 10;

export type TypedIdentity = { environment: Environment; pspid: string; userid?: string };

/**
 * HMAC-SHA256 under the typed-identity key of the environment, the PSPID and the USERID (the
 * PSPID when there is none), compared without regard to case as logins are; 64 hex digits.
 */
export function typedIdentityHash(secretKey: Buffer, typed: TypedIdentity): string {
  const userid = typed.userid || typed.pspid;
  return createHmac('sha256', purposeKey(secretKey, 'typed-identity'))
    .update([typed.environment, typed.pspid.toLowerCase(), userid.toLowerCase()].join('\u0000'))
    .digest('hex');
}

/** The audit actor for an attempt that named no user: `unknown user 3fa9c1e2d4`. */
export function unknownUserActor(hash: string): string {
  return `${UNKNOWN_USER} ${hash.slice(0, SHOWN_HEX)}`;
}

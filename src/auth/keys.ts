import { createHmac } from 'node:crypto';

/** What a derived key is for: each purpose has its own key, so one can never stand in for another. */
export type KeyPurpose = 'device-cookie' | 'typed-identity';

const derived = new WeakMap<Buffer, Map<KeyPurpose, Buffer>>();

/**
 * A 32-byte key for one purpose, derived from the server's secret key (SECRET_KEY or the data
 * folder's key file) as HMAC-SHA256(secret key, "guichet:<purpose>:v1"). The secret key itself
 * seals TOTP seeds; the derived keys sign device cookies and hash typed identities.
 */
export function purposeKey(secretKey: Buffer, purpose: KeyPurpose): Buffer {
  let keys = derived.get(secretKey);
  if (!keys) {
    keys = new Map();
    derived.set(secretKey, keys);
  }
  let key = keys.get(purpose);
  if (!key) {
    key = createHmac('sha256', secretKey).update(`guichet:${purpose}:v1`).digest();
    keys.set(purpose, key);
  }
  return key;
}

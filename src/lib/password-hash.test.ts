import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hash } from '@node-rs/argon2';
import { hashPassword, normalizePassword, rehashFromRawForm, verifyAgainstDummy, verifyPassword } from './password-hash.ts';

/** `Café-crème-2026` as most keyboards type it (é and è precomposed), and decomposed (e + U+0301, e + U+0300). */
const PRECOMPOSED = 'Caf\u00e9-cr\u00e8me-2026';
const DECOMPOSED = 'Cafe\u0301-cre\u0300me-2026';

describe('passwords are compared after NFKC normalisation (NIST SP 800-63B 5.1.1.2)', () => {
  test('the two spellings of Café-crème-2026 are one password', async () => {
    assert.notEqual(PRECOMPOSED, DECOMPOSED);
    assert.equal(normalizePassword(DECOMPOSED), PRECOMPOSED);
    const stored = await hashPassword(PRECOMPOSED);
    assert.ok(await verifyPassword(stored, DECOMPOSED));
    assert.ok(await verifyPassword(await hashPassword(DECOMPOSED), PRECOMPOSED));
  });

  test('compatibility forms are folded too (full-width letters, ligatures), and nothing is trimmed or case-folded', async () => {
    assert.equal(normalizePassword('\uff30\uff41\uff53\uff53 \ufb01n 2026'), 'Pass fin 2026');
    const stored = await hashPassword('Pass fin 2026');
    assert.ok(await verifyPassword(stored, '\uff30\uff41\uff53\uff53 \ufb01n 2026'));
    assert.ok(!(await verifyPassword(stored, ' Pass fin 2026')));
    assert.ok(!(await verifyPassword(stored, 'pass fin 2026')));
  });

  test('a wrong password, a malformed hash and the dummy check all say no', async () => {
    const stored = await hashPassword(PRECOMPOSED);
    assert.ok(!(await verifyPassword(stored, 'Cafe-creme-2026')));
    assert.ok(!(await verifyPassword('not a hash', PRECOMPOSED)));
    assert.equal(await verifyAgainstDummy(DECOMPOSED), false);
  });
});

describe('hashes made before normalisation keep working', () => {
  /** What hashPassword stored before: argon2id of the password exactly as typed. */
  const rawHash = (password: string) => hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });

  test('an old hash of a decomposed password still verifies when typed the same way, and gives an NFKC hash to store', async () => {
    const old = await rawHash(DECOMPOSED);
    assert.ok(await verifyPassword(old, DECOMPOSED));
    const upgraded = await rehashFromRawForm(old, DECOMPOSED);
    assert.ok(upgraded, 'a new hash to store');
    assert.ok(await verifyPassword(upgraded, PRECOMPOSED), 'after the rehash either spelling works');
    assert.ok(await verifyPassword(upgraded, DECOMPOSED));
  });

  test('nothing to rehash when the password is already NFKC, when the hash is already of the NFKC form, or when it does not match', async () => {
    assert.equal(await rehashFromRawForm(await rawHash(PRECOMPOSED), PRECOMPOSED), null);
    assert.equal(await rehashFromRawForm(await hashPassword(PRECOMPOSED), DECOMPOSED), null);
    assert.equal(await rehashFromRawForm(await rawHash(DECOMPOSED), 'Cafe\u0301-cre\u0300me-2027'), null);
  });
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.ts';

describe('recovery codes', () => {
  test('ten distinct codes written xxxx-xxxx-xxxx-xxxx in lowercase base32', () => {
    const codes = generateRecoveryCodes();
    assert.equal(RECOVERY_CODE_COUNT, 10);
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
  });

  test('every batch is new', () => {
    const all = Array.from({ length: 20 }, () => generateRecoveryCodes()).flat();
    assert.equal(new Set(all).size, 200);
  });

  test('the codes use the whole base32 alphabet (they are random, not patterned)', () => {
    const seen = new Set(
      Array.from({ length: 20 }, () => generateRecoveryCodes())
        .flat()
        .join('')
        .replaceAll('-', ''),
    );
    assert.equal(seen.size, 32);
  });

  test('a shown code normalises to its 16 characters', () => {
    const [code] = generateRecoveryCodes();
    assert.equal(normalizeRecoveryCode(code!), code!.replaceAll('-', ''));
  });

  test('typed codes may be upper case, with spaces or without dashes', () => {
    const normalized = 'abcd2345efgh6767';
    for (const input of [
      'abcd-2345-efgh-6767',
      'ABCD-2345-EFGH-6767',
      'abcd 2345 efgh 6767',
      ' Abcd2345eFgh6767 ',
      'abcd2345efgh6767',
      'abcd - 2345 - efgh - 6767',
      'abcd\t2345-efgh\u00a06767',
    ]) {
      assert.equal(normalizeRecoveryCode(input), normalized, JSON.stringify(input));
    }
  });

  test('wrong lengths and characters are refused', () => {
    for (const input of [
      '',
      'abcd-2345-efgh-676',
      'abcd-2345-efgh-67677',
      'abcd-2345-efgh-6761', // 1 is not base32
      'abcd-2345-efgh-6760', // nor 0
      'abcd-2345-efgh-6768', // nor 8
      'abcd_2345_efgh_6767',
      'abcd.2345.efgh.6767',
      'abcd-2345-efgh-676\u212a', // Kelvin sign, lowercases to "k"
      'ａｂｃｄ-2345-efgh-6767', // full-width letters
      'abcd-2345-efgh-6767\u0000',
    ]) {
      assert.equal(normalizeRecoveryCode(input), null, JSON.stringify(input));
    }
  });

  test('the hash of a normalised code is its SHA-256, stable however the code was typed', () => {
    const hash = hashRecoveryCode('abcd2345efgh6767');
    assert.equal(hash, createHash('sha256').update('abcd2345efgh6767').digest('hex'));
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(hashRecoveryCode(normalizeRecoveryCode('ABCD 2345 EFGH 6767')!), hash);
    assert.notEqual(hashRecoveryCode('abcd2345efgh6766'), hash);
  });

  test('hashing a code that was not normalised is a programming error', () => {
    assert.throws(() => hashRecoveryCode('ABCD-2345-EFGH-6767'), /normalizeRecoveryCode/);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Secret, URI } from 'otpauth';
import {
  generateCode,
  generateHotp,
  generateTotpSecret,
  TOTP_ALGORITHM,
  TOTP_DIGITS,
  TOTP_PERIOD_S,
  totpStep,
  totpUri,
  verifyTotp,
} from './totp.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('TOTP reproduces the published test vectors', () => {
  // RFC 6238 Appendix B: each algorithm has its own seed, the ASCII digits repeated to the hash's size.
  const seeds = {
    SHA1: ascii('12345678901234567890'),
    SHA256: ascii('12345678901234567890123456789012'),
    SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
  } as const;
  const vectors: [number, string, 'SHA1' | 'SHA256' | 'SHA512'][] = [
    [59, '94287082', 'SHA1'],
    [59, '46119246', 'SHA256'],
    [59, '90693936', 'SHA512'],
    [1111111109, '07081804', 'SHA1'],
    [1111111109, '68084774', 'SHA256'],
    [1111111109, '25091201', 'SHA512'],
    [1111111111, '14050471', 'SHA1'],
    [1111111111, '67062674', 'SHA256'],
    [1111111111, '99943326', 'SHA512'],
    [1234567890, '89005924', 'SHA1'],
    [1234567890, '91819424', 'SHA256'],
    [1234567890, '93441116', 'SHA512'],
    [2000000000, '69279037', 'SHA1'],
    [2000000000, '90698825', 'SHA256'],
    [2000000000, '38618901', 'SHA512'],
    [20000000000, '65353130', 'SHA1'],
    [20000000000, '77737706', 'SHA256'],
    [20000000000, '47863826', 'SHA512'],
  ];

  test('the seeds have the sizes RFC 6238 gives', () => {
    assert.equal(seeds.SHA1.length, 20);
    assert.equal(seeds.SHA256.length, 32);
    assert.equal(seeds.SHA512.length, 64);
  });

  for (const [seconds, expected, algorithm] of vectors) {
    test(`RFC 6238 ${algorithm} at ${seconds}s gives ${expected}`, () => {
      const time = new Date(seconds * 1000);
      assert.equal(generateCode({ bytes: seeds[algorithm] }, time, { algorithm, digits: 8 }), expected);
      // The same secret given in base32 gives the same code.
      const base32 = new Secret({ buffer: seeds[algorithm].slice().buffer }).base32;
      assert.equal(generateCode({ base32 }, time, { algorithm, digits: 8, periodS: 30 }), expected);
    });
  }

  test('RFC 4226 Appendix D: HOTP counters 0 to 9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    const secret = ascii('12345678901234567890');
    assert.deepEqual(
      expected.map((_, counter) => generateHotp(secret, counter)),
      expected,
    );
    // 8-digit HOTP keeps the low digits of the same truncated value (RFC 4226 Appendix D, HOTP(0) = 1284755224).
    assert.equal(generateHotp(secret, 0, 8), '84755224');
  });

  test('the wrapper defaults are those of authenticator apps', () => {
    assert.equal(TOTP_PERIOD_S, 30);
    assert.equal(TOTP_DIGITS, 6);
    assert.equal(TOTP_ALGORITHM, 'SHA1');
    // 6 digits, SHA-1: the last six digits of the 8-digit vector at 59 s.
    assert.equal(generateCode({ bytes: seeds.SHA1 }, new Date(59_000)), '287082');
  });
});

describe('TOTP secrets and enrolment URI', () => {
  test('a secret is 20 random bytes in base32, different each time', () => {
    const secrets = new Set(Array.from({ length: 20 }, () => generateTotpSecret()));
    assert.equal(secrets.size, 20);
    for (const secret of secrets) {
      assert.match(secret, /^[A-Z2-7]{32}$/);
      assert.equal(Secret.fromBase32(secret).bytes.length, 20);
    }
  });

  test('the otpauth URI carries the issuer, the label and the secret an app needs', () => {
    const secret = generateTotpSecret();
    const uri = totpUri(secret, { issuer: 'Guichet', label: 'DEMO:demo.accounts' });
    assert.match(uri, /^otpauth:\/\/totp\//);
    assert.match(uri, /[?&]issuer=Guichet(&|$)/);
    assert.match(uri, /[?&]secret=[A-Z2-7]+(&|$)/);
    assert.match(uri, /[?&]algorithm=SHA1(&|$)/);
    assert.match(uri, /[?&]digits=6(&|$)/);
    assert.match(uri, /[?&]period=30(&|$)/);
    const parsed = URI.parse(uri);
    assert.equal(parsed.issuer, 'Guichet');
    assert.equal(parsed.label, 'DEMO:demo.accounts');
    assert.equal(parsed.secret.base32, secret);
    // What the app will show is what the server accepts.
    const now = new Date('2026-03-01T09:00:00Z');
    assert.equal(parsed.generate({ timestamp: now.getTime() }), generateCode({ base32: secret }, now));
  });

  test('steps are whole periods since the epoch', () => {
    assert.equal(totpStep(new Date(0)), 0);
    assert.equal(totpStep(new Date(29_999)), 0);
    assert.equal(totpStep(new Date(30_000)), 1);
    assert.equal(totpStep(new Date(59_000)), 1);
    assert.equal(totpStep(new Date(1111111109_000)), 37037036);
    assert.equal(totpStep(new Date(20000000000_000)), 666666666);
    assert.equal(totpStep(new Date(120_000), 60), 2);
  });
});

describe('verifyTotp', () => {
  // A fixed secret and time keep these tests deterministic (no chance coincidence between steps' codes).
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  // Mid-step, so that ±30 s lands exactly one step away.
  const now = new Date('2026-03-01T09:00:15Z');
  const step = totpStep(now);
  const at = (deltaSteps: number) => new Date(now.getTime() + deltaSteps * TOTP_PERIOD_S * 1000);
  const codeAt = (deltaSteps: number) => generateCode({ base32: secret }, at(deltaSteps));

  test('accepts the current, the previous and the next step and says which it matched', () => {
    assert.deepEqual(verifyTotp(secret, codeAt(0), now, null), { ok: true, step });
    assert.deepEqual(verifyTotp(secret, codeAt(-1), now, null), { ok: true, step: step - 1 });
    assert.deepEqual(verifyTotp(secret, codeAt(1), now, null), { ok: true, step: step + 1 });
  });

  test('refuses codes two steps away or more', () => {
    const accepted = [-1, 0, 1].map(codeAt);
    for (const delta of [-2, 2, -10, 10]) {
      const code = codeAt(delta);
      assert.ok(!accepted.includes(code), 'the fixture codes differ');
      assert.deepEqual(verifyTotp(secret, code, now, null), { ok: false, reason: 'wrong' }, `delta ${delta}`);
    }
  });

  test('refuses a code of another secret', () => {
    const code = generateCode({ base32: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }, now);
    assert.ok(![-1, 0, 1].map(codeAt).includes(code), 'the fixture codes differ');
    assert.deepEqual(verifyTotp(secret, code, now, null), { ok: false, reason: 'wrong' });
  });

  test('a code is accepted once: the same step again is a replay', () => {
    const first = verifyTotp(secret, codeAt(0), now, null);
    assert.ok(first.ok);
    assert.deepEqual(verifyTotp(secret, codeAt(0), now, first.step), { ok: false, reason: 'replayed' });
    // Still a replay a few seconds later, within the same step or the next.
    assert.deepEqual(verifyTotp(secret, codeAt(0), at(1), first.step), { ok: false, reason: 'replayed' });
  });

  test('a code of a step before the last used one is a replay', () => {
    // The next step's code was used (clock ahead); the current step's code is then refused.
    assert.deepEqual(verifyTotp(secret, codeAt(0), now, step + 1), { ok: false, reason: 'replayed' });
    assert.deepEqual(verifyTotp(secret, codeAt(-1), now, step), { ok: false, reason: 'replayed' });
  });

  test('after a code is used, the code of a later step is still accepted', () => {
    assert.deepEqual(verifyTotp(secret, codeAt(1), now, step), { ok: true, step: step + 1 });
    assert.deepEqual(verifyTotp(secret, codeAt(0), now, step - 1), { ok: true, step });
  });

  test('a wrong code is reported as wrong even when a step was used', () => {
    const wrong = String((Number(codeAt(0)) + 500_000) % 1_000_000).padStart(6, '0');
    assert.ok(![-1, 0, 1].map(codeAt).includes(wrong), 'the fixture codes differ');
    assert.deepEqual(verifyTotp(secret, wrong, now, step), { ok: false, reason: 'wrong' });
  });

  test('refuses anything but six ASCII digits', () => {
    const code = codeAt(0);
    const fullWidth = [...code].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    const arabicIndic = [...code].map((d) => String.fromCharCode(0x0660 + Number(d))).join('');
    for (const input of [
      'abc123',
      '12345',
      '1234567',
      '',
      '      ',
      fullWidth,
      arabicIndic,
      `${code}0`,
      `-${code.slice(1)}`,
      `${code}\u0000`,
      '12345e',
    ]) {
      assert.deepEqual(verifyTotp(secret, input, now, null), { ok: false, reason: 'malformed' }, JSON.stringify(input));
    }
  });

  test('accepts codes typed with spaces, as apps show them', () => {
    const code = codeAt(0);
    assert.deepEqual(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null), { ok: true, step });
    assert.deepEqual(verifyTotp(secret, ` ${code} `, now, null), { ok: true, step });
    // '123 456' is well formed: it is judged on the code (here wrong), never as malformed.
    assert.ok(![-1, 0, 1].map(codeAt).includes('123456'), 'the fixture codes differ');
    assert.deepEqual(verifyTotp(secret, '123 456', now, null), { ok: false, reason: 'wrong' });
  });
});

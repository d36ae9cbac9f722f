import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './policy.ts';

const identity = { userid: 'marie', pspid: 'ACMESHOP' };
const problems = (password: string, who = identity) => passwordProblems(password, who);

describe('password length (code points)', () => {
  test('12 is enough, 11 is too short', () => {
    assert.equal(PASSWORD_MIN_LENGTH, 12);
    assert.deepEqual(problems('tulipe7Brume'), []);
    assert.deepEqual(problems('tulipe7Brum'), ['too_short']);
  });

  test('128 is allowed, 129 is too long', () => {
    assert.equal(PASSWORD_MAX_LENGTH, 128);
    const base = 'k7'.repeat(64);
    assert.equal(base.length, 128);
    assert.deepEqual(problems(base), []);
    assert.deepEqual(problems(`${base}x`), ['too_long']);
  });

  test('an emoji counts as one character, not as its two UTF-16 units', () => {
    const elevenAndEmoji = 'tulipe7Brum🌷';
    assert.equal(elevenAndEmoji.length, 13);
    assert.deepEqual(problems(elevenAndEmoji), []);
    const tenAndEmoji = 'tulipe7Bru🌷';
    assert.equal(tenAndEmoji.length, 12, 'twelve UTF-16 units…');
    assert.deepEqual(problems(tenAndEmoji), ['too_short'], '…but eleven characters');
    const emoji128 = `${'k7'.repeat(63)}🌷🌷`;
    assert.equal(emoji128.length, 130);
    assert.deepEqual(problems(emoji128), []);
    assert.deepEqual(problems(`${emoji128}🌷`), ['too_long']);
  });

  test('spaces are kept as typed: they count, and are never trimmed', () => {
    assert.deepEqual(problems('  abc 12345  '), []);
    assert.deepEqual(problems(' abc 12345 '), ['too_short'], 'eleven characters with the spaces');
    assert.deepEqual(problems('correct horse 7 battery'), []);
  });
});

describe('password composition', () => {
  test('needs a letter, and any script counts as a letter', () => {
    assert.deepEqual(problems('123456789012345'), ['needs_letter']);
    assert.deepEqual(problems('1234-5678-9012-!?'), ['needs_letter']);
    assert.deepEqual(problems('été 2026 à Liège'), []);
    assert.deepEqual(problems('пароль 2026 год'), []);
    assert.deepEqual(problems('東京タワー 1958 年 333m'), []);
  });

  test('needs a digit 0-9 (other numerals do not count)', () => {
    assert.deepEqual(problems('tulipes et brumes'), ['needs_digit']);
    assert.deepEqual(problems('tulipes et brumes ٣'), ['needs_digit'], 'an Arabic-Indic digit is not 0-9');
    assert.deepEqual(problems('tulipes et brumes 0'), []);
  });

  test('several problems are all reported', () => {
    assert.deepEqual(problems(''), ['too_short', 'needs_letter', 'needs_digit']);
    assert.deepEqual(problems('!!!'), ['too_short', 'needs_letter', 'needs_digit']);
  });
});

describe('common passwords', () => {
  const list = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);

  test('the shipped list has 10,000 distinct lowercase entries', () => {
    assert.ok(list.length >= 10_000, `${list.length} entries`);
    assert.equal(new Set(list).size, list.length);
    assert.ok(list.every((entry) => entry === entry.toLowerCase() && entry === entry.trim()));
    assert.equal(list[0], '123456');
    assert.equal(list[1], 'password');
  });

  test('entries of the list are refused whatever their case, even when long enough', () => {
    for (const common of ['qwerty123456', 'Qwerty123456', 'QWERTY123456', '1q2w3e4r5t6y', '123qweasdzxc', '1qaz2wsx3edc']) {
      assert.deepEqual(problems(common), ['too_common'], common);
    }
    assert.deepEqual(problems('Password'), ['too_short', 'needs_digit', 'too_common']);
    assert.ok(isCommonPassword('iloveyou'));
  });

  test('the whole list is loaded, down to its last entry', () => {
    const last = list.at(-1) ?? '';
    assert.ok(isCommonPassword(last), last);
    assert.ok(list.slice(-100).every((entry) => isCommonPassword(entry)));
  });

  test('a password is not common just because it contains a common one, nor once padded', () => {
    assert.ok(!isCommonPassword('qwerty123456 tulipe'));
    assert.ok(!isCommonPassword(' qwerty123456'));
    assert.deepEqual(problems(' qwerty123456'), []);
  });
});

describe('password and identity', () => {
  test('equal to the USERID or the PSPID, whatever the case', () => {
    const longIds = { userid: 'marie.dupont42', pspid: 'ACMESHOP2026' };
    assert.deepEqual(problems('Marie.Dupont42', longIds), ['same_as_identity']);
    assert.deepEqual(problems('acmeshop2026', longIds), ['same_as_identity']);
  });

  test('containing an identity of 4 characters or more', () => {
    assert.deepEqual(problems('my acmeshop 2026'), ['same_as_identity']);
    assert.deepEqual(problems('1984MARIE-tulip'), ['same_as_identity']);
    assert.deepEqual(problems('tulipe7Brume', { userid: 'brum', pspid: 'SHOP' }), ['same_as_identity']);
  });

  test('a short identity only counts when equal, not when contained', () => {
    const short = { userid: 'bob', pspid: 'ab1' };
    assert.deepEqual(problems('bobby tables 2026', short), []);
    assert.deepEqual(problems('tulipe7Brume ab1', short), []);
    assert.deepEqual(problems('AB1', short), ['too_short', 'same_as_identity']);
  });

  test('an empty identity matches nothing', () => {
    assert.deepEqual(problems('tulipe7Brume', { userid: '', pspid: '' }), []);
  });
});

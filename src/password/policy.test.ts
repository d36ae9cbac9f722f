import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translator } from '../i18n/catalogue.ts';
import type { PasswordOwner } from './policy.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems, passwordRefusal, userInputsOf } from './policy.ts';
import { MIN_STRENGTH_SCORE, passwordStrength } from './strength.ts';
import { WEAK_PASSWORDS_OF_ISSUE_8 } from './test-fixtures.ts';

const owner: PasswordOwner = { userid: 'marie', pspid: 'ACMESHOP' };
const problems = (password: string, who: PasswordOwner = owner) => passwordProblems(password, who);

/** 128 characters that are neither a repetition nor a pattern. */
const LONG =
  'Quatre grenouilles vertes 7 dansent sous la pluie de novembre, pendant que le vieux phare 42 clignote au loin sur la mer calme!!';

describe('password length (code points)', () => {
  test('12 is enough, 11 is too short', async () => {
    assert.equal(PASSWORD_MIN_LENGTH, 12);
    assert.deepEqual(await problems('tulipe7Brume'), []);
    assert.deepEqual(await problems('tulipe7Brum'), ['too_short']);
  });

  test('128 is allowed, 129 is too long', async () => {
    assert.equal(PASSWORD_MAX_LENGTH, 128);
    assert.equal([...LONG].length, 128);
    assert.deepEqual(await problems(LONG), []);
    assert.deepEqual(await problems(`${LONG}x`), ['too_long']);
  });

  test('an emoji counts as one character, not as its two UTF-16 units', async () => {
    const elevenAndEmoji = 'tulipe7Brum🌷';
    assert.equal(elevenAndEmoji.length, 13);
    assert.deepEqual(await problems(elevenAndEmoji), []);
    const tenAndEmoji = 'tulipe7Bru🌷';
    assert.equal(tenAndEmoji.length, 12, 'twelve UTF-16 units…');
    assert.deepEqual(await problems(tenAndEmoji), ['too_short'], '…but eleven characters');
    const emoji128 = `${LONG.slice(0, 126)}🌷🌷`;
    assert.equal(emoji128.length, 130);
    assert.deepEqual(await problems(emoji128), []);
    assert.deepEqual(await problems(`${emoji128}🌷`), ['too_long']);
  });

  test('spaces are kept as typed: they count, and are never trimmed', async () => {
    assert.deepEqual(await problems('  abc 12345  '), []);
    assert.deepEqual(await problems(' abc 12345 '), ['too_short'], 'eleven characters with the spaces');
    assert.deepEqual(await problems('correct horse 7 battery'), []);
  });

  test('length is counted on the NFKC form: a decomposed é is one character', async () => {
    assert.deepEqual(await problems('Cafe\u0301-cre\u0300me'), ['too_short', 'needs_digit'], 'ten characters once composed');
  });
});

describe('password composition', () => {
  test('needs a letter, and any script counts as a letter', async () => {
    assert.deepEqual(await problems('123456789012345'), ['needs_letter']);
    assert.deepEqual(await problems('1234-5678-9012-!?'), ['needs_letter']);
    assert.deepEqual(await problems('été 2026 à Liège'), []);
    assert.deepEqual(await problems('пароль 2026 год'), []);
    assert.deepEqual(await problems('東京タワー 1958 年 333m'), []);
  });

  test('needs a digit 0-9 (other numerals do not count)', async () => {
    assert.deepEqual(await problems('tulipes et brumes'), ['needs_digit']);
    assert.deepEqual(await problems('tulipes et brumes ٣'), ['needs_digit'], 'an Arabic-Indic digit is not 0-9');
    assert.deepEqual(await problems('tulipes et brumes 0'), []);
  });

  test('several problems are all reported', async () => {
    assert.deepEqual(await problems(''), ['too_short', 'needs_letter', 'needs_digit']);
    assert.deepEqual(await problems('!!!'), ['too_short', 'needs_letter', 'needs_digit']);
  });
});

describe('strength (zxcvbn with common, English and French dictionaries; issue 8 item 6)', () => {
  // Each passes the length, letter and digit rules, and was accepted before.
  const weak = [...WEAK_PASSWORDS_OF_ISSUE_8, 'Azerty123456', 'Motdepasse2024', 'P@ssw0rd2024', 'qwerty123456', '1qaz2wsx3edc'];
  for (const password of weak) {
    test(`${password} is too weak, with a reason and advice`, async () => {
      assert.deepEqual(await problems(password), ['too_weak']);
      const strength = await passwordStrength(password, []);
      assert.ok(strength.score < MIN_STRENGTH_SCORE, `score ${strength.score}`);
      assert.ok(strength.suggestions.length > 0);
    });
  }

  test('four uncommon words with a digit are strong enough, in English or in French', async () => {
    for (const passphrase of [
      'lampe verte nuage 4 mardi',
      'copper kettle orbit 7 meadow',
      'Soleil-Rivage-Monde-7',
      'Tulip-garden-2026',
    ]) {
      assert.deepEqual(await problems(passphrase), [], passphrase);
    }
  });

  test('the reason and the advice are translated, never zxcvbn’s English', async () => {
    const refusal = await passwordRefusal('password1234', owner);
    assert.ok(refusal);
    assert.equal(
      translator('en').message(refusal),
      'This password is too easy to guess. It is close to a commonly used password. Add more words that are less common.',
    );
    assert.equal(
      translator('fr').message(refusal),
      'Ce mot de passe est trop facile à deviner. Il ressemble à un mot de passe couramment utilisé. Ajoutez des mots moins courants.',
    );
    const repeated = await passwordRefusal('Aa1Aa1Aa1Aa1', owner);
    assert.ok(repeated);
    assert.equal(
      translator('fr').message(repeated),
      'Ce mot de passe est trop facile à deviner. Il répète un groupe de caractères, comme « abcabcabc ». Ajoutez des mots moins courants. Évitez les mots et les caractères répétés.',
    );
  });
});

describe('password and identity', () => {
  test('equal to the USERID or the PSPID, whatever the case', async () => {
    const longIds = { userid: 'marie.dupont42', pspid: 'ACMESHOP2026' };
    assert.deepEqual(await problems('Marie.Dupont42', longIds), ['same_as_identity']);
    assert.deepEqual(await problems('acmeshop2026', longIds), ['same_as_identity']);
  });

  test('containing an identity of 4 characters or more', async () => {
    assert.deepEqual(await problems('my acmeshop 2026'), ['same_as_identity']);
    assert.deepEqual(await problems('1984MARIE-tulip'), ['same_as_identity']);
    assert.deepEqual(await problems('tulipe7Brume', { userid: 'brum', pspid: 'SHOP' }), ['same_as_identity']);
  });

  test('a short identity only counts when equal, not when contained', async () => {
    const short = { userid: 'bob', pspid: 'ab1' };
    assert.deepEqual(await problems('bobby tables 2026', short), []);
    assert.deepEqual(await problems('tulipe7Brume ab1', short), []);
    assert.deepEqual(await problems('AB1', short), ['too_short', 'same_as_identity']);
  });

  test('an empty identity matches nothing', async () => {
    assert.deepEqual(await problems('tulipe7Brume', { userid: '', pspid: '' }), []);
  });

  test('the USERID and PSPID inside a password lower its strength', async () => {
    const password = 'Zorvex-Quillan-2026';
    const inputs = userInputsOf({ userid: 'zorvex', pspid: 'QUILLAN' });
    const alone = await passwordStrength(password, []);
    const withThem = await passwordStrength(password, inputs);
    assert.ok(withThem.guessesLog10 < alone.guessesLog10 - 3, `${withThem.guessesLog10} < ${alone.guessesLog10}`);
    assert.deepEqual(await problems(password), [], 'strong for someone else');
    assert.deepEqual(await problems(password, { userid: 'zorvex', pspid: 'QUILLAN' }), ['same_as_identity']);
    assert.deepEqual(await problems('Zorvex-Quillan-2026', { userid: 'zor', pspid: 'QUI', companyName: 'Zorvex Quillan' }), [
      'too_weak',
    ]);
  });

  test('the company and trade names, the name and the e-mail address count as known words', async () => {
    const company: PasswordOwner = {
      userid: 'jdoe',
      pspid: 'SHOP42',
      companyName: 'Brasserie Vandermeulen SPRL',
      tradeName: 'Kwakkelbier',
      name: 'Jozefien Achterberg',
      email: 'jozefien.achterberg@zwalmvallei.example',
    };
    for (const password of [
      'Vandermeulen-Kwakkelbier-2026',
      'Kwakkelbier-Brasserie-9',
      'Jozefien-Achterberg-77',
      'zwalmvallei-Jozefien-5',
    ]) {
      assert.deepEqual(await problems(password, { userid: 'jdoe', pspid: 'SHOP42' }), [], `${password} alone is strong`);
      assert.deepEqual(await problems(password, company), ['too_weak'], `${password} is weak for this user`);
    }
    const refusal = await passwordRefusal('Kwakkelbier-Brasserie-9', company);
    assert.ok(translator('en').message(refusal!).includes('your USERID, PSPID, company name, name or e-mail address'));
  });
});

import type { TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Message } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';

/**
 * How hard a password is to guess, by zxcvbn (`@zxcvbn-ts/core` 4 with its common, English and
 * French dictionaries: common passwords, words, names, keyboard patterns, sequences, repeats,
 * dates, l33t spellings), and its feedback as catalogue messages (decision record 0019).
 */

/**
 * The lowest zxcvbn score accepted (0–4; 3 = about 10^8 guesses or more). It refuses
 * `Password1234`, `Azerty123456`, `Welcome12345` (score 1) and `Motdepasse2024` (2), and accepts
 * four uncommon words with a digit (4) (DESIGN.md, measured with these dictionaries).
 */
export const MIN_STRENGTH_SCORE = 3;

/**
 * zxcvbn judges the first 64 characters only: a longer password is not weaker than its first 64,
 * and its l33t matching grows steeply with length (a 128-character `p4ssw0rd…` took 1.8 s of CPU
 * with the defaults, about 0.2 s like this).
 */
const CHECKED_LENGTH = 64;
/** At most this many l33t substitutions are tried (default 100): the same scores, a tenth of the time. */
const L33T_MAX_SUBSTITUTIONS = 10;

export type WarningKey = keyof TranslationKeys['warnings'];
export type SuggestionKey = keyof TranslationKeys['suggestions'];

/** zxcvbn's verdict: score 0–4, log10 of the guesses needed, and its feedback as its own keys. */
export type Strength = {
  score: 0 | 1 | 2 | 3 | 4;
  guessesLog10: number;
  warning: WarningKey | null;
  suggestions: SuggestionKey[];
};

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * The estimator, built once per process on first use, not at start-up: its dictionaries take
 * about 0.5 s of CPU to load and index and about 37 MB of heap, which only a password change needs.
 */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, fr] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-fr'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
      graphs: common.adjacencyGraphs,
      maxLength: CHECKED_LENGTH,
      l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    });
  })();
  return estimator;
}

/**
 * The strength of a password (as it will be stored: the caller normalises it), knowing the
 * `userInputs` an attacker would try first (the user's identifiers, names, e-mail address):
 * each found in the password counts as one guess. Without translations, zxcvbn's feedback is
 * its keys, which `weakPasswordMessage` turns into our texts.
 */
export async function passwordStrength(password: string, userInputs: readonly string[]): Promise<Strength> {
  const zxcvbn = await loadEstimator();
  const result = zxcvbn.check(password, [...userInputs]);
  return {
    score: result.score,
    guessesLog10: result.guessesLog10,
    warning: result.feedback.warning as WarningKey | null,
    suggestions: result.feedback.suggestions as SuggestionKey[],
  };
}

/**
 * "This password is too easy to guess." with zxcvbn's reason, when it gives one, and its advice,
 * each in the reader's language. Advice always comes: "use several words" when zxcvbn has none.
 */
export function weakPasswordMessage(strength: Pick<Strength, 'warning' | 'suggestions'>): Message {
  const keys = [...new Set(strength.suggestions)];
  const sentences = (keys.length > 0 ? keys : (['useWords'] as const)).map((key) => message(`password.weak.advice.${key}`));
  const advice = sentences.reduceRight((next, first) => message('password.weak.then', { first, next }));
  return strength.warning
    ? message('password.problem.too_weak', { reason: message(`password.weak.reason.${strength.warning}`), advice })
    : message('password.problem.too_weak_advice', { advice });
}

import type { Message } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import { normalizePassword } from '../lib/password-hash.ts';
import type { Strength } from './strength.ts';
import { MIN_STRENGTH_SCORE, passwordStrength, weakPasswordMessage } from './strength.ts';

/**
 * The rules a new password must follow (PRODUCT.md B1, DESIGN.md security baseline, decision
 * record 0019): 12 to 128 characters with a letter and a digit (PCI DSS v4.0.1 8.3.6), not the
 * USERID or PSPID, and hard to guess by zxcvbn, which also knows the user's own identifiers,
 * names and e-mail address (NIST SP 800-63B 5.1.1.2). Whether it was used before is the
 * service's to say (service.ts, password history).
 */

/** Length bounds, in Unicode code points of the NFKC form. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letter' | 'needs_digit' | 'same_as_identity' | 'too_weak';

/**
 * Whose password it is: what an attacker who knows the user would try first. The USERID and
 * PSPID may not be in the password at all; every value here, and each of its words, makes a
 * password weaker when it contains them.
 */
export type PasswordOwner = {
  userid: string;
  pspid: string;
  name?: string | null;
  email?: string | null;
  companyName?: string;
  tradeName?: string;
};

/** Identities shorter than this only count when the password equals them, not when it contains them. */
const IDENTITY_CONTAINED_MIN_LENGTH = 4;
/** Words of the owner's names shorter than this are not worth telling zxcvbn. */
const USER_INPUT_MIN_LENGTH = 3;

/**
 * What is wrong with a new password, in a stable order; empty when it is acceptable. The password
 * is judged as it will be stored: NFKC-normalised (src/lib/password-hash.ts), never trimmed.
 * The strength is estimated only once the other rules hold (their messages say more, and cost
 * nothing), so `too_weak` comes alone; `strength` is given whenever it was estimated.
 */
export async function judgePassword(
  password: string,
  owner: PasswordOwner,
): Promise<{ problems: PasswordProblem[]; strength?: Strength }> {
  const normalized = normalizePassword(password);
  const problems = ruleProblems(normalized, owner);
  if (problems.length > 0) return { problems };
  const inputs = userInputsOf(owner);
  const strength = await passwordStrength(normalized, inputs);
  if (strength.score < MIN_STRENGTH_SCORE) return { problems: ['too_weak'], strength };
  // zxcvbn counts a known word as a few dozen guesses, so "Company-Tradename-2026" still scores 4:
  // what is left without the owner's own words must be strong enough by itself.
  const rest = withoutKnownWords(normalized, inputs);
  if (rest === null) return { problems: [], strength };
  const restStrength = await passwordStrength(rest, inputs);
  if (restStrength.score >= MIN_STRENGTH_SCORE) return { problems: [], strength };
  return { problems: ['too_weak'], strength: { ...restStrength, warning: 'userInputs', suggestions: ['anotherWord'] } };
}

/**
 * The password, lowercased, with every known word of 4 characters or more taken out (longest
 * first); null when it contains none.
 */
function withoutKnownWords(password: string, inputs: readonly string[]): string | null {
  const words = inputs.filter((word) => [...word].length >= IDENTITY_CONTAINED_MIN_LENGTH).sort((a, b) => b.length - a.length);
  let rest = password.toLowerCase();
  for (const word of words) rest = rest.replaceAll(word, ' ');
  return rest === password.toLowerCase() ? null : rest;
}

/** The problems of `judgePassword`, alone. */
export async function passwordProblems(password: string, owner: PasswordOwner): Promise<PasswordProblem[]> {
  return (await judgePassword(password, owner)).problems;
}

/**
 * The message shown beside the new-password field, or null when the password is acceptable: the
 * first problem's, and for a weak password zxcvbn's reason and advice in the reader's language.
 */
export async function passwordRefusal(password: string, owner: PasswordOwner): Promise<Message | null> {
  const { problems, strength } = await judgePassword(password, owner);
  const [first] = problems;
  if (!first) return null;
  if (first === 'too_weak') return weakPasswordMessage(strength ?? { warning: null, suggestions: [] });
  return message(`password.problem.${first}`);
}

/** Length (code points), a letter of any script, a digit 0–9, and not the USERID or PSPID. */
function ruleProblems(password: string, owner: PasswordOwner): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/\p{L}/u.test(password)) problems.push('needs_letter');
  if (!/[0-9]/.test(password)) problems.push('needs_digit');
  if (matchesIdentity(password, owner)) problems.push('same_as_identity');
  return problems;
}

function matchesIdentity(password: string, owner: PasswordOwner): boolean {
  const lowered = password.toLowerCase();
  return [owner.userid, owner.pspid].some((name) => {
    if (name === '') return false;
    const candidate = normalizePassword(name).toLowerCase();
    if (lowered === candidate) return true;
    return [...candidate].length >= IDENTITY_CONTAINED_MIN_LENGTH && lowered.includes(candidate);
  });
}

/**
 * zxcvbn's user inputs for an owner: each value whole (NFKC), and each of its words of 3
 * characters or more, so "Brasserie Vandermeulen SPRL" makes `vandermeulen` a known word and
 * `anne.dupont@acme.example` makes `anne`, `dupont` and `acme` known too.
 */
export function userInputsOf(owner: PasswordOwner): string[] {
  const values = [owner.userid, owner.pspid, owner.name, owner.companyName, owner.tradeName, owner.email];
  const inputs = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    const normalized = normalizePassword(value).toLowerCase();
    inputs.add(normalized);
    for (const word of normalized.split(/[^\p{L}\p{M}\p{N}]+/u)) {
      if ([...word].length >= USER_INPUT_MIN_LENGTH) inputs.add(word);
    }
  }
  return [...inputs];
}

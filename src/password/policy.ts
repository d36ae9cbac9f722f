import { readFileSync } from 'node:fs';

/** Length bounds, in Unicode code points. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letter' | 'needs_digit' | 'too_common' | 'same_as_identity';

/** Identities shorter than this only count when the password equals them, not when it contains them. */
const IDENTITY_CONTAINED_MIN_LENGTH = 4;

/**
 * What is wrong with a new password, in a stable order; empty when it is acceptable. The password is
 * judged exactly as typed: never trimmed or normalised.
 */
export function passwordProblems(password: string, identity: { userid: string; pspid: string }): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/\p{L}/u.test(password)) problems.push('needs_letter');
  if (!/[0-9]/.test(password)) problems.push('needs_digit');
  if (isCommonPassword(password)) problems.push('too_common');
  if (matchesIdentity(password, identity)) problems.push('same_as_identity');
  return problems;
}

function matchesIdentity(password: string, identity: { userid: string; pspid: string }): boolean {
  const lowered = password.toLowerCase();
  return [identity.userid, identity.pspid].some((name) => {
    if (name === '') return false;
    const candidate = name.toLowerCase();
    if (lowered === candidate) return true;
    return [...name].length >= IDENTITY_CONTAINED_MIN_LENGTH && lowered.includes(candidate);
  });
}

let commonPasswords: Set<string> | undefined;

/** True when the password, lowercased, is one of the 10,000 most common (common-passwords.txt). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= loadCommonPasswords();
  return commonPasswords.has(password.toLowerCase());
}

function loadCommonPasswords(): Set<string> {
  const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
  return new Set(text.split('\n').filter((line) => line !== ''));
}

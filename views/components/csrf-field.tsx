import { CSRF_FIELD } from '../../src/forms/csrf.ts';

/** The hidden field every POST form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

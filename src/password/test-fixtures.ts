import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import type { Harness } from '../test/harness.ts';
import { signIn } from '../test/harness.ts';

/* What the password route tests share: a signed-in administrator on the page, and the change form posted. */

/** A new account's administrator, signed in, on Configuration > Password. */
export async function onPasswordPage(h: Pick<Harness, 'app' | 'db' | 'clock'>) {
  const { user: admin, browser } = await signIn(h);
  await browser.get(paths.password.change('test'));
  return { admin, browser };
}

/** Posts the change form; the confirmation is the new password unless given. */
export function changePassword(browser: TestBrowser, form: { current?: string; next: string; confirmation?: string }) {
  return browser.post(paths.password.change('test'), {
    current: form.current ?? null,
    next: form.next,
    confirmation: form.confirmation ?? form.next,
  });
}

/** The passwords issue 8 (item 6) found accepted: each passes the length, letter and digit rules. */
export const WEAK_PASSWORDS_OF_ISSUE_8 = [
  'password1234',
  'Password1234',
  'Welcome12345',
  'qwerty1234567',
  'abc123abc123',
  'iloveyou1234',
  'Aa1Aa1Aa1Aa1',
] as const;

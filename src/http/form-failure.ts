import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { FieldErrors, FormValues } from '../forms/parse.ts';
import type { Message } from '../i18n/catalogue.ts';
import { isMessageKey } from '../i18n/catalogue.ts';
import { openSecret, sealSecret } from '../lib/secret-box.ts';
import type { AppEnv, Deps } from './context.ts';
import { COOKIES, readCookie, writeCookie } from './cookies.ts';
import { FAILURE_PARAM, landsInHistory, wantsFragment } from './render.ts';

/**
 * Post/Redirect/Get for refused forms too (decision record 0006). A refused form that would
 * land in the browser's history (a plain form without JavaScript, or a boosted htmx post) is
 * not answered in place: its failure is kept in a short-lived sealed cookie and the browser is
 * sent (303) to the form's own page with `?failed=<mark>`, which shows the same problems and
 * what was typed. So Back never meets a "resubmit the form?" page, the address bar shows a page
 * that reloads as itself (with what was typed), and nothing is posted twice. A fragment request
 * (htmx swapping a part of the page) is answered in place, its failure kept the same way, and
 * htmx is told to show the marked page's address (`HX-Replace-Url`): a reload shows this
 * refusal, never the page's earlier one nor a form emptied of what was typed.
 */

/** The query parameter that names the kept failure a page shows. */
export { FAILURE_PARAM };
/** How long a kept failure can be shown again (a reload, Back): ten minutes. */
export const FAILURE_TTL_S = 600;
/** A failure too big for a cookie (a huge pasted value) is answered in place instead. */
const MAX_SEALED_CHARS = 3800;

/** What a refused form needs to be shown again; only texts and catalogue keys, never secrets. */
export type FormFailure = {
  /** Which form failed: its definition's id, or the name its page gives it (a page may have several forms). */
  form: string;
  /** Problems by field name. */
  errors: FieldErrors;
  /** What was typed, by field name (parseForm never keeps secrets here). */
  values: FormValues;
  /** A problem of the whole action (a rule it broke), shown above the form. */
  refusal?: Message;
  /** A stale edit: the page shows the record as saved now above the form. */
  conflict?: boolean;
  /** The status the page answers with: 422 a refused form, 409 a stale edit, 429 too many attempts. */
  status: 409 | 422 | 429;
};

type Kept = { v: 1; mark: string; path: string; until: number; failure: FormFailure };

type Render = (failure: FormFailure) => Response | Promise<Response>;

/** The sealed cookie belongs to this browser's session (or pre-login token): another session cannot open it. */
const sealContext = <E extends AppEnv>(c: Context<E>) => `form-failure:${c.var.csrfToken ?? ''}`;

/**
 * Answers a refused form. The failure is kept for FAILURE_TTL_S in a cookie sealed with the
 * server key, under `page` (the form's GET address, its query kept) marked `?failed=<mark>`;
 * then a 303 to that address, or for a fragment request the answer in place
 * (`render(failure)`) with `HX-Replace-Url` set to it. A client that keeps no history, and a
 * failure too big for a cookie, get the answer in place with nothing kept.
 */
export function answerFailure<E extends AppEnv>(
  c: Context<E>,
  deps: Deps,
  failure: FormFailure,
  where: { page: string; render: Render },
): Response | Promise<Response> {
  const fragment = wantsFragment(c);
  if (!fragment && !landsInHistory(c)) return where.render(failure);
  const marked = keepFailure(c, deps, failure, where.page);
  if (!marked) return where.render(failure);
  if (!fragment) return c.redirect(marked, 303);
  // The bar still shows the page the fragment is on, perhaps with an earlier refusal's mark.
  c.header('HX-Replace-Url', marked);
  return where.render(failure);
}

/** Keeps `failure` in the sealed cookie; the marked address of `page` that shows it, or undefined when too big. */
function keepFailure<E extends AppEnv>(c: Context<E>, deps: Deps, failure: FormFailure, page: string): string | undefined {
  const mark = randomBytes(9).toString('base64url');
  const target = new URL(page, 'http://guichet.invalid');
  const kept: Kept = {
    v: 1,
    mark,
    path: target.pathname,
    until: deps.clock.now().getTime() + FAILURE_TTL_S * 1000,
    failure,
  };
  const sealed = sealSecret(deps.secretKey, JSON.stringify(kept), sealContext(c));
  if (sealed.length > MAX_SEALED_CHARS) return undefined;
  writeCookie(c, deps.config, COOKIES.form, sealed, { maxAgeSeconds: FAILURE_TTL_S });
  target.searchParams.set(FAILURE_PARAM, mark);
  return `${target.pathname}${target.search}`;
}

/**
 * The failure this GET must show again: the one kept for this address and the `?failed=` mark
 * of its URL, still fresh, sealed for this session. Undefined otherwise (the page then shows
 * the form afresh). Not consumed: a reload shows it again.
 */
export function restoreFailure<E extends AppEnv>(c: Context<E>, deps: Deps, form?: string): FormFailure | undefined {
  const mark = c.req.query(FAILURE_PARAM);
  const sealed = mark ? readCookie(c, deps.config, COOKIES.form) : undefined;
  if (!mark || !sealed) return undefined;
  let kept: Kept;
  try {
    kept = JSON.parse(openSecret(deps.secretKey, sealed, sealContext(c))) as Kept;
  } catch {
    return undefined;
  }
  if (kept.v !== 1 || kept.mark !== mark || kept.path !== c.req.path || kept.until < deps.clock.now().getTime()) {
    return undefined;
  }
  const { failure } = kept;
  if (form !== undefined && failure.form !== form) return undefined;
  // Written by an earlier version of the catalogue: a key that no longer exists is left out.
  const errors = Object.fromEntries(Object.entries(failure.errors ?? {}).filter(([, problem]) => known(problem)));
  return {
    ...failure,
    errors,
    values: failure.values ?? {},
    refusal: known(failure.refusal) ? failure.refusal : undefined,
  };
}

const known = (problem: Message | undefined): problem is Message => typeof problem?.key === 'string' && isMessageKey(problem.key);

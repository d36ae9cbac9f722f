import type { Context } from 'hono';
import type { Child } from 'hono/jsx';

/** True for an htmx request that wants a fragment: not a boosted navigation, not a history restore. */
export function wantsFragment(c: Context): boolean {
  return (
    c.req.header('HX-Request') === 'true' &&
    c.req.header('HX-Boosted') !== 'true' &&
    c.req.header('HX-History-Restore-Request') !== 'true'
  );
}

/** True for a request htmx sent for a boosted link or form (hx-boost on the body): its answer replaces the page. */
export function isBoosted(c: Context): boolean {
  return c.req.header('HX-Request') === 'true' && c.req.header('HX-Boosted') === 'true';
}

/**
 * True when the answer to this request becomes an entry of the browser's history: a boosted
 * htmx request (htmx pushes its address), or a plain navigation (a form submitted without
 * JavaScript: `Sec-Fetch-Mode: navigate`). A fetch for a fragment, or a client that says
 * neither (scripts, tests, browsers without fetch metadata), gets its answer in place.
 */
export function landsInHistory(c: Context): boolean {
  if (c.req.header('HX-Request') === 'true') return isBoosted(c);
  return c.req.header('Sec-Fetch-Mode') === 'navigate';
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The query parameter that marks the page of a refused form (src/http/form-failure.ts). */
export const FAILURE_PARAM = 'failed';

/**
 * Says which address the bar shows when a page answers a boosted form post in place (decision
 * record 0006): htmx would show the POST's own address, which a reload turns into a GET (a 404,
 * another page, or the action offered again). `url`, the page's own address, replaces it
 * (HX-Replace-Url); without one, the bar keeps the address of the page the form was on
 * (`HX-Push-Url: false`), which a reload shows again, less its `?failed=` mark when it had one
 * (HX-Replace-Url): an earlier refusal is not what this answer shows. Nothing for other requests.
 */
export function setShownAddress(c: Context, url?: string): void {
  if (SAFE_METHODS.has(c.req.method) || !isBoosted(c)) return;
  const shown = url ?? unmarkedCurrentAddress(c);
  if (shown) c.header('HX-Replace-Url', shown);
  else c.header('HX-Push-Url', 'false');
}

/** The address htmx sent the request from (HX-Current-URL) without its `?failed=` mark; undefined when it had none. */
function unmarkedCurrentAddress(c: Context): string | undefined {
  let current: URL;
  try {
    current = new URL(c.req.header('HX-Current-URL') ?? '');
  } catch {
    return undefined;
  }
  if (!current.searchParams.has(FAILURE_PARAM)) return undefined;
  current.searchParams.delete(FAILURE_PARAM);
  return `${current.pathname}${current.search}`;
}

type PageOptions = {
  fragment?: Child;
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;
  /**
   * The page's own address (a GET that shows it again), for the address bar when this page
   * answers a boosted form post (setShownAddress).
   */
  url?: string;
};

/**
 * One handler, page or fragment: the fragment only for a real htmx request; always `Vary:
 * HX-Request`; the address the bar shows when it answers a boosted post (setShownAddress).
 */
export function page(c: Context, full: Child, options: PageOptions = {}) {
  c.header('Vary', 'HX-Request', { append: true });
  setShownAddress(c, options.url);
  const body = options.fragment !== undefined && wantsFragment(c) ? options.fragment : full;
  return c.html(body as Parameters<typeof c.html>[0], options.status ?? 200);
}

/** Post/Redirect/Get: a 303 for plain forms, HX-Location for htmx forms that swap a fragment. */
export function redirectAfterPost(c: Context, location: string) {
  if (wantsFragment(c)) {
    c.header('HX-Location', location);
    return c.body(null, 204);
  }
  return c.redirect(location, 303);
}

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

type PageOptions = { fragment?: Child; status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 };

/** One handler, page or fragment: the fragment only for a real htmx request; always `Vary: HX-Request`. */
export function page(c: Context, full: Child, options: PageOptions = {}) {
  c.header('Vary', 'HX-Request', { append: true });
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

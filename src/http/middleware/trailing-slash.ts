import { createMiddleware } from 'hono/factory';

/**
 * An address typed with a final slash (`/test/`, `/test/users/`) answers 301 to the same address
 * without it, query string kept, for GET and HEAD; other methods go on to their 404. The
 * Location is a path on this site, never built from the Host header, and leading slashes or
 * backslashes collapse to one so `//evil.example/` cannot become a link to another site.
 */
export function trimTrailingSlash() {
  return createMiddleware(async (c, next) => {
    const { method } = c.req;
    const url = new URL(c.req.url);
    if ((method !== 'GET' && method !== 'HEAD') || url.pathname === '/' || !url.pathname.endsWith('/')) return next();
    const trimmed = url.pathname.replace(/\/+$/, '').replace(/^[/\\]+/, '/') || '/';
    return c.redirect(`${trimmed}${url.search}`, 301);
  });
}

import { getRandomValues } from 'node:crypto';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Deps } from '../context.ts';

/**
 * Gives each request an id and writes one structured line when it ends: method, path (without
 * the query string), status, time, user. Never a body, a cookie, a token, a password or a code.
 */
export function requestLog(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const requestId = encodeHexLowerCase(getRandomValues(new Uint8Array(8)));
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    if (!deps.config.logRequests) return;
    const auth = c.var.auth;
    deps.log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(auth ? { account: auth.account.id, user: auth.user.id } : {}),
    });
  });
}

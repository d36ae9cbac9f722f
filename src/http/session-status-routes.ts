import { Hono } from 'hono';
import { IDLE_TIMEOUT_MS } from '../auth/sessions.ts';
import type { AppEnv, Deps } from './context.ts';

/** The answer of GET /{env}/session/status. */
export type SessionStatus = { signedIn: true; remainingMs: number; idleTimeoutMs: number } | { signedIn: false; remainingMs: 0 };

/**
 * `GET /{env}/session/status` (paths.sessionStatus), JSON: whether this browser's session of the
 * environment is alive and how many milliseconds it has left before it ends, by the idle timeout
 * or by its absolute lifetime, whichever comes first. static/app.js asks it before saying "Your
 * session has ended", since another tab or window may have kept the session alive. Asking does
 * not extend the session: loadSession leaves this path's activity alone (src/http/middleware/session.ts).
 * The last activity is written at most every ACTIVITY_WRITE_INTERVAL_MS, so the answer can be
 * up to that much shorter than the truth, never longer.
 */
export function sessionStatusRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/session/status', (c) => {
    const auth = c.var.auth;
    if (!auth) return c.json({ signedIn: false, remainingMs: 0 } satisfies SessionStatus);
    const now = deps.clock.now().getTime();
    const idleEnd = auth.session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS;
    const remainingMs = Math.max(0, Math.min(idleEnd, auth.session.expiresAt.getTime()) - now);
    return c.json({ signedIn: true, remainingMs, idleTimeoutMs: IDLE_TIMEOUT_MS } satisfies SessionStatus);
  });
  return app;
}

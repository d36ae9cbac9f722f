import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ErrorPage } from '../../views/errors/error-page.tsx';
import { Forbidden, NotFound, RuleBroken, SessionEnded, StaleEdit } from '../errors.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { describeError, isDatabaseUnavailable } from '../lib/describe-error.ts';
import { paths } from '../paths.ts';
import type { AppEnv, Deps } from './context.ts';
import { HttpError } from './errors.ts';
import { setShownAddress, wantsFragment } from './render.ts';
import { safeNext, sameOriginRefererPath } from './safe-next.ts';
import { viewContext } from './view-context.ts';

/** Seconds a client should wait before trying again while the database is unreachable. */
export const RETRY_AFTER_S = 30;

type Known = { status: 400 | 401 | 403 | 404 | 409 | 413 | 422; title: PlainKey; body: PlainKey };

/** Each error a route may let through, and the page it becomes. */
function known(err: Error): Known | null {
  if (err instanceof NotFound) return { status: 404, title: 'error.notFound.title', body: 'error.notFound.body' };
  if (err instanceof Forbidden) return { status: 403, title: 'error.forbidden.title', body: 'error.forbidden.body' };
  if (err instanceof SessionEnded) return { status: 401, title: 'error.session.title', body: 'error.session.body' };
  if (err instanceof StaleEdit) return { status: 409, title: 'error.conflict.title', body: 'error.conflict.body' };
  if (err instanceof RuleBroken) return { status: 422, title: 'error.refused.title', body: 'error.refused.body' };
  if (err instanceof HttpError || (err instanceof HTTPException && err.status === 413)) {
    const kind = err instanceof HttpError ? err.kind : 'tooLarge';
    return { status: err.status as Known['status'], title: `error.${kind}.title`, body: `error.${kind}.body` };
  }
  return null;
}

/**
 * The one place errors become answers (DESIGN.md, request convention 5): a refusal goes back to
 * the form the route registered (onRefusal); other known errors become their page; anything
 * else is a 500 with a request id, logged without the values it was working on.
 */
export function errorFunnel(deps: Deps) {
  return async (err: Error, c: Context<AppEnv>) => {
    c.header('Cache-Control', 'no-store');
    const refusal = c.var.refusal;
    if (refusal && (err instanceof RuleBroken || err instanceof StaleEdit)) {
      // A stale edit shows the saved record above the form: the whole page, even for htmx.
      if (err instanceof StaleEdit) retargetBody(c);
      return refusal(err, err instanceof StaleEdit ? 409 : 422);
    }
    retargetBody(c);
    // An error page answering a boosted post: the bar keeps the form's page, which a reload shows again.
    setShownAddress(c);
    const ctx = viewContext(c, deps);
    const page = known(err);
    if (page) {
      const loginHref =
        err instanceof SessionEnded ? paths.login(ctx.env, safeNext(sameOriginRefererPath(c), ctx.env, '')) : undefined;
      return c.html(<ErrorPage ctx={ctx} title={page.title} body={page.body} loginHref={loginHref} />, page.status);
    }
    const requestId = c.var.requestId;
    if (isDatabaseUnavailable(err)) {
      // Brief and recoverable: the load balancer and the browser may try again (DESIGN.md, Scale-out).
      deps.log({ level: 'warn', msg: 'database unavailable', requestId, ...describeError(err) });
      c.header('Retry-After', String(RETRY_AFTER_S));
      return c.html(
        <ErrorPage ctx={ctx} title="error.unavailable.title" body="error.unavailable.body" requestId={requestId} />,
        503,
      );
    }
    // Not the message: a failed query's message carries its parameters (hashes, tokens, input).
    deps.log({ level: 'error', msg: 'unhandled error', requestId, ...describeError(err) });
    return c.html(<ErrorPage ctx={ctx} title="error.server.title" body="error.server.body" requestId={requestId} />, 500);
  };
}

/** An htmx request that failed shows the whole answer, not a piece of it. */
function retargetBody(c: Context<AppEnv>) {
  if (!wantsFragment(c)) return;
  c.header('HX-Retarget', 'body');
  c.header('HX-Reswap', 'innerHTML');
}

export function notFoundPage(deps: Deps) {
  return (c: Context<AppEnv>) => {
    setShownAddress(c);
    const ctx = viewContext(c, deps);
    return c.html(<ErrorPage ctx={ctx} title="error.notFound.title" body="error.notFound.body" />, 404);
  };
}

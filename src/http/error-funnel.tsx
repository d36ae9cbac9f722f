import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ErrorPage } from '../../views/errors/error-page.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { AppEnv, Deps } from './context.ts';
import { HttpError } from './errors.ts';
import { loginUrl } from './middleware/require-auth.ts';
import { wantsFragment } from './render.ts';
import { safeNext, sameOriginRefererPath } from './safe-next.ts';
import { viewContext } from './view-context.ts';

const PAGES: Record<HttpError['kind'], { title: MessageKey; body: MessageKey }> = {
  notFound: { title: 'error.notFound.title', body: 'error.notFound.body' },
  forbidden: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  csrf: { title: 'error.csrf.title', body: 'error.csrf.body' },
  session: { title: 'error.session.title', body: 'error.session.body' },
  tooLarge: { title: 'error.tooLarge.title', body: 'error.tooLarge.body' },
  badRequest: { title: 'error.badRequest.title', body: 'error.badRequest.body' },
};

/** The one place errors become pages: typed errors by kind, anything else a 500 with a request id. */
export function errorFunnel(deps: Deps) {
  return (err: Error, c: Context<AppEnv>) => {
    const ctx = viewContext(c, deps);
    c.header('Cache-Control', 'no-store');
    if (wantsFragment(c)) {
      // An htmx request that failed shows the whole error page, not a piece of it.
      c.header('HX-Retarget', 'body');
      c.header('HX-Reswap', 'innerHTML');
    }
    const known =
      err instanceof HttpError ? err : err instanceof HTTPException && err.status === 413 ? new HttpError('tooLarge') : null;
    if (known) {
      const { title, body } = PAGES[known.kind];
      const loginHref = known.kind === 'session' ? loginUrl(ctx.env, safeNext(sameOriginRefererPath(c), ctx.env, '')) : undefined;
      return c.html(<ErrorPage ctx={ctx} title={title} body={body} loginHref={loginHref} />, known.status);
    }
    const requestId = c.var.requestId;
    // Not the message: a failed query's message carries its parameters (hashes, tokens, input).
    deps.log({ level: 'error', msg: 'unhandled error', requestId, ...describeError(err) });
    return c.html(<ErrorPage ctx={ctx} title="error.server.title" body="error.server.body" requestId={requestId} />, 500);
  };
}

export function notFoundPage(deps: Deps) {
  return (c: Context<AppEnv>) => {
    const ctx = viewContext(c, deps);
    return c.html(<ErrorPage ctx={ctx} title="error.notFound.title" body="error.notFound.body" />, 404);
  };
}

/** What an operator needs to find a failure, without the values it was working on. */
function describeError(err: Error): Record<string, unknown> {
  const cause = (err as { cause?: { code?: string; name?: string } }).cause;
  return {
    error: err.name,
    code: (err as { code?: string }).code ?? cause?.code,
    cause: cause?.name,
    stack: err.stack?.split('\n').slice(1).join('\n'),
  };
}

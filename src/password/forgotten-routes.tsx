import { Hono } from 'hono';
import { ForgottenPage } from '../../views/password/forgotten-page.tsx';
import { parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { readForm } from '../http/forms.ts';
import { page } from '../http/render.ts';
import { requestContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import { forgottenPasswordForm } from './forms.ts';
import { requestPasswordReset } from './reset-service.ts';

/**
 * B3: "Password forgotten?", before login. The answer is the same page whatever was entered;
 * only too many requests from one address show (429).
 */
export function forgottenPasswordRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => page(c, <ForgottenPage ctx={viewContext(c, deps)} />));

  app.post('/', async (c) => {
    const parsed = parseForm(forgottenPasswordForm, await readForm(c));
    const { values } = parsed;
    if (!parsed.ok)
      return page(c, <ForgottenPage ctx={viewContext(c, deps)} values={values} errors={parsed.errors} />, { status: 422 });
    const { pspid, userid } = parsed.data;
    const outcome = await requestPasswordReset(requestContext(c, deps), {
      environment: c.var.env,
      pspid,
      userid: userid || undefined,
    });
    if (outcome === 'rate_limited')
      return page(c, <ForgottenPage ctx={viewContext(c, deps)} values={values} tooMany />, { status: 429 });
    return page(c, <ForgottenPage ctx={viewContext(c, deps)} sent />);
  });

  return app;
}

import type { Context } from 'hono';
import { Hono } from 'hono';
import { ForgottenPage } from '../../views/password/forgotten-page.tsx';
import type { FieldErrors } from '../forms/parse.ts';
import { parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import type { FormFailure } from '../http/form-failure.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { page } from '../http/render.ts';
import { requestContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import { forgottenPasswordForm } from './forms.ts';
import { requestPasswordReset } from './reset-service.ts';

/**
 * B3: "Password forgotten?", before login. The answer is the same page whatever was entered;
 * only too many requests from one address show (429). A refused request goes back to the page
 * (Post/Redirect/Get, decision record 0006).
 */
export function forgottenPasswordRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  /** The page after a refusal: what was typed, and the problems beside the fields or "too many requests" above. */
  const showFailure = (c: Context<AppEnv>, failure: FormFailure) =>
    page(
      c,
      <ForgottenPage
        ctx={viewContext(c, deps)}
        values={failure.values}
        errors={failure.errors}
        tooMany={failure.status === 429}
      />,
      { status: failure.status },
    );

  app.get('/', (c) => {
    // After a refusal (Post/Redirect/Get): the same problems, and what was typed.
    const failed = restoreFailure(c, deps, forgottenPasswordForm.id);
    return failed ? showFailure(c, failed) : page(c, <ForgottenPage ctx={viewContext(c, deps)} />);
  });

  app.post('/', async (c) => {
    const parsed = parseForm(forgottenPasswordForm, await readForm(c));
    const { values } = parsed;
    const refuse = (errors: FieldErrors, status: 422 | 429) =>
      answerFailure(
        c,
        deps,
        { form: forgottenPasswordForm.id, values, errors, status },
        { page: paths.password.forgotten(c.var.env), render: (failure) => showFailure(c, failure) },
      );
    if (!parsed.ok) return refuse(parsed.errors, 422);
    const { pspid, userid } = parsed.data;
    const outcome = await requestPasswordReset(requestContext(c, deps), {
      environment: c.var.env,
      pspid,
      userid: userid || undefined,
    });
    if (outcome === 'rate_limited') return refuse({}, 429);
    return page(c, <ForgottenPage ctx={viewContext(c, deps)} sent />);
  });

  return app;
}

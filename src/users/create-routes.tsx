import type { Context } from 'hono';
import { Hono } from 'hono';
import { NewUserPage } from '../../views/users/new-user-page.tsx';
import { grantableProfiles } from '../auth/permissions.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import type { Message } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import type { UserFormValues } from './forms.ts';
import { newUserForm } from './forms.ts';
import { placeRefusal } from './presenters.ts';
import { createUser } from './service.ts';
import { answerPasswordDelivery } from './show-routes.tsx';

/** D1: creating a user (GET /new, POST /): the form, then the new user's page or its password shown once. */
export function createUserRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const manage = requireAuth(deps, 'users:manage');

  app.get('/new', manage, (c) => {
    // After a refusal (Post/Redirect/Get): the same problems and what was typed.
    const failed = restoreFailure(c, deps, newUserForm.id);
    if (failed) return renderNew(c, deps, failed.values, failed, failed.status);
    const { account } = c.var.auth;
    return renderNew(c, deps, { profile: 'viewer', timeZone: account.timeZone, language: 'en' });
  });

  app.post('/', manage, async (c) => {
    const parsed = parseForm(newUserForm, await readForm(c));
    const refuse = (problems: { errors: FieldErrors; refusal?: Message }, status: 409 | 422) =>
      answerFailure(
        c,
        deps,
        { form: newUserForm.id, values: parsed.values, ...problems, status },
        { page: paths.users.new(c.var.env), render: (failure) => renderNew(c, deps, failure.values, failure, failure.status) },
      );
    if (!parsed.ok) return refuse({ errors: parsed.errors }, 422);
    onRefusal(c, (error, status) => refuse(placeRefusal(error), status));
    const { userid, ...input } = parsed.data;
    const { user, delivery } = await createUser(actorContext(c, deps), { userid, input });
    return answerPasswordDelivery(c, deps, user, delivery, {
      mailed: 'users.createdMail',
      shown: 'users.createdShown',
      api: 'users.createdApi',
    });
  });

  return app;
}

/** The new-user form with what was typed, its problems by field, and a refusal of the whole creation. */
function renderNew(
  c: Context<SignedInEnv>,
  deps: Deps,
  values: UserFormValues,
  problems: { errors: FieldErrors; refusal?: Message } = { errors: {} },
  status: 200 | 409 | 422 | 429 = 200,
) {
  return page(
    c,
    <NewUserPage
      ctx={viewContext(c, deps)}
      values={values}
      errors={problems.errors}
      grantable={grantableProfiles(c.var.auth.user.profile)}
      refusal={problems.refusal}
    />,
    { status, url: paths.users.new(c.var.env) },
  );
}

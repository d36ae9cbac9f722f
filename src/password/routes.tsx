import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PasswordPageProps } from '../../views/password/password-page.tsx';
import { ChangePasswordForm, PasswordPage } from '../../views/password/password-page.tsx';
import { can } from '../auth/permissions.ts';
import { NotFound, RuleBroken, type StaleEdit } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { COOKIES, writeCookie } from '../http/cookies.ts';
import { setFlash } from '../http/flash.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth, requireStage } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page, redirectAfterPost } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import { apiUserPasswordForm, changePasswordForm } from './forms.ts';
import { listApiUsers } from './queries.ts';
import { changeOwnPassword, PasswordRefused, setApiUserPassword } from './service.ts';

/** Configuration > Password: change one's own password (B1, or forced: B2), set an API user's (B1). */
export function passwordRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const onPasswordPage = requireStage(deps, ['full', 'password_change'], 'password:change');

  app.get('/', onPasswordPage, (c) => {
    // After a refusal (Post/Redirect/Get): the refused form's problems (and the API user chosen).
    const failed = restoreFailure(c, deps);
    if (failed?.form === changePasswordForm.id) return renderPasswordPage(c, deps, { errors: failed.errors }, failed.status);
    if (failed?.form === apiUserPasswordForm.id && c.var.auth.stage === 'full') {
      const apiForm = { userId: failed.values.apiUser, errors: failed.errors };
      return renderPasswordPage(c, deps, { apiForm }, failed.status);
    }
    return renderPasswordPage(c, deps, {});
  });

  app.post('/', onPasswordPage, async (c) => {
    const parsed = parseForm(changePasswordForm, await readForm(c));
    const refuse = (errors: FieldErrors, status: 409 | 422) =>
      answerFailure(
        c,
        deps,
        { form: changePasswordForm.id, values: parsed.values, errors, status },
        {
          page: paths.password.change(c.var.env),
          render: (failure) => renderPasswordPage(c, deps, { errors: failure.errors }, failure.status),
        },
      );
    if (!parsed.ok) return refuse(parsed.errors, 422);
    onRefusal(c, (error, status) => refuse(problemsOf(error), status));
    const { token } = await changeOwnPassword(actorContext(c, deps), parsed.data);
    writeCookie(c, deps.config, COOKIES.session(c.var.env), token);
    setFlash(c, deps.config, 'password.changed');
    return redirectAfterPost(c, paths.home(c.var.env));
  });

  app.post('/api-user', requireAuth(deps, 'api_users:set_password'), async (c) => {
    const parsed = parseForm(apiUserPasswordForm, await readForm(c));
    const userId = parsed.values.apiUser;
    const refuse = (errors: FieldErrors, status: 409 | 422) =>
      answerFailure(
        c,
        deps,
        { form: apiUserPasswordForm.id, values: parsed.values, errors, status },
        {
          page: paths.password.change(c.var.env),
          render: (failure) => renderPasswordPage(c, deps, { apiForm: { userId, errors: failure.errors } }, failure.status),
        },
      );
    if (!parsed.ok) {
      // The user chosen must be one of the account's API users, whatever else is wrong (404 otherwise).
      if (userId) await apiUsersIncluding(c, deps, userId);
      return refuse(parsed.errors, 422);
    }
    onRefusal(c, (error, status) => refuse(problemsOf(error), status));
    const { apiUser, next, confirmation } = parsed.data;
    await setApiUserPassword(actorContext(c, deps), { apiUserId: apiUser, next, confirmation });
    setFlash(c, deps.config, 'password.apiSet');
    return redirectAfterPost(c, paths.password.change(c.var.env));
  });

  return app;
}

/**
 * The password page: forced (B2) while the session may do nothing else, with the API users'
 * form for those who may set their passwords. An htmx post of the change form gets that form
 * alone. A chosen API user who is not one of the account's is not found (404), as the service says.
 */
async function renderPasswordPage(
  c: Context<SignedInEnv>,
  deps: Deps,
  props: Pick<PasswordPageProps, 'errors' | 'apiForm'>,
  status: 200 | 409 | 422 | 429 = 200,
) {
  const auth = c.var.auth;
  const forced = auth.stage === 'password_change' ? (auth.session.passwordChangeRequired ? 'issued' : 'expired') : undefined;
  const apiUsers = forced ? [] : await apiUsersIncluding(c, deps, props.apiForm?.userId);
  const ctx = viewContext(c, deps);
  return page(c, <PasswordPage ctx={ctx} forced={forced} apiUsers={apiUsers} {...props} />, {
    status,
    fragment: <ChangePasswordForm ctx={ctx} askCurrent={forced !== 'issued'} errors={props.errors} />,
    url: paths.password.change(c.var.env),
  });
}

/**
 * The account's API users, for those who may set their passwords (none for the others); a
 * `chosen` id that is not one of them is not found (404), as the service says.
 */
async function apiUsersIncluding(c: Context<SignedInEnv>, deps: Deps, chosen?: string) {
  const { user, account } = c.var.auth;
  const apiUsers = can(user.profile, 'api_users:set_password') ? await listApiUsers(deps.db, account.id) : [];
  if (chosen && !apiUsers.some((candidate) => candidate.id === chosen)) throw new NotFound('api user');
  return apiUsers;
}

/** A refusal's problems beside their fields: every one of a PasswordRefused, else the one field it names. */
function problemsOf(error: RuleBroken | StaleEdit): FieldErrors {
  if (error instanceof PasswordRefused) return error.problems;
  return error instanceof RuleBroken && error.field ? fieldProblem(error.field, error.problem) : {};
}

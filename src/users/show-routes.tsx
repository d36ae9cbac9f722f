import type { Context } from 'hono';
import { Hono } from 'hono';
import type { UserPageProps } from '../../views/users/user-page.tsx';
import { UserEditSection, UserPage } from '../../views/users/user-page.tsx';
import { grantableProfiles } from '../auth/permissions.ts';
import type { User } from '../db/schema/users.ts';
import { NotFound, StaleEdit } from '../errors.ts';
import { parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { setFlash } from '../http/flash.ts';
import type { FormFailure } from '../http/form-failure.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page, redirectAfterPost } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import type { Message, PlainKey } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import { editUserForm } from './forms.ts';
import type { PasswordDelivery } from './password-delivery.ts';
import { placeRefusal, userDetails, userFormValues } from './presenters.ts';
import { findUser } from './queries.ts';
import { updateUser } from './service.ts';

type Ctx = Context<SignedInEnv>;

/** D1/D3: one user's page, and editing its details in place (GET /:id, GET /:id/edit, POST /:id). */
export function showUserRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const manage = requireAuth(deps, 'users:manage');

  app.get('/:id', manage, async (c) => {
    const user = await loadUser(c, deps);
    // After an action was refused (Post/Redirect/Get): the refusal above the user's details.
    const failed = restoreFailure(c, deps, USER_ACTION_FORM);
    return failed ? renderUser(c, deps, user, { refusal: failed.refusal }, failed.status) : renderUser(c, deps, user);
  });

  app.get('/:id/edit', manage, async (c) => {
    const user = await loadUser(c, deps);
    const failed = restoreFailure(c, deps, editUserForm.id);
    if (failed) {
      const { values, errors, conflict, refusal, status } = failed;
      return renderUser(c, deps, user, { editing: { values, errors, conflict }, refusal }, status);
    }
    return renderUser(c, deps, user, { editing: { values: userFormValues(user), errors: {} } });
  });

  app.post('/:id', manage, async (c) => {
    const user = await loadUser(c, deps);
    const parsed = parseForm(editUserForm, await readForm(c));
    const { values } = parsed;
    // The refused form again: on the edit page (Post/Redirect/Get), or in place for htmx.
    const refuse = (failure: Omit<FormFailure, 'form' | 'values'>, shown: User = user) =>
      answerFailure(
        c,
        deps,
        { form: editUserForm.id, values, ...failure },
        {
          page: paths.users.edit(c.var.env, user.id),
          render: ({ errors, conflict, refusal, status }) =>
            renderUser(c, deps, shown, { editing: { values, errors, conflict }, refusal }, status),
        },
      );
    if (!parsed.ok) return refuse({ errors: parsed.errors, status: 422 });
    onRefusal(c, (error, status) => {
      // A stale edit: the details as saved now above, the user's own input kept below with the new version.
      if (error instanceof StaleEdit) return refuse({ errors: {}, conflict: true, status }, error.current as User);
      return refuse({ ...placeRefusal(error), status });
    });
    const { version, ...input } = parsed.data;
    const { changed } = await updateUser(actorContext(c, deps), { userId: user.id, version, input });
    return backToUser(c, deps, user, changed ? 'users.saved' : 'users.noChange');
  });

  return app;
}

/** The user of the address's `:id`, in the signed-in account; NotFound otherwise (another account's user too). */
export async function loadUser(c: Ctx, deps: Deps): Promise<User> {
  const user = await findUser(deps.db, c.var.auth.account.id, c.req.param('id') ?? '');
  if (!user) throw new NotFound('user');
  return user;
}

/** The user page: details, or the edit form; an htmx request for the form in place gets only that section. */
export function renderUser(
  c: Ctx,
  deps: Deps,
  user: User,
  options: Omit<UserPageProps, 'ctx' | 'user' | 'grantable'> = {},
  status: 200 | 409 | 422 | 429 = 200,
) {
  const { auth, env } = c.var;
  const props: UserPageProps = {
    ctx: viewContext(c, deps),
    user: userDetails(user, auth.user, deps.clock.now()),
    grantable: grantableProfiles(auth.user.profile),
    ...options,
  };
  const fragment =
    options.editing && !options.editing.conflict ? <UserEditSection {...props} editing={options.editing} /> : undefined;
  // Its own address, for the bar after a boosted post answered with this page (a password shown once).
  const url = options.editing ? paths.users.edit(env, user.id) : paths.users.show(env, user.id);
  return page(c, <UserPage {...props} />, { status, fragment, url });
}

/** The failure of an action on a user (D2) that a rule refused, shown on the user's page. */
export const USER_ACTION_FORM = 'user-action';

/**
 * A refused action on a user (last admin, own user): the user's page with the refusal, through
 * Post/Redirect/Get (or in place for htmx fragments).
 */
export function refuseUserAction(c: Ctx, deps: Deps, user: User, refusal: Message, status: 409 | 422) {
  return answerFailure(
    c,
    deps,
    { form: USER_ACTION_FORM, values: {}, errors: {}, refusal, status },
    { page: paths.users.show(c.var.env, user.id), render: (failure) => renderUser(c, deps, user, { refusal }, failure.status) },
  );
}

/** After a change: back to the user's page (303, or HX-Location for htmx) with a flash message. */
export function backToUser(c: Ctx, deps: Deps, user: Pick<User, 'id'>, flash: PlainKey) {
  setFlash(c, deps.config, flash);
  return redirectAfterPost(c, paths.users.show(c.var.env, user.id));
}

/**
 * The answer once a password was issued (D1 creation, D2 new password). A password shown once
 * to the administrator is in the answer to the POST itself (only its hash is kept), on the whole
 * page; a mailed one is announced by a flash after the redirect.
 */
export async function answerPasswordDelivery(
  c: Ctx,
  deps: Deps,
  user: User,
  delivery: PasswordDelivery,
  texts: { mailed: PlainKey; shown: PlainKey; api: PlainKey },
) {
  if ('shown' in delivery) {
    const saved = (await findUser(deps.db, user.accountId, user.id)) ?? user;
    c.header('HX-Retarget', 'body');
    c.header('HX-Reswap', 'innerHTML');
    const intro = delivery.mailFailed ? 'users.mailFailedShown' : texts.shown;
    return renderUser(c, deps, saved, { shownPassword: { intro, password: delivery.shown } });
  }
  return backToUser(c, deps, user, 'mailedTo' in delivery ? texts.mailed : texts.api);
}

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PasswordPageProps } from '../../views/password/password-page.tsx';
import { ChangePasswordForm, PasswordPage } from '../../views/password/password-page.tsx';
import { can } from '../auth/permissions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { NotFound } from '../errors.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { COOKIES, writeCookie } from '../http/cookies.ts';
import { setFlash } from '../http/flash.ts';
import type { FieldErrors } from '../http/forms.ts';
import { readForm, textField } from '../http/forms.ts';
import { requireAuth, requireStage } from '../http/middleware/require-auth.ts';
import { page, redirectAfterPost } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { PASSWORD_MAX_LENGTH } from './policy.ts';
import type { PasswordErrors } from './service.ts';
import { changeOwnPassword, listApiUsers, setApiUserPassword } from './service.ts';

/** Configuration > Password: change one's own password (B1, or forced: B2), set an API user's (B1). */
export function passwordRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;

  const render = async (
    c: Context<SignedInEnv>,
    props: Omit<PasswordPageProps, 'ctx' | 'forced' | 'apiUsers'>,
    status: 200 | 422 = 200,
  ) => {
    const auth = c.var.auth!;
    const forced = auth.stage === 'password_change' ? (auth.session.passwordChangeRequired ? 'issued' : 'expired') : undefined;
    const apiUsers = !forced && can(auth.user.profile, 'api_users:set_password') ? await listApiUsers(db, auth.account.id) : [];
    const ctx = viewContext(c, deps);
    return page(c, <PasswordPage ctx={ctx} forced={forced} apiUsers={apiUsers} {...props} />, {
      status,
      fragment: <ChangePasswordForm ctx={ctx} askCurrent={forced !== 'issued'} errors={props.errors} />,
    });
  };

  const onPasswordPage = requireStage(deps, ['full', 'password_change'], 'password:change');

  app.get('/', onPasswordPage, (c) => render(c, {}));

  app.post('/', onPasswordPage, async (c) => {
    const auth = c.var.auth!;
    const form = await readForm(c);
    const fields = {
      current: textField(form, 'current', { max: PASSWORD_MAX_LENGTH, exact: true }),
      next: textField(form, 'next', { max: PASSWORD_MAX_LENGTH, exact: true }),
      confirmation: textField(form, 'confirmation', { max: PASSWORD_MAX_LENGTH, exact: true }),
    };
    const formErrors: FieldErrors = {};
    for (const [name, field] of Object.entries(fields) as [keyof typeof fields, (typeof fields)['next']][]) {
      if (field.error) formErrors[CHANGE_FIELD_IDS[name]] = field.error;
    }
    if (Object.keys(formErrors).length > 0) return render(c, { errors: formErrors }, 422);
    const result = await changeOwnPassword(
      db,
      clock,
      auth,
      { current: fields.current.value, next: fields.next.value, confirmation: fields.confirmation.value },
      clientIp(c, config),
    );
    if (!result.ok) return render(c, { errors: toFieldErrors(result.errors, CHANGE_FIELD_IDS) }, 422);
    writeCookie(c, config, COOKIES.session(env), result.token);
    setFlash(c, config, 'password.changed');
    return redirectAfterPost(c, `/${env}/home`);
  });

  app.post('/api-user', requireAuth(deps, 'api_users:set_password'), async (c) => {
    const auth = c.var.auth!;
    const form = await readForm(c);
    const apiUserId = form.apiUser ?? '';
    const next = textField(form, 'next', { max: PASSWORD_MAX_LENGTH, exact: true });
    const confirmation = textField(form, 'confirmation', { max: PASSWORD_MAX_LENGTH, exact: true });
    const apiUsers = await listApiUsers(db, auth.account.id);
    const errors: FieldErrors = {};
    if (!apiUserId) errors['api-user'] = { key: 'password.apiUserRequired' };
    else if (!apiUsers.some((user) => user.id === apiUserId)) throw new NotFound('api user');
    if (next.error) errors['api-new'] = next.error;
    if (confirmation.error) errors['api-confirm'] = confirmation.error;
    if (Object.keys(errors).length === 0) {
      const result = await setApiUserPassword(
        db,
        clock,
        auth,
        apiUserId,
        { next: next.value, confirmation: confirmation.value },
        clientIp(c, config),
      );
      if (result.ok) {
        setFlash(c, config, 'password.apiSet');
        return redirectAfterPost(c, `/${env}/password`);
      }
      Object.assign(errors, toFieldErrors(result.errors, API_FIELD_IDS));
    }
    return render(c, { apiForm: { userId: apiUserId, errors } }, 422);
  });

  return app;
}

const CHANGE_FIELD_IDS = { current: 'password-current', next: 'password-new', confirmation: 'password-confirm' } as const;
const API_FIELD_IDS = { current: 'api-current', next: 'api-new', confirmation: 'api-confirm' } as const;

function toFieldErrors(errors: PasswordErrors, ids: Record<keyof PasswordErrors, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, key] of Object.entries(errors) as [keyof PasswordErrors, PasswordErrors[keyof PasswordErrors]][]) {
    if (key) out[ids[name]] = { key };
  }
  return out;
}

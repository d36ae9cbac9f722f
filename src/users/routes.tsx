import type { Context } from 'hono';
import { Hono } from 'hono';
import { ConfirmPage } from '../../views/users/confirm-page.tsx';
import { NewUserPage } from '../../views/users/new-user-page.tsx';
import type { UserDetails, UserPageProps } from '../../views/users/user-page.tsx';
import { UserEditSection, UserPage } from '../../views/users/user-page.tsx';
import type { UserRow } from '../../views/users/users-list-page.tsx';
import { UsersListPage } from '../../views/users/users-list-page.tsx';
import { grantableProfiles } from '../auth/permissions.ts';
import { mailOrigin } from '../config.ts';
import type { Environment } from '../db/schema/accounts.ts';
import type { User } from '../db/schema/users.ts';
import { NotFound } from '../errors.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { setFlash } from '../http/flash.ts';
import type { FieldErrors } from '../http/forms.ts';
import { readForm, textField } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { page, redirectAfterPost, wantsFragment } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import type { MessageKey, PlainKey } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { isoUtc } from '../lib/time.ts';
import type { UserFormValues } from './forms.ts';
import { parseUserForm } from './forms.ts';
import type { UserStatusFilter } from './queries.ts';
import { countUsers, findUser, isLocked, listUsers, USER_STATUSES } from './queries.ts';
import type { PasswordDelivery } from './service.ts';
import {
  createUser,
  StaleEdit,
  sendNewPassword,
  setUserActive,
  switchOffUserOtp,
  UserRuleError,
  unlockUser,
  updateUser,
} from './service.ts';

type Ctx = Context<SignedInEnv>;

/** D1–D3, D5: Configuration > Users, for profiles with the user-manager right. */
export function userRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();
  const { db, clock, config, mailer } = deps;
  const manage = requireAuth(deps, 'users:manage');
  const loginLink = () => ({ loginUrl: `${mailOrigin(config)}/${env}/login` });
  const ip = (c: Ctx) => clientIp(c, config);

  app.get('/', requireAuth(deps, 'users:view'), async (c) => {
    const auth = c.var.auth!;
    const { user: me, account } = auth;
    const text = textField({ q: c.req.query('q') ?? '' }, 'q', { max: 100 });
    const status = (USER_STATUSES as readonly string[]).includes(c.req.query('status') ?? '')
      ? (c.req.query('status') as UserStatusFilter)
      : 'all';
    const filter = { text: text.error ? '' : text.value, status };
    const cursor = textField({ after: c.req.query('after') ?? '' }, 'after', { max: 20 });
    const after = cursor.error || !cursor.value ? undefined : cursor.value;
    const now = clock.now();
    const { users, next } = await listUsers(db, account.id, { ...filter, after }, now);
    const query = (extra: Record<string, string>) => `/${env}/users?${new URLSearchParams({ q: filter.text, status, ...extra })}`;
    const rows: UserRow[] = users.map((user) => ({
      id: user.id,
      userid: user.userid,
      name: user.name,
      profile: user.profile,
      isApiUser: user.isApiUser,
      otp: user.totpEnabledAt !== null,
      status: !user.active ? 'inactive' : isLocked(user, now) ? 'locked' : 'active',
      lastLogin: user.lastLoginAt
        ? { text: formatDateTime(user.lastLoginAt, me.timeZone, me.language), iso: isoUtc(user.lastLoginAt) }
        : undefined,
    }));
    return page(
      c,
      <UsersListPage
        ctx={viewContext(c, deps)}
        pspid={account.pspid}
        accountZone={account.timeZone}
        rows={rows}
        filter={filter}
        count={await countUsers(db, account.id)}
        limit={account.userLimit}
        nextHref={next ? query({ after: next }) : undefined}
        firstHref={after ? query({}) : undefined}
      />,
    );
  });

  const renderNew = async (c: Ctx, values: UserFormValues, errors: FieldErrors, refusal?: PlainKey, status: 200 | 422 = 200) => {
    const ctx = viewContext(c, deps);
    const grantable = grantableProfiles(c.var.auth!.user.profile);
    return page(
      c,
      <NewUserPage
        ctx={ctx}
        values={values}
        errors={errors}
        grantable={grantable}
        refusal={refusal ? ctx.t(refusal) : undefined}
      />,
      { status },
    );
  };

  app.get('/new', manage, (c) => {
    const { account } = c.var.auth!;
    return renderNew(c, { profile: 'viewer', timeZone: account.timeZone, language: 'en' }, {});
  });

  app.post('/', manage, async (c) => {
    const auth = c.var.auth!;
    const parsed = parseUserForm(await readForm(c), true);
    if (Object.keys(parsed.errors).length > 0) return renderNew(c, parsed.values, parsed.errors, undefined, 422);
    try {
      const result = await createUser(db, clock, mailer, auth, parsed.userid, parsed.input, loginLink(), ip(c));
      if (!result.ok) return renderNew(c, parsed.values, result.errors, undefined, 422);
      return afterPasswordDelivery(c, result.user, result.delivery, {
        mailed: 'users.createdMail',
        shown: 'users.createdShown',
        api: 'users.createdApi',
      });
    } catch (error) {
      if (error instanceof UserRuleError) return renderNew(c, parsed.values, {}, error.key, 422);
      throw error;
    }
  });

  /** The user page: details, or the edit form; an htmx request gets only the section asked for. */
  const renderUser = async (
    c: Ctx,
    user: User,
    options: Omit<UserPageProps, 'ctx' | 'user' | 'grantable'> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const auth = c.var.auth!;
    const ctx = viewContext(c, deps);
    const props: UserPageProps = {
      ctx,
      user: details(user, auth.user, clock.now()),
      grantable: grantableProfiles(auth.user.profile),
      ...options,
    };
    const fragment =
      options.editing && !options.editing.conflict ? <UserEditSection {...props} editing={options.editing} /> : undefined;
    return page(c, <UserPage {...props} />, { status, fragment });
  };

  const loadUser = async (c: Ctx) => {
    const user = await findUser(db, c.var.auth!.account.id, c.req.param('id') ?? '');
    if (!user) throw new NotFound('user');
    return user;
  };

  app.get('/:id', manage, async (c) => renderUser(c, await loadUser(c)));

  app.get('/:id/edit', manage, async (c) => {
    const user = await loadUser(c);
    return renderUser(c, user, { editing: { values: valuesOf(user), errors: {} } });
  });

  app.post('/:id', manage, async (c) => {
    const user = await loadUser(c);
    const parsed = parseUserForm(await readForm(c), false);
    if (Object.keys(parsed.errors).length > 0)
      return renderUser(c, user, { editing: { values: parsed.values, errors: parsed.errors } }, 422);
    try {
      const result = await updateUser(db, clock, c.var.auth!, user.id, parsed.version, parsed.input, ip(c));
      if (!result.ok) return renderUser(c, user, { editing: { values: parsed.values, errors: result.errors } }, 422);
      setFlash(c, config, result.changed ? 'users.saved' : 'users.noChange');
      return redirectAfterPost(c, `/${env}/users/${user.id}`);
    } catch (error) {
      if (!(error instanceof StaleEdit)) throw error;
      // The saved details above, the user's own input kept below with the new version.
      if (wantsFragment(c)) {
        c.header('HX-Retarget', 'body');
        c.header('HX-Reswap', 'innerHTML');
      }
      return renderUser(c, error.current, { editing: { values: parsed.values, errors: {}, conflict: true } }, 409);
    }
  });

  /** A destructive action: a confirmation page (GET), then the POST. */
  const confirmed = (
    path: string,
    texts: { title: MessageKey; body: PlainKey },
    act: (c: Ctx, user: User) => Promise<Response>,
  ) => {
    app.get(`/:id/${path}`, manage, async (c) => {
      const user = await loadUser(c);
      const ctx = viewContext(c, deps);
      return page(
        c,
        <ConfirmPage
          ctx={ctx}
          title={ctx.t.message({ key: texts.title, params: { userid: user.userid } })}
          body={ctx.t(texts.body)}
          action={`/${env}/users/${user.id}/${path}`}
          cancelHref={`/${env}/users/${user.id}`}
        />,
      );
    });
    app.post(`/:id/${path}`, manage, async (c) => ruled(c, await loadUser(c), act));
  };

  /** Runs an action; a rule it breaks (last admin, own user) is shown on the user page (422). */
  const ruled = async (c: Ctx, user: User, act: (c: Ctx, user: User) => Promise<Response>) => {
    try {
      return await act(c, user);
    } catch (error) {
      if (!(error instanceof UserRuleError)) throw error;
      return renderUser(c, user, { refusal: viewContext(c, deps).t(error.key) }, 422);
    }
  };

  const done = (c: Ctx, user: User, flash: PlainKey) => {
    setFlash(c, config, flash);
    return redirectAfterPost(c, `/${env}/users/${user.id}`);
  };

  confirmed(
    'send-password',
    { title: 'users.action.sendPasswordConfirm', body: 'users.action.sendPasswordBody' },
    async (c, user) => {
      const delivery = await sendNewPassword(db, clock, mailer, c.var.auth!, user.id, loginLink(), ip(c));
      return afterPasswordDelivery(c, user, delivery, {
        mailed: 'users.passwordSent',
        shown: 'users.passwordShown',
        api: 'users.passwordSent',
      });
    },
  );
  confirmed('deactivate', { title: 'users.action.deactivateConfirm', body: 'users.action.deactivateBody' }, async (c, user) => {
    await setUserActive(db, clock, c.var.auth!, user.id, false, ip(c));
    return done(c, user, 'users.deactivated');
  });
  confirmed('otp-off', { title: 'users.action.otpOffConfirm', body: 'users.action.otpOffBody' }, async (c, user) => {
    await switchOffUserOtp(db, clock, c.var.auth!, user.id, ip(c));
    return done(c, user, 'users.otpSwitchedOff');
  });
  app.post('/:id/reactivate', manage, async (c) =>
    ruled(c, await loadUser(c), async (c2, user) => {
      await setUserActive(db, clock, c2.var.auth!, user.id, true, ip(c2));
      return done(c2, user, 'users.reactivated');
    }),
  );
  app.post('/:id/unlock', manage, async (c) =>
    ruled(c, await loadUser(c), async (c2, user) => {
      await unlockUser(db, clock, c2.var.auth!, user.id, ip(c2));
      return done(c2, user, 'users.unlocked');
    }),
  );

  /**
   * A password shown once to the administrator is in the answer to the POST (only its hash is
   * kept); a mailed one is announced by a flash after the redirect.
   */
  const afterPasswordDelivery = async (
    c: Ctx,
    user: User,
    delivery: PasswordDelivery,
    texts: { mailed: PlainKey; shown: PlainKey; api: PlainKey },
  ) => {
    if ('shown' in delivery) {
      const fresh = (await findUser(db, user.accountId, user.id)) ?? user;
      const t = viewContext(c, deps).t;
      c.header('HX-Retarget', 'body');
      c.header('HX-Reswap', 'innerHTML');
      const intro = delivery.mailFailed ? t('users.mailFailedShown') : t(texts.shown);
      return renderUser(c, fresh, { shownPassword: { intro, password: delivery.shown } });
    }
    return done(c, user, 'mailedTo' in delivery ? texts.mailed : texts.api);
  };

  return app;
}

function valuesOf(user: User): UserFormValues {
  return {
    userid: user.userid,
    name: user.name,
    email: user.email ?? '',
    profile: user.profile,
    scopeOwnOnly: user.scopeOwnOnly,
    isApiUser: user.isApiUser,
    timeZone: user.timeZone,
    language: user.language,
  };
}

function details(user: User, viewer: User, now: Date): UserDetails {
  return {
    id: user.id,
    userid: user.userid,
    name: user.name,
    email: user.email,
    profile: user.profile,
    scopeOwnOnly: user.scopeOwnOnly,
    isApiUser: user.isApiUser,
    timeZone: user.timeZone,
    language: user.language,
    active: user.active,
    lockedUntil:
      isLocked(user, now) && user.lockedUntil ? formatDateTime(user.lockedUntil, viewer.timeZone, viewer.language) : undefined,
    otp: user.totpEnabledAt !== null,
    lastLogin: user.lastLoginAt ? formatDateTime(user.lastLoginAt, viewer.timeZone, viewer.language) : undefined,
    version: user.version,
    isSelf: user.id === viewer.id,
  };
}

import type { Profile } from '../../src/db/schema/users.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Message, PlainKey } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import type { UserFormValues } from '../../src/users/forms.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorNotice } from '../components/error-summary.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { UserForm } from './user-form.tsx';

export type UserDetails = {
  id: string;
  userid: string;
  name: string;
  email: string | null;
  profile: Profile;
  scopeOwnOnly: boolean;
  isApiUser: boolean;
  timeZone: string;
  language: 'en' | 'fr';
  active: boolean;
  /** Why an inactive user was deactivated, and when (in the viewer's zone). */
  deactivation?: Message;
  deactivatedAt?: string;
  lockedUntil?: string;
  otp: boolean;
  lastLogin?: string;
  version: number;
  isSelf: boolean;
};

export type UserPageProps = {
  ctx: ViewContext;
  user: UserDetails;
  /** Editing: the form (with the typed values and their errors) instead of the details. */
  editing?: { values: UserFormValues; errors: FieldErrors; conflict?: boolean };
  grantable: Profile[];
  /** A password shown once to the administrator (no e-mail address, or the mail failed), after its introduction. */
  shownPassword?: { intro: PlainKey; password: string };
  /** A rule refused the last action (last admin, own user). */
  refusal?: Message;
};

/** D1/D2: one user: details (edited in place), and the actions on it. */
export function UserPage(props: UserPageProps) {
  const { ctx, user } = props;
  const { t, env } = ctx;
  const { editing } = props;
  const hasErrors = Boolean(editing && (Object.keys(editing.errors).length > 0 || editing.conflict)) || Boolean(props.refusal);
  return (
    <Layout ctx={ctx} title={`${user.userid} – ${t('users.title')}`} hasErrors={hasErrors}>
      <p>
        <a href={paths.users.list(env)}>{t('users.back')}</a>
      </p>
      <h1>{user.userid}</h1>
      <ErrorNotice message={props.refusal ? t.message(props.refusal) : undefined} />
      {props.shownPassword ? (
        <div class="notice" role="status">
          <p>{t(props.shownPassword.intro)}</p>
          <p>
            <code class="shown-password">{props.shownPassword.password}</code>
          </p>
        </div>
      ) : null}
      {props.editing?.conflict ? <UserSummary {...props} /> : null}
      {props.editing ? <UserEditSection {...props} editing={props.editing} /> : <UserSummary {...props} />}
      <UserActions ctx={ctx} user={user} />
    </Layout>
  );
}

/** The details, with an Edit link that htmx turns into the form in place. */
export function UserSummary({ ctx, user }: UserPageProps) {
  const { t, env } = ctx;
  return (
    <section class="card" id="user-details" aria-labelledby="user-details-title">
      <h2 id="user-details-title">{t('users.details')}</h2>
      <dl class="summary-list">
        <dt>{t('users.field.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('users.field.email')}</dt>
        <dd>{user.email ?? '—'}</dd>
        <dt>{t('users.field.profile')}</dt>
        <dd>{t(`profile.${user.profile}`)}</dd>
        <dt>{t('users.field.scope')}</dt>
        <dd>{user.scopeOwnOnly ? t('users.yes') : t('users.no')}</dd>
        <dt>{t('users.field.api')}</dt>
        <dd>{user.isApiUser ? t('users.yes') : t('users.no')}</dd>
        <dt>{t('users.field.timeZone')}</dt>
        <dd>{user.timeZone}</dd>
        <dt>{t('users.field.language')}</dt>
        <dd>{t(`language.${user.language}`)}</dd>
        <dt>{t('users.status')}</dt>
        <dd>
          {t(user.active ? 'users.status.active' : 'users.status.inactive')}
          {user.deactivation ? (
            <>
              <br />
              {user.deactivatedAt
                ? t('users.deactivatedOn', { reason: user.deactivation, time: user.deactivatedAt })
                : t.message(user.deactivation)}
            </>
          ) : null}
          {user.lockedUntil ? ` – ${t('users.lockedUntil', { time: user.lockedUntil })}` : ''}
        </dd>
        <dt>{t('users.otpActive')}</dt>
        <dd>{user.otp ? t('users.yes') : t('users.no')}</dd>
        <dt>{t('users.col.lastLogin')}</dt>
        <dd>{user.lastLogin ?? t('users.never')}</dd>
      </dl>
      <p>
        <a
          href={paths.users.edit(env, user.id)}
          hx-get={paths.users.edit(env, user.id)}
          hx-target="#user-details"
          hx-swap="outerHTML"
          hx-push-url="false"
        >
          {t('users.edit')}
        </a>
      </p>
    </section>
  );
}

/** The edit form, in the place of the details (the htmx fragment). */
export function UserEditSection(props: UserPageProps & { editing: NonNullable<UserPageProps['editing']> }) {
  const { ctx, user, editing } = props;
  const { t, env } = ctx;
  return (
    <section class="card" id={editing.conflict ? 'user-edit' : 'user-details'} aria-labelledby="user-edit-title">
      <h2 id="user-edit-title">{t('users.edit')}</h2>
      <ErrorNotice message={editing.conflict ? t('users.conflict') : undefined} />
      <UserForm
        ctx={ctx}
        action={paths.users.show(env, user.id)}
        mode="edit"
        values={editing.values}
        errors={editing.errors}
        grantable={props.grantable}
        isApiUser={user.isApiUser}
        version={user.version}
        htmxTarget={editing.conflict ? undefined : '#user-details'}
        cancelHref={paths.users.show(env, user.id)}
      />
    </section>
  );
}

function UserActions({ ctx, user }: { ctx: ViewContext; user: UserDetails }) {
  const { t, env } = ctx;
  const action = (name: Parameters<typeof paths.users.action>[2]) => paths.users.action(env, user.id, name);
  return (
    <section class="card" aria-labelledby="user-actions-title">
      <h2 id="user-actions-title">{t('users.actions')}</h2>
      <ul class="actions">
        {!user.isApiUser && !user.isSelf ? (
          <li>
            <a href={action('send-password')}>{t('users.action.sendPassword')}</a>
          </li>
        ) : null}
        {user.active && !user.isSelf ? (
          <li>
            <a href={action('deactivate')}>{t('users.action.deactivate')}</a>
          </li>
        ) : null}
        {user.otp && !user.isSelf ? (
          <li>
            <a href={action('otp-off')}>{t('users.action.otpOff')}</a>
          </li>
        ) : null}
        {!user.active ? (
          <li>
            <form method="post" action={action('reactivate')}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit">{t('users.action.reactivate')}</button>
            </form>
          </li>
        ) : null}
        {user.lockedUntil ? (
          <li>
            <form method="post" action={action('unlock')}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" aria-describedby="unlock-hint">
                {t('users.action.unlock')}
              </button>
              <span class="hint" id="unlock-hint">
                {' '}
                {t('users.action.unlockHint')}
              </span>
            </form>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

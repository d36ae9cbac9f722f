import type { Profile } from '../../src/db/schema/users.ts';
import type { UserStatusFilter } from '../../src/users/queries.ts';
import { USER_STATUSES } from '../../src/users/queries.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type UserRow = {
  id: string;
  userid: string;
  name: string;
  profile: Profile;
  isApiUser: boolean;
  otp: boolean;
  status: 'active' | 'inactive' | 'locked';
  lastLogin?: { text: string; iso: string };
};

export type UsersListProps = {
  ctx: ViewContext;
  pspid: string;
  accountZone: string;
  rows: UserRow[];
  filter: { text: string; status: UserStatusFilter };
  count: number;
  limit: number;
  nextHref?: string;
  firstHref?: string;
};

/** D1: Configuration > Users. */
export function UsersListPage(props: UsersListProps) {
  const { ctx } = props;
  const { t, env } = ctx;
  const atLimit = props.count >= props.limit;
  return (
    <Layout ctx={ctx} title={t('users.title')}>
      <h1>{t('users.title')}</h1>
      <p>{t('users.count', { count: props.count, limit: props.limit })}</p>
      <p>{t('users.accountZone', { pspid: props.pspid, zone: props.accountZone })}</p>
      <p>
        <a href={`/${env}/support/profiles`}>{t('users.profilesLink')}</a>
      </p>
      {atLimit ? (
        <p class="warning">{t('users.limitReached', { limit: props.limit })}</p>
      ) : (
        <p>
          <a class="button" href={`/${env}/users/new`}>
            {t('users.new')}
          </a>
        </p>
      )}
      <form method="get" action={`/${env}/users`} class="filters">
        <div class="field">
          <label for="filter-text">{t('users.filterText')}</label>
          <input id="filter-text" name="q" type="text" value={props.filter.text} maxlength={100} />
        </div>
        <div class="field">
          <label for="filter-status">{t('users.filterStatus')}</label>
          <select id="filter-status" name="status">
            {USER_STATUSES.map((status) => (
              <option value={status} selected={status === props.filter.status}>
                {t(`users.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('users.filterSubmit')}</button>
      </form>
      {props.rows.length === 0 ? (
        <p>{t('users.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <caption>{t('users.tableCaption', { pspid: props.pspid })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.col.userid')}</th>
                <th scope="col">{t('users.col.name')}</th>
                <th scope="col">{t('users.col.profile')}</th>
                <th scope="col">{t('users.col.api')}</th>
                <th scope="col">{t('users.col.otp')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">{t('users.col.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={`/${env}/users/${row.id}`}>{row.userid}</a>
                  </th>
                  <td>{row.name}</td>
                  <td>{t(`profile.${row.profile}`)}</td>
                  <td>{row.isApiUser ? t('users.yes') : t('users.no')}</td>
                  <td>{row.otp ? t('users.otpOn') : t('users.otpOff')}</td>
                  <td>{t(`users.status.${row.status}`)}</td>
                  <td>{row.lastLogin ? <time datetime={row.lastLogin.iso}>{row.lastLogin.text}</time> : t('users.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="pagination">
        {props.firstHref ? <a href={props.firstHref}>{t('users.firstPage')}</a> : null}
        {props.nextHref ? <a href={props.nextHref}>{t('users.morePage')}</a> : null}
      </p>
    </Layout>
  );
}

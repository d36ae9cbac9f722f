import type { Profile } from '../../src/db/schema/users.ts';
import type { FieldErrors, FormValues } from '../../src/forms/parse.ts';
import type { Message } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { USER_STATUSES, userFilterForm } from '../../src/users/forms.ts';
import { DataTable } from '../components/data-table.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
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
  /** Why an inactive user was deactivated (by an administrator, or after 90 days without a login). */
  deactivation?: Message;
  lastLogin?: { text: string; iso: string };
};

type FilterField = keyof typeof userFilterForm.fields;

export type UsersListProps = {
  ctx: ViewContext;
  pspid: string;
  accountZone: string;
  /** The filter as typed, and its problems (a too-long text); with a problem, no rows are listed. */
  filter: { values: Partial<FormValues<FilterField>>; errors: FieldErrors<FilterField> };
  /** The page of users the filter selects; undefined when the filter has a problem. */
  rows?: UserRow[];
  /** Users in the account (all of them, whatever the filter), against the subscription's limit. */
  count: number;
  limit: number;
  nextHref?: string;
  firstHref?: string;
};

/** D1: Configuration > Users. */
export function UsersListPage(props: UsersListProps) {
  const { ctx, filter } = props;
  const { t, env } = ctx;
  const { fields } = userFilterForm;
  const atLimit = props.count >= props.limit;
  const hasErrors = Object.keys(filter.errors).length > 0;
  const labels = { q: t('users.filterText'), status: t('users.filterStatus') } satisfies FieldLabels<typeof userFilterForm>;
  return (
    <Layout ctx={ctx} title={t('users.title')} hasErrors={hasErrors}>
      <h1>{t('users.title')}</h1>
      <p>{t('users.count', { count: props.count, limit: props.limit })}</p>
      <p>{t('users.accountZone', { pspid: props.pspid, zone: props.accountZone })}</p>
      <p>
        <a href={paths.support.profiles(env)}>{t('users.profilesLink')}</a>
      </p>
      {atLimit ? (
        <p class="warning">{t('users.limitReached', { count: props.limit })}</p>
      ) : (
        <p>
          <a class="button" href={paths.users.new(env)}>
            {t('users.new')}
          </a>
        </p>
      )}
      <form method="get" action={paths.users.list(env)} class="filters" novalidate>
        <ErrorSummary t={t} errors={filter.errors} form={userFilterForm} labels={labels} />
        <TextField t={t} field={fields.q} label={labels.q} value={filter.values.q ?? ''} error={filter.errors.q} />
        <SelectField t={t} field={fields.status} label={labels.status}>
          {USER_STATUSES.map((status) => (
            <option value={status} selected={status === filter.values.status}>
              {t(`users.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('users.filterSubmit')}</button>
      </form>
      {props.rows ? <UsersTable ctx={ctx} pspid={props.pspid} rows={props.rows} /> : null}
      <p class="pagination">
        {props.firstHref ? <a href={props.firstHref}>{t('users.firstPage')}</a> : null}
        {props.nextHref ? <a href={props.nextHref}>{t('users.morePage')}</a> : null}
      </p>
    </Layout>
  );
}

function UsersTable({ ctx, pspid, rows }: { ctx: ViewContext; pspid: string; rows: UserRow[] }) {
  const { t, env } = ctx;
  if (rows.length === 0) return <p>{t('users.none')}</p>;
  return (
    <DataTable
      id="users-table"
      caption={t('users.tableCaption', { pspid })}
      columns={[
        t('users.col.userid'),
        t('users.col.name'),
        t('users.col.profile'),
        t('users.col.api'),
        t('users.col.otp'),
        t('users.col.status'),
        t('users.col.lastLogin'),
      ]}
    >
      {rows.map((row) => (
        <tr>
          <th scope="row">
            <a href={paths.users.show(env, row.id)}>{row.userid}</a>
          </th>
          <td>{row.name}</td>
          <td>{t(`profile.${row.profile}`)}</td>
          <td>{row.isApiUser ? t('users.yes') : t('users.no')}</td>
          <td>{row.otp ? t('users.otpOn') : t('users.otpOff')}</td>
          <td>
            {t(`users.status.${row.status}`)}
            {row.deactivation ? (
              <>
                <br />
                <span class="hint">{t.message(row.deactivation)}</span>
              </>
            ) : null}
          </td>
          <td>{row.lastLogin ? <time datetime={row.lastLogin.iso}>{row.lastLogin.text}</time> : t('users.never')}</td>
        </tr>
      ))}
    </DataTable>
  );
}

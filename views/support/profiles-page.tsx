import type { Permission } from '../../src/auth/permissions.ts';
import type { Profile } from '../../src/db/schema/users.ts';
import { DataTable } from '../components/data-table.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { SupportPageShell } from './support-page-shell.tsx';

export type RightsMatrix = { profiles: Profile[]; rows: { permission: Permission; allowed: boolean[] }[] };

/** D3: the profiles and their rights, read from the one permission matrix. */
export function ProfilesPage({ ctx, matrix, ownProfile }: { ctx: ViewContext; matrix: RightsMatrix; ownProfile: Profile }) {
  const { t } = ctx;
  return (
    <SupportPageShell ctx={ctx} title="support.profiles.title">
      <p>{t('support.profiles.intro')}</p>
      <p>{t('support.profiles.own', { profile: t(`profile.${ownProfile}`) })}</p>
      <DataTable
        id="rights"
        tableClass="rights"
        caption={t('support.profiles.caption')}
        columns={[t('support.profiles.right'), ...matrix.profiles.map((profile) => t(`profile.${profile}`))]}
      >
        {matrix.rows.map((row) => (
          <tr>
            <th scope="row">{t(`permission.${row.permission}`)}</th>
            {row.allowed.map((allowed) => (
              <td class={allowed ? 'allowed' : 'refused'}>{allowed ? t('support.profiles.yes') : t('support.profiles.no')}</td>
            ))}
          </tr>
        ))}
      </DataTable>
      <p>{t('support.profiles.rules')}</p>
    </SupportPageShell>
  );
}

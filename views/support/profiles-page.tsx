import type { Permission } from '../../src/auth/permissions.ts';
import type { Profile } from '../../src/db/schema/users.ts';
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
      {/* Scrolls sideways on narrow screens: focusable and named, so keyboard users can scroll it. */}
      <section class="table-scroll" aria-labelledby="rights-caption" tabindex={0}>
        <table class="data-table rights">
          <caption id="rights-caption">{t('support.profiles.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('support.profiles.right')}</th>
              {matrix.profiles.map((profile) => (
                <th scope="col">{t(`profile.${profile}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr>
                <th scope="row">{t(`permission.${row.permission}`)}</th>
                {row.allowed.map((allowed) => (
                  <td class={allowed ? 'allowed' : 'refused'}>
                    {allowed ? t('support.profiles.yes') : t('support.profiles.no')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>{t('support.profiles.rules')}</p>
    </SupportPageShell>
  );
}

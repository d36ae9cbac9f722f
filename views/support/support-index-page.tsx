import type { PlainKey } from '../../src/i18n/catalogue.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

type SupportLink = { path: string; title: PlainKey; description: PlainKey };

export const SUPPORT_PAGES: SupportLink[] = [
  { path: '/support/manuals', title: 'support.manuals.title', description: 'support.manuals.description' },
  { path: '/support/faq', title: 'support.faq.title', description: 'support.faq.description' },
  { path: '/support/profiles', title: 'support.profiles.title', description: 'support.profiles.description' },
  { path: '/support/version', title: 'support.version.title', description: 'support.version.description' },
  { path: '/support/contact', title: 'support.contact.title', description: 'support.contact.description' },
];

/** R1: the Support menu of the guide (manuals, FAQ, platform version, contact). */
export function SupportIndexPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('support.title')}>
      <h1>{t('support.title')}</h1>
      <p>{t('support.intro')}</p>
      <ul class="support-links">
        {SUPPORT_PAGES.map((link) => (
          <li class="card">
            <h2>
              <a href={`/${ctx.env}${link.path}`}>{t(link.title)}</a>
            </h2>
            <p>{t(link.description)}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

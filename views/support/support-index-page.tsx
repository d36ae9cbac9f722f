import type { Environment } from '../../src/db/schema/accounts.ts';
import type { PlainKey } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

type SupportLink = { href: (env: Environment) => string; title: PlainKey; description: PlainKey };

const SUPPORT_PAGES: SupportLink[] = [
  { href: paths.support.manuals, title: 'support.manuals.title', description: 'support.manuals.description' },
  { href: (env) => paths.support.faq(env), title: 'support.faq.title', description: 'support.faq.description' },
  { href: paths.support.profiles, title: 'support.profiles.title', description: 'support.profiles.description' },
  { href: paths.support.version, title: 'support.version.title', description: 'support.version.description' },
  { href: paths.support.contact, title: 'support.contact.title', description: 'support.contact.description' },
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
              <a href={link.href(ctx.env)}>{t(link.title)}</a>
            </h2>
            <p>{t(link.description)}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

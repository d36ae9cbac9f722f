import { paths } from '../../src/paths.ts';
import type { PassphraseUse } from '../../src/technical/settings.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/**
 * The answer to a passphrase's "generate" button: the new passphrase, shown this once (it is never
 * shown again, and a reload of Technical information says only "Set").
 */
export function GeneratedPassphrasePage({
  ctx,
  use,
  pspid,
  passphrase,
}: {
  ctx: ViewContext;
  use: PassphraseUse;
  pspid: string;
  passphrase: string;
}) {
  const { t, env } = ctx;
  return (
    <Layout ctx={ctx} title={t('technical.generated.title')}>
      <h1>{t('technical.generated.title')}</h1>
      <p>{t('technical.generated.intro', { what: t(`technical.passphraseName.${use}`), pspid })}</p>
      <dl class="summary-list">
        <dt>{t('technical.generated.label')}</dt>
        <dd>
          <code id="generated-passphrase">{passphrase}</code>
        </dd>
      </dl>
      <p>
        <a class="button" href={paths.technical.page(env)}>
          {t('technical.generated.back')}
        </a>
      </p>
    </Layout>
  );
}

import type { AccountOption, Feature } from '../../src/account/options.ts';
import { localeOf } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type OptionsConfirmProps = {
  ctx: ViewContext;
  pspid: string;
  /** Options switched on and off by the change, with the features each shows or hides. */
  switchedOn: { code: AccountOption; features: Feature[] }[];
  switchedOff: { code: AccountOption; features: Feature[] }[];
  /** Every option the account will have, sent again by the button. */
  wanted: AccountOption[];
  /** The options section's version the change was made from. */
  version: number;
};

/**
 * C3 in PRODUCTION: before options are switched, what the change shows and hides (each feature
 * by name), and a button that does it; hidden data is kept. Cancel returns to the account page.
 */
export function OptionsConfirmPage(props: OptionsConfirmProps) {
  const { ctx } = props;
  const { t, env } = ctx;
  const title = t('account.options.confirmTitle', { pspid: props.pspid });
  const list = new Intl.ListFormat(localeOf(t.language), { type: 'conjunction' });
  const features = (codes: Feature[]) => list.format(codes.map((feature) => t(`account.feature.${feature}`)));
  const action = paths.account.section(env, 'options');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.switchedOn.length > 0 ? (
        <section aria-labelledby="options-on-title">
          <h2 id="options-on-title">{t('account.options.switchedOn')}</h2>
          <ul>
            {props.switchedOn.map((option) => (
              <li>
                {t('account.options.shows', { option: t(`account.option.${option.code}`), features: features(option.features) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.switchedOff.length > 0 ? (
        <section aria-labelledby="options-off-title">
          <h2 id="options-off-title">{t('account.options.switchedOff')}</h2>
          <ul>
            {props.switchedOff.map((option) => (
              <li>
                {t('account.options.hides', { option: t(`account.option.${option.code}`), features: features(option.features) })}
              </li>
            ))}
          </ul>
          <p>{t('account.options.dataKept')}</p>
        </section>
      ) : null}
      <form method="post" action={action} class="form-actions">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="confirmed" value="1" />
        {props.wanted.map((code) => (
          <input type="hidden" name={code} value="1" />
        ))}
        <button type="submit">{t('account.options.confirmButton')}</button>
        <a href={paths.account.page(env)}>{t('account.cancel')}</a>
      </form>
    </Layout>
  );
}

import type { Child } from 'hono/jsx';
import type { AccountOption, Feature } from '../../src/account/options.ts';
import { localeOf } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** An option the change switches, with the features it shows or hides. */
type SwitchedOption = { code: AccountOption; features: Feature[] };

export type OptionsConfirmProps = {
  ctx: ViewContext;
  pspid: string;
  /** Options switched on and off by the change, with the features each shows or hides. */
  switchedOn: SwitchedOption[];
  switchedOff: SwitchedOption[];
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
  /** An option and the features it shows or hides, by name. */
  const said = (option: SwitchedOption) => ({
    option: t(`account.option.${option.code}`),
    features: list.format(option.features.map((feature) => t(`account.feature.${feature}`))),
  });
  const action = paths.account.section(env, 'options');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <SwitchedOptions
        id="options-on"
        heading={t('account.options.switchedOn')}
        lines={props.switchedOn.map((option) => t('account.options.shows', said(option)))}
      />
      <SwitchedOptions
        id="options-off"
        heading={t('account.options.switchedOff')}
        lines={props.switchedOff.map((option) => t('account.options.hides', said(option)))}
      >
        <p>{t('account.options.dataKept')}</p>
      </SwitchedOptions>
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

/** The options switched one way, a line each, under their heading; nothing when there are none. */
function SwitchedOptions({ id, heading, lines, children }: { id: string; heading: string; lines: string[]; children?: Child }) {
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{heading}</h2>
      <ul>
        {lines.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      {children}
    </section>
  );
}

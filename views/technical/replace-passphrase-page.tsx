import type { PassphraseUse } from '../../src/technical/settings.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/**
 * The confirmation step of a passphrase's "generate" button when a passphrase is already set:
 * what replacing it breaks (requests signed with the current passphrase are refused from then on,
 * or, for SHA-OUT, the merchant's server no longer recognises Guichet's feedback), and a Confirm
 * button that posts the section's `version` with `confirmed=1` to `action`; Cancel goes back to
 * the section (`cancelHref`) and changes nothing.
 */
export function ReplacePassphrasePage(props: {
  ctx: ViewContext;
  use: PassphraseUse;
  pspid: string;
  /** Where Confirm posts: the section's generate address. */
  action: string;
  /** The section's version the administrator saw (0 when unknown: the post is then stale, 409). */
  version: number;
  cancelHref: string;
}) {
  const { ctx, use } = props;
  const { t } = ctx;
  const title = t('technical.replace.title', { what: t(`technical.passphraseName.${use}`), pspid: props.pspid });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <div class="notice" id="replace-passphrase-warning">
        <p>{t(`technical.replace.breaks.${use}`)}</p>
      </div>
      <p>{t('technical.replace.then')}</p>
      <form method="post" action={props.action} class="form-actions">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="confirmed" value="1" />
        <button type="submit">{t('technical.replace.confirm')}</button>
        <a href={props.cancelHref}>{t('technical.replace.cancel')}</a>
      </form>
    </Layout>
  );
}

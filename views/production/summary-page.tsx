import type { PlainKey } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import type { CopiedPart } from './copy-lists.tsx';
import { CopyLists } from './copy-lists.tsx';

export type ProductionSummaryProps = {
  ctx: ViewContext;
  pspid: string;
  createdOn: string;
  /** The default administrator's e-mail, where the initial password went. */
  mailedTo: string | null;
  copied: readonly CopiedPart[];
  notCopied: readonly PlainKey[];
  /** In the answer to the creation only: the password, when its mail failed. */
  shownPassword?: string;
  /** In the answer to the creation only: secrets a copy part made anew. */
  shownOnce?: { label: PlainKey; value: string }[];
};

/**
 * I1, after the creation (and whenever it is asked for again): the PRODUCTION account, where
 * its administrator's password went, what was copied and what to set up again, and the way to
 * the PRODUCTION login. Secrets appear only in the answer to the creation itself.
 */
export function ProductionSummaryPage(props: ProductionSummaryProps) {
  const { ctx, pspid } = props;
  const { t } = ctx;
  const secrets = props.shownOnce ?? [];
  return (
    <Layout ctx={ctx} title={t('production.summary.title', { pspid })}>
      <h1>{t('production.summary.title', { pspid })}</h1>
      {props.shownPassword ? (
        <div class="notice" role="status">
          <p>{t('production.summary.mailFailed')}</p>
          <p>
            <code class="shown-password">{props.shownPassword}</code>
          </p>
        </div>
      ) : null}
      {secrets.length > 0 ? (
        <div class="notice" role="status">
          <p>{t('production.summary.shownOnce')}</p>
          <dl class="summary-list">
            {secrets.map((secret) => (
              <>
                <dt>{t(secret.label)}</dt>
                <dd>
                  <code class="shown-password">{secret.value}</code>
                </dd>
              </>
            ))}
          </dl>
        </div>
      ) : null}
      <section class="card" aria-labelledby="production-summary-title">
        <h2 id="production-summary-title">{t('production.review.account')}</h2>
        <dl class="summary-list" id="production-summary">
          <dt>{t('production.summary.pspid')}</dt>
          <dd>{pspid}</dd>
          <dt>{t('production.summary.createdOn')}</dt>
          <dd>{props.createdOn}</dd>
          <dt>{t('production.summary.administrator')}</dt>
          <dd>{t('production.summary.administratorValue', { pspid })}</dd>
          {props.mailedTo && !props.shownPassword ? (
            <>
              <dt>{t('production.summary.mailedTo')}</dt>
              <dd>{props.mailedTo}</dd>
            </>
          ) : null}
        </dl>
        <p>{t('production.summary.next')}</p>
        <p>
          <a href={paths.login('prod')}>{t('production.prodLogin')}</a>
        </p>
      </section>
      <CopyLists ctx={ctx} copied={props.copied} notCopied={props.notCopied} />
    </Layout>
  );
}

import type { PlainKey } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { productionForm } from '../../src/production/forms.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import type { CopiedPart } from './copy-lists.tsx';
import { CopyLists } from './copy-lists.tsx';

/**
 * I1, step 2: the PRODUCTION account about to be made (its PSPID, its one administrator and
 * where the password goes), what will be copied and what will not, and the confirmation (a
 * POST carrying the PSPID). Nothing is written before the button.
 */
export function ProductionReviewPage(props: {
  ctx: ViewContext;
  pspid: string;
  recipient: string;
  copied: readonly CopiedPart[];
  notCopied: readonly PlainKey[];
}) {
  const { ctx, pspid } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('production.review.title')}>
      <p>
        <a href={paths.production.start(pspid)}>{t('production.changePspid')}</a>
      </p>
      <h1>{t('production.review.title')}</h1>
      <p>{t('production.review.intro')}</p>
      <section class="card" aria-labelledby="production-account-title">
        <h2 id="production-account-title">{t('production.review.account')}</h2>
        <dl class="summary-list">
          <dt>{t('production.summary.pspid')}</dt>
          <dd>{pspid}</dd>
        </dl>
        <p>{t('production.review.administrator', { pspid, email: props.recipient })}</p>
      </section>
      <CopyLists ctx={ctx} copied={props.copied} notCopied={props.notCopied} />
      <form method="post" action={paths.production.create()} class="form-actions">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name={productionForm.fields.pspid.name} value={pspid} />
        <button type="submit">{t('production.confirm', { pspid })}</button>
        <a href={paths.home(ctx.env)}>{t('production.cancel')}</a>
      </form>
    </Layout>
  );
}

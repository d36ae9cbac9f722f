import { paths } from '../../src/paths.ts';
import type { ViewContext } from '../layout/view-context.ts';

/** A TEST account's PRODUCTION twin, as the TEST account page shows it. */
export type ProductionTwinProps = {
  pspid: string;
  /** When it was created, in the reader's zone and language. */
  createdOn: string;
  /** The reader may open the summary (account:create_production). */
  summary: boolean;
};

/**
 * I1, on Configuration > Account in TEST: the PRODUCTION account made from this one, when it was
 * created, and the links to what was copied (for those who may create it) and to the PRODUCTION login.
 */
export function ProductionTwinBlock({ ctx, twin }: { ctx: ViewContext; twin: ProductionTwinProps }) {
  const { t } = ctx;
  return (
    <section class="card" id="account-production-twin" aria-labelledby="account-production-twin-title">
      <h2 id="account-production-twin-title">{t('production.twin.title')}</h2>
      <p>{t('production.existing', { pspid: twin.pspid, date: twin.createdOn })}</p>
      <ul>
        {twin.summary ? (
          <li>
            <a href={paths.production.summary()}>{t('production.summaryLink')}</a>
          </li>
        ) : null}
        <li>
          <a href={paths.login('prod')}>{t('production.prodLogin')}</a>
        </li>
      </ul>
    </section>
  );
}

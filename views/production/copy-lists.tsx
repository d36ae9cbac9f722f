import type { PlainKey } from '../../src/i18n/catalogue.ts';
import type { ViewContext } from '../layout/view-context.ts';

/** A part copied into PRODUCTION, as the registry words it (src/production/copy-registry.ts). */
export type CopiedPart = { label: PlainKey; details: PlainKey };

/**
 * I1: what the copy takes to PRODUCTION and what it leaves to set up again, the same two lists
 * on the review page (before) and the summary page (after).
 */
export function CopyLists(props: { ctx: ViewContext; copied: readonly CopiedPart[]; notCopied: readonly PlainKey[] }) {
  const { t } = props.ctx;
  return (
    <>
      <section class="card" aria-labelledby="production-copied-title">
        <h2 id="production-copied-title">{t('production.copied.title')}</h2>
        <dl class="summary-list" id="production-copied">
          {props.copied.map((part) => (
            <>
              <dt>{t(part.label)}</dt>
              <dd>{t(part.details)}</dd>
            </>
          ))}
        </dl>
      </section>
      <section class="card" aria-labelledby="production-not-copied-title">
        <h2 id="production-not-copied-title">{t('production.notCopied.title')}</h2>
        <p>{t('production.notCopied.intro')}</p>
        <ul id="production-not-copied">
          {props.notCopied.map((item) => (
            <li>{t(item)}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

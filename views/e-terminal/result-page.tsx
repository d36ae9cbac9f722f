import { paths } from '../../src/paths.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** How the payment went, for the page's first sentence and its look. */
export type ResultOutcome = 'accepted' | 'refused' | 'uncertain' | 'offline' | 'other';

export type ResultPageProps = {
  ctx: ViewContext;
  outcome: ResultOutcome;
  /** The sentence that says what happened, in words (with the refusal's reason). */
  said: string;
  /** The payment's details as terms and values, in the order shown (PAYID first). */
  details: readonly (readonly [string, string])[];
};

/**
 * O1: the result of an e-Terminal payment (reference §10 "Result": PAYID, date and time,
 * authorisation code, operation), read back from the order, so a reload shows it as it is now.
 */
export function ResultPage({ ctx, outcome, said, details }: ResultPageProps) {
  const { t, env } = ctx;
  // An accepted payment, or one waiting for its offline processing, is news; a refusal is an alert.
  const good = outcome === 'accepted' || outcome === 'offline';
  return (
    <Layout ctx={ctx} title={t('eterminal.result.title')}>
      <h1>{t('eterminal.result.title')}</h1>
      <div
        class={good ? 'flash' : 'error-summary'}
        role={good ? 'status' : 'alert'}
        tabindex={-1}
        data-result={outcome}
        // Focused when the page opens (static/app.js), so the outcome is read first.
        data-saved-notice
      >
        <p>{said}</p>
      </div>
      <section class="card" aria-labelledby="eterminal-result-details">
        <h2 id="eterminal-result-details">{t('eterminal.result.details')}</h2>
        <dl class="summary-list">
          {details.map(([term, value]) => (
            <>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
      </section>
      <p>
        <a href={paths.eTerminal.newTransaction(env)}>{t('eterminal.result.another')}</a>
      </p>
    </Layout>
  );
}

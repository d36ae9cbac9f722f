import type { TechnicalPageProps } from './technical-props.ts';
import { TestCardsTable } from './test-cards-table.tsx';

/**
 * Test info (reference §11): the simulated acquirer's test cards of the brands Guichet accepts,
 * with their fixed results (src/acquirer/test-cards.ts, docs/test-cards.md). Read-only.
 */
export function TestInfoSection({ ctx, testCards, id }: Pick<TechnicalPageProps, 'ctx' | 'testCards'> & { id: string }) {
  const { t } = ctx;
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('technical.tab.testInfo')}</h2>
      <p>{t('technical.testInfo.intro')}</p>
      <TestCardsTable t={t} cards={testCards} id={id} />
    </section>
  );
}

import { DataTable } from '../components/data-table.tsx';
import type { TechnicalPageProps } from './technical-props.ts';

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
      <DataTable
        id={id}
        caption={t('technical.testInfo.caption')}
        columns={[t('technical.testInfo.number'), t('technical.testInfo.brand'), t('technical.testInfo.result')]}
      >
        {testCards.map((card) => (
          <tr>
            <th scope="row">
              <code>{card.number}</code>
            </th>
            <td>{card.brand ?? t('technical.testInfo.noBrand')}</td>
            <td>
              {card.description} ({card.ncerror})
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

import type { Translate } from '../../src/i18n/catalogue.ts';
import { DataTable } from '../components/data-table.tsx';
import type { TestCardView } from './technical-props.ts';

/**
 * The simulated acquirer's test cards with their fixed results (reference §11; src/acquirer/test-cards.ts,
 * docs/test-cards.md): the one table Technical information > Test info and the Support manual show.
 */
export function TestCardsTable({ t, cards, id }: { t: Translate; cards: TestCardView[]; id: string }) {
  return (
    <DataTable
      id={id}
      caption={t('technical.testInfo.caption')}
      columns={[t('technical.testInfo.number'), t('technical.testInfo.brand'), t('technical.testInfo.result')]}
    >
      {cards.map((card) => (
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
  );
}

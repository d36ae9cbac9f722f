import type { Translate } from '../../src/i18n/catalogue.ts';
import { DataTable } from '../components/data-table.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** One operation of the history as shown: times in the reader's zone, amount and status in words. */
export type OperationView = {
  level: string;
  operation: string;
  amount: string;
  status: string;
  ncError: string;
  userid: string;
  requestedAt: { text: string; iso: string };
  processedAt?: { text: string; iso: string };
};

/** A section of the order's fields: its heading and its terms with their values ('' shows as a dash). */
export type OrderSection = { id: string; title: string; fields: readonly (readonly [string, string])[] };

export type OrderPageProps = {
  ctx: ViewContext;
  orderId: string;
  sections: OrderSection[];
  history: OperationView[];
  /** The search the user came from, or the empty search. */
  backHref: string;
};

/** An order's detail (PRODUCT.md N2): every field of it, the card masked, and its whole history. */
export function OrderPage({ ctx, orderId, sections, history, backHref }: OrderPageProps) {
  const { t } = ctx;
  const title = t('order.title', { orderId });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={backHref}>{t('order.back')}</a>
      </p>
      <h1>{title}</h1>
      {sections.map((section) => (
        <section class="card" aria-labelledby={`order-${section.id}`}>
          <h2 id={`order-${section.id}`}>{section.title}</h2>
          <dl class="summary-list">
            {section.fields.map(([term, value]) => (
              <>
                <dt>{term}</dt>
                <dd>{value || t('transactions.none.value')}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
      <section aria-labelledby="order-history">
        <h2 id="order-history">{t('order.section.history')}</h2>
        <HistoryTable t={t} history={history} />
      </section>
    </Layout>
  );
}

function HistoryTable({ t, history }: { t: Translate; history: OperationView[] }) {
  return (
    <DataTable
      id="order-history-table"
      caption={t('order.historyCaption')}
      columns={[
        t('order.col.level'),
        t('order.col.operation'),
        t('order.col.amount'),
        t('order.col.status'),
        t('order.col.ncError'),
        t('order.col.user'),
        t('order.col.requestedAt'),
        t('order.col.processedAt'),
      ]}
    >
      {history.map((line) => (
        <tr>
          <td>{line.level}</td>
          <td>{line.operation}</td>
          <td>{line.amount}</td>
          <td>{line.status}</td>
          <td>{line.ncError}</td>
          <td>{line.userid || t('transactions.none.value')}</td>
          <td>
            <time datetime={line.requestedAt.iso}>{line.requestedAt.text}</time>
          </td>
          <td>
            {line.processedAt ? <time datetime={line.processedAt.iso}>{line.processedAt.text}</time> : t('order.notProcessed')}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

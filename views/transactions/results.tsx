import type { Translate } from '../../src/i18n/catalogue.ts';

/** One order as its line shows it: times already in the reader's zone, amounts and words written. */
export type TransactionLineView = {
  payId: string;
  /** The order's detail page. */
  href: string;
  orderId: string;
  orderedAt: { text: string; iso: string };
  paidAt?: { text: string; iso: string };
  /** "9 – Payment requested". */
  status: string;
  amount: string;
  /** "VISA 411111XXXXXX1111", or '' when the order has no card. */
  card: string;
  cardHolder: string;
  source: string;
};

/** A sortable column's header link: the same search in the other order, and how it is sorted now. */
export type SortLink = { href: string; state: 'ascending' | 'descending' | undefined };

export type TransactionResults = {
  lines: TransactionLineView[];
  /** "37 orders match your search." or "More than 10,000 orders match your search." */
  count: string;
  /** The order of the lines in words, for the caption. */
  sortWords: string;
  sortLinks: { date: SortLink; amount: SortLink };
  /** True on a page reached by a paging link. */
  paged: boolean;
  previousHref?: string;
  nextHref?: string;
  firstHref?: string;
};

/** The results: how many, the orders as a table with sortable date and amount columns, paging links. */
export function Results({ t, results }: { t: Translate; results: TransactionResults }) {
  const empty = results.paged ? t('transactions.nonePage') : t('transactions.none');
  return (
    <section aria-labelledby="transactions-results-title">
      <h2 id="transactions-results-title">{t('transactions.results')}</h2>
      <p role="status">{results.lines.length > 0 || !results.paged ? results.count : null}</p>
      {results.lines.length > 0 ? <ResultsTable t={t} results={results} /> : <p class="notice">{empty}</p>}
      {results.previousHref || results.nextHref || results.firstHref ? (
        <nav aria-label={t('transactions.pages')}>
          <p>
            {[
              results.firstHref ? <a href={results.firstHref}>{t('transactions.firstPage')}</a> : null,
              results.previousHref ? (
                <a href={results.previousHref} rel="prev">
                  {t('transactions.previous')}
                </a>
              ) : null,
              results.nextHref ? (
                <a href={results.nextHref} rel="next">
                  {t('transactions.next')}
                </a>
              ) : null,
            ]
              .filter(Boolean)
              .map((link, index) => (
                <>
                  {index > 0 ? ' · ' : null}
                  {link}
                </>
              ))}
          </p>
        </nav>
      ) : null}
    </section>
  );
}

/**
 * A sortable column's header: a link to the other order, the current order told by `aria-sort`
 * and shown by an arrow (no hidden text: a visually hidden element inside the table's scrolling
 * frame would widen the page at 320 px).
 */
function SortHeader({ label, link }: { label: string; link: SortLink }) {
  const arrow = link.state === 'ascending' ? ' ↑' : link.state === 'descending' ? ' ↓' : '';
  return (
    <th scope="col" aria-sort={link.state}>
      <a href={link.href}>{label}</a>
      {arrow ? <span aria-hidden="true">{arrow}</span> : null}
    </th>
  );
}

function ResultsTable({ t, results }: { t: Translate; results: TransactionResults }) {
  const none = t('transactions.none.value');
  return (
    <section class="table-scroll" aria-labelledby="transactions-table-caption" tabindex={0}>
      <table class="data-table">
        <caption id="transactions-table-caption">{t('transactions.caption', { sort: results.sortWords })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transactions.col.payId')}</th>
            <th scope="col">{t('transactions.col.orderId')}</th>
            <SortHeader label={t('transactions.col.orderedAt')} link={results.sortLinks.date} />
            <th scope="col">{t('transactions.col.paidAt')}</th>
            <th scope="col">{t('transactions.col.status')}</th>
            <SortHeader label={t('transactions.col.amount')} link={results.sortLinks.amount} />
            <th scope="col">{t('transactions.col.card')}</th>
            <th scope="col">{t('transactions.col.cardHolder')}</th>
            <th scope="col">{t('transactions.col.source')}</th>
          </tr>
        </thead>
        <tbody>
          {results.lines.map((line) => (
            <tr>
              <td>
                <a href={line.href}>{line.payId}</a>
              </td>
              <td>{line.orderId}</td>
              <td>
                <time datetime={line.orderedAt.iso}>{line.orderedAt.text}</time>
              </td>
              <td>{line.paidAt ? <time datetime={line.paidAt.iso}>{line.paidAt.text}</time> : none}</td>
              <td>{line.status}</td>
              <td>{line.amount}</td>
              <td>{line.card || none}</td>
              <td>{line.cardHolder || none}</td>
              <td>{line.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

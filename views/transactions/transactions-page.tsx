import type { FieldErrors } from '../../src/forms/parse.ts';
import type { SearchFieldName } from '../../src/transactions/forms.ts';
import { transactionSearchForm } from '../../src/transactions/forms.ts';
import { ErrorNotice, ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../layout/layout.tsx';
import type { TransactionResults } from './results.tsx';
import { Results } from './results.tsx';
import type { SearchFormProps } from './search-form.tsx';
import { SEARCH_REGION_ID, SearchForm, searchLabels } from './search-form.tsx';

export type TransactionsPageProps = Omit<SearchFormProps, 'errors'> & {
  errors?: FieldErrors<SearchFieldName>;
  /** The user's time zone, in which dates are read and times shown. */
  zone: string;
  /** The user sees only the orders they made. */
  scopeOwn: boolean;
  /** A problem with the page's address rather than a field (a paging link that is not valid), and the way back. */
  notice?: { text: string; href: string; link: string };
  /** Absent when the search has a problem: nothing is listed then. */
  results?: TransactionResults;
};

/**
 * The part of the page a search replaces (with htmx, in place): the problems, the form and the
 * results.
 */
export function TransactionsSearch(props: TransactionsPageProps) {
  const { ctx, results, notice } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  return (
    <div id={SEARCH_REGION_ID}>
      <ErrorSummary t={t} errors={errors} form={transactionSearchForm} labels={searchLabels(t)} />
      {notice ? (
        <>
          <ErrorNotice message={notice.text} />
          <p>
            <a href={notice.href}>{notice.link}</a>
          </p>
        </>
      ) : null}
      <SearchForm {...props} errors={errors} />
      {results ? <Results t={t} results={results} /> : null}
    </div>
  );
}

/** Operations > View transactions (PRODUCT.md N1): the search, and the orders it finds, paged by key. */
export function TransactionsPage(props: TransactionsPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  const hasErrors = Object.keys(props.errors ?? {}).length > 0 || Boolean(props.notice);
  return (
    <Layout ctx={ctx} title={t('transactions.title')} hasErrors={hasErrors}>
      <h1>{t('transactions.title')}</h1>
      <p>{t('transactions.intro')}</p>
      {props.scopeOwn ? <p>{t('transactions.scopeOwn')}</p> : null}
      <p>{t('transactions.zone', { zone: props.zone })}</p>
      <TransactionsSearch {...props} />
    </Layout>
  );
}

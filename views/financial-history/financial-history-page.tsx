import type { HistoryFilterName, HistoryFilterValues } from '../../src/financial-history/forms.ts';
import { BRAND_CHOICES, historyFilterForm, KIND_CHOICES } from '../../src/financial-history/forms.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import { CURRENCIES } from '../../src/lib/money.ts';
import { paths } from '../../src/paths.ts';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Options, SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { HistoryCharts } from './history-charts.tsx';
import type { HistoryChartView, HistoryDayView, HistoryTotalsView } from './history-views.ts';

export type HistoryResults = {
  days: HistoryDayView[];
  charts: HistoryChartView[];
  totals: HistoryTotalsView;
  /** True on a page reached by a paging link. */
  paged: boolean;
  /** The page of earlier operations, when there is one. */
  earlierHref?: string;
  /** The page of later operations, when there is one. */
  laterHref?: string;
};

export type FinancialHistoryPageProps = {
  ctx: ViewContext;
  values: HistoryFilterValues;
  errors?: FieldErrors<HistoryFilterName>;
  /** The reader's time zone, in which days are read and times shown. */
  zone: string;
  /** A paging link that is not one: the message and the first page of the same filters. */
  badCursor?: { firstHref: string };
  /** Absent when the filters have problems: nothing is listed then. */
  results?: HistoryResults;
};

/** The filters' labels, for their fields and the error summary. */
export function historyFilterLabels(t: Translate) {
  return {
    from: t('history.from'),
    to: t('history.to'),
    currency: t('history.currency'),
    brand: t('history.brand'),
    kind: t('history.kind'),
  } satisfies FieldLabels<typeof historyFilterForm>;
}

/**
 * Operations > Financial history (PRODUCT.md M1): every operation of the account's orders as its
 * own line, day by day in the reader's zone, with the totals per day and currency and a chart of
 * the daily net totals; filtered by a plain GET form, paged by key.
 */
export function FinancialHistoryPage(props: FinancialHistoryPageProps) {
  const { ctx, results } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('history.title')} hasErrors={hasErrors || Boolean(props.badCursor)}>
      <h1>{t('history.title')}</h1>
      <p>{t('history.intro')}</p>
      <p>{t('history.counting')}</p>
      <p>{t('history.zone', { zone: props.zone })}</p>
      <ErrorSummary t={t} errors={errors} form={historyFilterForm} labels={historyFilterLabels(t)} />
      {props.badCursor ? (
        <div class="error-summary" role="alert" tabindex={-1} data-error-summary>
          <p>
            {t('history.badCursor')} <a href={props.badCursor.firstHref}>{t('history.first')}</a>
          </p>
        </div>
      ) : null}
      <FilterForm ctx={ctx} values={props.values} errors={errors} />
      {results ? (
        <>
          <HistoryCharts t={t} charts={results.charts} totals={results.totals} />
          <Lines t={t} results={results} />
        </>
      ) : null}
    </Layout>
  );
}

function FilterForm({
  ctx,
  values,
  errors,
}: {
  ctx: ViewContext;
  values: HistoryFilterValues;
  errors: FieldErrors<HistoryFilterName>;
}) {
  const { t } = ctx;
  const { fields } = historyFilterForm;
  const labels = historyFilterLabels(t);
  return (
    <section class="card" aria-labelledby="history-filters-title">
      <h2 id="history-filters-title">{t('history.filters')}</h2>
      <form method="get" action={paths.financialHistory.list(ctx.env)} novalidate>
        <div class="columns">
          <TextField
            t={t}
            field={fields.from}
            label={labels.from}
            hint={t('history.dateHint')}
            value={values.from}
            error={errors.from}
          />
          <TextField t={t} field={fields.to} label={labels.to} hint={t('history.dateHint')} value={values.to} error={errors.to} />
        </div>
        <div class="columns">
          <SelectField t={t} field={fields.currency} label={labels.currency} error={errors.currency}>
            <Options
              value={values.currency}
              options={[{ value: '', label: t('history.allCurrencies') }, ...CURRENCIES.map((c) => ({ value: c, label: c }))]}
            />
          </SelectField>
          <SelectField t={t} field={fields.brand} label={labels.brand} error={errors.brand}>
            <Options
              value={values.brand}
              options={[{ value: '', label: t('history.allBrands') }, ...BRAND_CHOICES.map((b) => ({ value: b, label: b }))]}
            />
          </SelectField>
          <SelectField t={t} field={fields.kind} label={labels.kind} error={errors.kind}>
            <Options
              value={values.kind}
              options={[
                { value: '', label: t('history.allKinds') },
                ...KIND_CHOICES.map((kind) => ({ value: kind, label: t(`history.kind.${kind}`) })),
              ]}
            />
          </SelectField>
        </div>
        <p>
          <button type="submit">{t('history.submit')}</button>{' '}
          <a href={paths.financialHistory.list(ctx.env)}>{t('history.clear')}</a>
        </p>
      </form>
    </section>
  );
}

const COLUMNS = ['time', 'payId', 'orderId', 'operation', 'status', 'brand', 'userid', 'amount'] as const;

function Lines({ t, results }: { t: Translate; results: HistoryResults }) {
  return (
    <section aria-labelledby="history-lines-title">
      <h2 id="history-lines-title">{t('history.lines')}</h2>
      {results.days.length === 0 ? (
        <p class="notice" role="status">
          {t(results.paged ? 'history.nonePage' : 'history.none')}
        </p>
      ) : (
        <section class="table-scroll" aria-labelledby="history-lines-caption" tabindex={0}>
          <table class="data-table history-lines" id="history-lines-table">
            <caption id="history-lines-caption">{t('history.linesCaption')}</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th scope="col">{t(`history.col.${column}`)}</th>
                ))}
              </tr>
            </thead>
            {results.days.map((day) => (
              <tbody>
                <tr class="history-day">
                  <th scope="rowgroup" colspan={COLUMNS.length}>
                    <time datetime={day.date}>{day.label}</time>
                  </th>
                </tr>
                {day.lines.map((line) => (
                  <tr class={line.counted ? undefined : 'history-not-counted'}>
                    <td>
                      <time datetime={line.time.iso}>{line.time.text}</time>
                    </td>
                    <td>{line.payId}</td>
                    <td>{line.orderId}</td>
                    <td>{line.operation}</td>
                    <td>{line.status}</td>
                    <td>{line.brand}</td>
                    <td>{line.userid}</td>
                    <td class="amount">{line.amount}</td>
                  </tr>
                ))}
                {day.totals.map((total) => (
                  <tr class="history-day-total">
                    <th scope="row" colspan={5}>
                      {t('history.dayTotal', { day: day.label, currency: total.currency })}
                    </th>
                    <td colspan={3}>
                      {t('history.dayTotalAmounts', { payments: total.payments, refunds: total.refunds, net: total.net })}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </section>
      )}
      {results.earlierHref || results.laterHref ? (
        <nav aria-label={t('history.pages')}>
          <p>
            {results.earlierHref ? <a href={results.earlierHref}>{t('history.earlier')}</a> : null}
            {results.earlierHref && results.laterHref ? ' · ' : null}
            {results.laterHref ? <a href={results.laterHref}>{t('history.later')}</a> : null}
          </p>
        </nav>
      ) : null}
    </section>
  );
}

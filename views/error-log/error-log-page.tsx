import type { ErrorLogFilterName, ErrorLogFilterValues } from '../../src/error-log/forms.ts';
import { ERROR_LOG_SOURCES, errorLogFilterForm } from '../../src/error-log/forms.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Options, SelectField } from '../components/select-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import type { ErrorLogEntryView } from './error-log-table.tsx';
import { ErrorLogTable } from './error-log-table.tsx';

export type ErrorLogResults = {
  entries: ErrorLogEntryView[];
  /** The source filtered on, in words; undefined for all sources. */
  source?: string;
  /** True on a page reached by a paging link (the address carries a cursor). */
  paged: boolean;
  /** The page of newer errors, when there is one. */
  newerHref?: string;
  /** The page of older errors, when there is one. */
  olderHref?: string;
};

export type ErrorLogPageProps = {
  ctx: ViewContext;
  values: ErrorLogFilterValues;
  /** Problems by field name (a source that is not in the list). */
  errors?: FieldErrors<ErrorLogFilterName>;
  /** The user's time zone, in which times are shown. */
  zone: string;
  /** Absent when the filter has a problem: nothing is listed then. */
  results?: ErrorLogResults;
};

/** The sources' words, by source, for the filter's options. */
function sourceOptions(t: Translate) {
  return [
    { value: '', label: t('errorLog.allSources') },
    ...ERROR_LOG_SOURCES.map((source) => ({ value: source, label: t(`errorLog.source.${source}`) })),
  ];
}

/** Configuration > Error logs (PRODUCT.md J1): the refused transaction requests of the last three days. */
export function ErrorLogPage(props: ErrorLogPageProps) {
  const { ctx, results, values } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const field = errorLogFilterForm.fields.source;
  const label = t('errorLog.source');
  return (
    <Layout ctx={ctx} title={t('errorLog.title')} hasErrors={hasErrors}>
      <h1>{t('errorLog.title')}</h1>
      <p>{t('errorLog.intro')}</p>
      <p>{t('errorLog.zone', { zone: props.zone })}</p>
      <ErrorSummary t={t} errors={errors} form={errorLogFilterForm} labels={{ source: label }} />
      <section class="card" aria-labelledby="error-log-filters-title">
        <h2 id="error-log-filters-title">{t('errorLog.filters')}</h2>
        {/* A GET form: the address of what is shown can be bookmarked; works without JavaScript. */}
        <form method="get" action={paths.errorLogs.list(ctx.env)} novalidate>
          <SelectField t={t} field={field} label={label} error={errors.source}>
            <Options value={values.source} options={sourceOptions(t)} />
          </SelectField>
          <p>
            <button type="submit">{t('errorLog.submit')}</button>
            {values.source ? (
              <>
                {' '}
                <a href={paths.errorLogs.list(ctx.env)}>{t('errorLog.clear')}</a>
              </>
            ) : null}
          </p>
        </form>
      </section>
      {results ? <Results t={t} results={results} /> : null}
    </Layout>
  );
}

function Results({ t, results }: { t: Translate; results: ErrorLogResults }) {
  const empty = results.paged
    ? t('errorLog.nonePage')
    : results.source
      ? t('errorLog.noneFromSource', { source: results.source })
      : t('errorLog.none');
  return (
    <section aria-labelledby="error-log-results-title">
      <h2 id="error-log-results-title">{t('errorLog.results')}</h2>
      {results.entries.length > 0 ? (
        <ErrorLogTable t={t} entries={results.entries} />
      ) : (
        <p class="notice" role="status">
          {empty}
        </p>
      )}
      {results.newerHref || results.olderHref ? (
        <nav aria-label={t('errorLog.pages')}>
          <p>
            {results.newerHref ? <a href={results.newerHref}>{t('errorLog.newer')}</a> : null}
            {results.newerHref && results.olderHref ? ' · ' : null}
            {results.olderHref ? <a href={results.olderHref}>{t('errorLog.older')}</a> : null}
          </p>
        </nav>
      ) : null}
    </section>
  );
}

import type { AuditFilterName, AuditFilterValues } from '../../src/audit/forms.ts';
import { auditFilterForm } from '../../src/audit/forms.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import type { AuditEntryView } from './audit-table.tsx';
import { AuditTable } from './audit-table.tsx';
import { auditFilterLabels, FilterForm } from './filter-form.tsx';

export type AuditResults = {
  entries: AuditEntryView[];
  /** True on a page after the first one (the address carries a cursor). */
  older: boolean;
  /** The next page of older entries, when there is one. */
  olderHref?: string;
  /** Back to the first page with the same filters, when not on it. */
  newestHref?: string;
  /** The download of every entry matching the filters. */
  csvHref: string;
};

export type AuditPageProps = {
  ctx: ViewContext;
  values: AuditFilterValues;
  /** Problems by field name. */
  errors?: FieldErrors<AuditFilterName>;
  /** USERIDs the user filter suggests before anything is typed. */
  userids: readonly string[];
  events: { type: string; label: string }[];
  /** The user's time zone, in which dates are read and times shown. */
  zone: string;
  /** Absent when the filters have errors: nothing is listed then. */
  results?: AuditResults;
};

/** Configuration > Audit log: the account's audited events, filtered, paged by key, downloadable. */
export function AuditPage(props: AuditPageProps) {
  const { ctx, results } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('audit.title')} hasErrors={hasErrors}>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <p>{t('audit.zone', { zone: props.zone })}</p>
      <ErrorSummary t={t} errors={errors} form={auditFilterForm} labels={auditFilterLabels(t)} />
      <FilterForm ctx={ctx} values={props.values} errors={errors} userids={props.userids} events={props.events} />
      {results ? <Results ctx={ctx} results={results} /> : null}
    </Layout>
  );
}

function Results({ ctx, results }: { ctx: ViewContext; results: AuditResults }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="audit-results-title">
      <h2 id="audit-results-title">{t('audit.results')}</h2>
      {results.entries.length > 0 ? (
        <>
          <p>
            <a href={results.csvHref} hx-boost="false" download aria-describedby="audit-download-hint">
              {t('audit.download')}
            </a>
          </p>
          <p class="hint" id="audit-download-hint">
            {t('audit.downloadHint')}
          </p>
          <AuditTable t={t} entries={results.entries} caption={t(results.older ? 'audit.captionOlder' : 'audit.caption')} />
        </>
      ) : (
        <p class="notice" role="status">
          {t(results.older ? 'audit.noneOlder' : 'audit.none')}
        </p>
      )}
      {results.olderHref || results.newestHref ? (
        <nav aria-label={t('audit.pages')}>
          <p>
            {results.newestHref ? <a href={results.newestHref}>{t('audit.newest')}</a> : null}
            {results.newestHref && results.olderHref ? ' · ' : null}
            {results.olderHref ? <a href={results.olderHref}>{t('audit.older')}</a> : null}
          </p>
        </nav>
      ) : null}
    </section>
  );
}

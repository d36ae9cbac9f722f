import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Message } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { productionForm } from '../../src/production/forms.ts';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorNotice, ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** The PRODUCTION twin as the TEST pages show it: its PSPID and its creation, in the reader's zone. */
export type TwinSummary = { pspid: string; createdOn: string };

export type StartPageProps = {
  ctx: ViewContext;
  /** What the PSPID field shows: the TEST PSPID at first, else what was typed. */
  values: { pspid?: string };
  errors: FieldErrors;
  /** A refusal of the whole creation (already created, no e-mail address). */
  refusal?: Message;
  /** Where the initial password will go; undefined when there is no address (the creation would be refused). */
  recipient?: string;
  /** The PRODUCTION account, once created: no form then. */
  twin?: TwinSummary;
};

/**
 * I1 (guide 3.2.9), step 1: what the page does and the PSPID for PRODUCTION (a GET form to the
 * review page). Once the PRODUCTION account exists, the page says so, with links to the summary
 * and to the PRODUCTION login, instead of the form.
 */
export function ProductionStartPage(props: StartPageProps) {
  const { ctx, errors } = props;
  const { t } = ctx;
  const labels = { pspid: t('production.pspidLabel') } satisfies FieldLabels<typeof productionForm>;
  const hasErrors = Object.keys(errors).length > 0 || Boolean(props.refusal);
  return (
    <Layout ctx={ctx} title={t('production.title')} hasErrors={hasErrors}>
      <h1>{t('production.title')}</h1>
      <ErrorNotice message={props.refusal ? t.message(props.refusal) : undefined} />
      {props.twin ? (
        <TwinNotice ctx={ctx} twin={props.twin} refused={Boolean(props.refusal)} />
      ) : (
        <>
          <p>{t('production.intro')}</p>
          {props.recipient ? (
            <p>{t('production.recipient', { email: props.recipient })}</p>
          ) : props.refusal ? null : (
            <div class="notice">
              <p>{t('production.error.noEmail')}</p>
            </div>
          )}
          <section class="card">
            <form method="get" action={paths.production.review()} novalidate>
              <ErrorSummary t={t} errors={errors} form={productionForm} labels={labels} />
              <TextField
                t={t}
                field={productionForm.fields.pspid}
                label={labels.pspid}
                hint={t('production.pspidHint')}
                value={props.values.pspid}
                error={errors.pspid}
                autocomplete="off"
              />
              <div class="form-actions">
                <button type="submit">{t('production.continue')}</button>
              </div>
            </form>
          </section>
        </>
      )}
    </Layout>
  );
}

/** "Already created on <date>", with the way to the summary and to the PRODUCTION login. */
export function TwinNotice({ ctx, twin, refused }: { ctx: ViewContext; twin: TwinSummary; refused?: boolean }) {
  const { t } = ctx;
  return (
    <section class="card" id="production-twin" aria-labelledby="production-twin-title">
      {/* After a refused second creation, the error above already says when: the heading does not repeat it. */}
      <h2 id="production-twin-title">
        {refused ? t('production.twin.title') : t('production.existing', { pspid: twin.pspid, date: twin.createdOn })}
      </h2>
      <p>{t('production.existingOnlyOne')}</p>
      <ul>
        <li>
          <a href={paths.production.summary()}>{t('production.summaryLink')}</a>
        </li>
        <li>
          <a href={paths.login('prod')}>{t('production.prodLogin')}</a>
        </li>
      </ul>
    </section>
  );
}

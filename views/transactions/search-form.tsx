import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import type { SearchFieldName, SearchValues } from '../../src/transactions/forms.ts';
import { transactionSearchForm } from '../../src/transactions/forms.ts';
import type { StatusGroup } from '../../src/transactions/status-groups.ts';
import { CheckboxGroup } from '../account/checkbox-group.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { Options, SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** The id of the part of the page a search replaces in place with htmx: the form and its results. */
export const SEARCH_REGION_ID = 'transactions-search';

export type SearchFormProps = {
  ctx: ViewContext;
  values: SearchValues;
  /** The status groups ticked. */
  groups: readonly StatusGroup[];
  /** Every status group, in the order of the boxes. */
  allGroups: readonly StatusGroup[];
  errors: FieldErrors<SearchFieldName>;
  /** The quick ranges of the order date, as links to the same search over those days. */
  quickRanges: { label: string; href: string }[];
  brands: readonly string[];
  currencies: readonly string[];
  sources: { value: string; label: string }[];
  sorts: { value: string; label: string }[];
};

/** The fields' labels, for the fields and for the error summary's lines. */
export function searchLabels(t: Translate) {
  return {
    orderedFrom: t('transactions.orderedFrom'),
    orderedTo: t('transactions.orderedTo'),
    paidFrom: t('transactions.paidFrom'),
    paidTo: t('transactions.paidTo'),
    status: t('transactions.status'),
    orderId: t('transactions.orderId'),
    payId: t('transactions.payId'),
    brand: t('transactions.brand'),
    cardDigits: t('transactions.cardDigits'),
    cardHolder: t('transactions.cardHolder'),
    amountFrom: t('transactions.amountFrom'),
    amountTo: t('transactions.amountTo'),
    currency: t('transactions.currency'),
    source: t('transactions.source'),
    sort: t('transactions.sort'),
  } satisfies FieldLabels<typeof transactionSearchForm>;
}

/**
 * The search as a GET form: its address is the results' bookmarkable address, and it works
 * without JavaScript; with htmx, the form and the results are replaced in place and the address
 * pushed to the history.
 */
export function SearchForm(props: SearchFormProps) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const { fields } = transactionSearchForm;
  const labels = searchLabels(t);
  const action = paths.transactions.list(ctx.env);
  const dateHint = t('transactions.dateHint');
  const text = (
    name:
      | 'orderedFrom'
      | 'orderedTo'
      | 'paidFrom'
      | 'paidTo'
      | 'orderId'
      | 'payId'
      | 'cardDigits'
      | 'cardHolder'
      | 'amountFrom'
      | 'amountTo',
    hint?: string,
    inputmode?: 'numeric',
  ) => (
    <TextField
      t={t}
      field={fields[name]}
      label={labels[name]}
      hint={hint}
      value={values[name]}
      error={errors[name]}
      inputmode={inputmode}
    />
  );
  return (
    <section class="card" aria-labelledby="transactions-filters-title">
      <h2 id="transactions-filters-title">{t('transactions.filters')}</h2>
      <form
        method="get"
        action={action}
        novalidate
        hx-get={action}
        hx-target={`#${SEARCH_REGION_ID}`}
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <fieldset>
          <legend>{t('transactions.group.dates')}</legend>
          <div class="columns">
            {text('orderedFrom', dateHint)}
            {text('orderedTo', dateHint)}
          </div>
          <nav aria-label={t('transactions.quickRanges')}>
            <p>
              {t('transactions.quickRanges')}{' '}
              {props.quickRanges.map((range, index) => (
                <>
                  {index > 0 ? ' · ' : null}
                  <a href={range.href}>{range.label}</a>
                </>
              ))}
            </p>
          </nav>
          <div class="columns">
            {text('paidFrom', dateHint)}
            {text('paidTo', dateHint)}
          </div>
        </fieldset>
        <CheckboxGroup
          t={t}
          field={fields.status}
          legend={labels.status}
          hint={t('transactions.statusHint')}
          error={errors.status}
          columns
        >
          {props.allGroups.map((group) => {
            const id = `${fields.status.id}-${group.replace(/_/g, '-')}`;
            return (
              <div class="field checkbox">
                <input type="checkbox" id={id} name={fields.status.name} value={group} checked={props.groups.includes(group)} />
                <label for={id}>{t(`transactions.group.status.${group}`)}</label>
              </div>
            );
          })}
        </CheckboxGroup>
        <fieldset>
          <legend>{t('transactions.group.order')}</legend>
          <div class="columns">
            {text('orderId', t('transactions.orderIdHint'))}
            {text('payId', undefined, 'numeric')}
            <SelectField t={t} field={fields.source} label={labels.source} error={errors.source}>
              <Options value={values.source} options={[{ value: '', label: t('transactions.allSources') }, ...props.sources]} />
            </SelectField>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('transactions.group.card')}</legend>
          <div class="columns">
            <SelectField t={t} field={fields.brand} label={labels.brand} error={errors.brand}>
              <Options
                value={values.brand}
                options={[
                  { value: '', label: t('transactions.allBrands') },
                  ...props.brands.map((brand) => ({ value: brand, label: brand })),
                ]}
              />
            </SelectField>
            {text('cardDigits', t('transactions.cardDigitsHint'), 'numeric')}
            {text('cardHolder', t('transactions.cardHolderHint'))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('transactions.group.amount')}</legend>
          <p class="hint">{t('transactions.amountHint')}</p>
          <div class="columns">
            {text('amountFrom')}
            {text('amountTo')}
            <SelectField t={t} field={fields.currency} label={labels.currency} error={errors.currency}>
              <Options
                value={values.currency}
                options={[
                  { value: '', label: t('transactions.allCurrencies') },
                  ...props.currencies.map((code) => ({ value: code, label: code })),
                ]}
              />
            </SelectField>
          </div>
        </fieldset>
        <SelectField t={t} field={fields.sort} label={labels.sort} error={errors.sort}>
          <Options value={values.sort || 'date_desc'} options={props.sorts} />
        </SelectField>
        <p>
          <button type="submit">{t('transactions.submit')}</button> <a href={action}>{t('transactions.clear')}</a>
        </p>
      </form>
    </section>
  );
}

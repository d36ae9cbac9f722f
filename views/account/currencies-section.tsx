import { currenciesForm, isTicked } from '../../src/account/forms.ts';
import { DataTable } from '../components/data-table.tsx';
import { CheckboxField } from '../components/select-field.tsx';
import type { CurrencyView, SectionProps } from './account-props.ts';
import { boxLabels, CheckboxGroup } from './checkbox-group.tsx';
import { FormSection } from './form-section.tsx';

/**
 * C5, with the multi-currency option only: the currencies the account accepts, at least one, each
 * with its ISO 4217 minor-unit digits and whether the acquirer accepts it.
 */
export function CurrenciesSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const legend = t('account.field.currencies');
  const label = (currency: CurrencyView) => t('account.currencyLabel', currency);
  const labels = boxLabels('currencies', legend, props.currencies, label);
  const digits = (currency: CurrencyView) => t('account.currencies.digits', { count: currency.digits });
  const acquirer = (currency: CurrencyView) =>
    t(currency.acquirer ? 'account.currencies.acquirerYes' : 'account.currencies.acquirerNo');
  // Read-only: the currencies accepted, in a table that scrolls in a box reachable by keyboard (WCAG 2.1.1).
  const table = (rows: CurrencyView[]) => (
    <DataTable
      id="account-currencies"
      caption={legend}
      columns={[t('account.currencies.col.currency'), t('account.currencies.col.digits'), t('account.currencies.col.acquirer')]}
    >
      {rows.map((currency) => (
        <tr>
          <td>{label(currency)}</td>
          <td>{currency.digits}</td>
          <td>{t(currency.acquirer ? 'account.currencies.cellYes' : 'account.currencies.cellNo')}</td>
        </tr>
      ))}
    </DataTable>
  );
  const accepted = props.currencies.filter((currency) => account.currencies.includes(currency.code));
  return (
    <FormSection
      props={props}
      section="currencies"
      form={currenciesForm}
      labels={labels}
      intro={<p>{t('account.currencies.intro')}</p>}
      summary={table(accepted)}
    >
      <CheckboxGroup
        t={t}
        field={currenciesForm.fields.currencies}
        legend={legend}
        hint={t('account.currencies.hint')}
        error={state.errors.currencies}
        columns
      >
        {props.currencies.map((currency) => (
          <CheckboxField
            t={t}
            field={currenciesForm.fields[currency.code]}
            label={label(currency)}
            hint={t('account.currencies.boxHint', { digits: digits(currency), acquirer: acquirer(currency) })}
            checked={isTicked(state.values[currency.code])}
          />
        ))}
      </CheckboxGroup>
    </FormSection>
  );
}

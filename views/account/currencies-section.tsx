import { currenciesForm, isTicked } from '../../src/account/forms.ts';
import { CheckboxField } from '../components/select-field.tsx';
import type { CurrencyView, SectionProps } from './account-props.ts';
import { CheckboxGroup } from './checkbox-group.tsx';
import { SectionCard, SectionForm } from './section-card.tsx';

/**
 * C5, with the multi-currency option only: the currencies the account accepts, at least one, each
 * with its ISO 4217 minor-unit digits and whether the acquirer accepts it.
 */
export function CurrenciesSection(props: SectionProps) {
  const { ctx, account, state } = props;
  const { t } = ctx;
  const legend = t('account.field.currencies');
  const label = (currency: CurrencyView) => t('account.currencyLabel', currency);
  const labels: Record<string, string> = { currencies: legend };
  for (const currency of props.currencies) labels[currency.code] = label(currency);
  const table = (rows: CurrencyView[], withBoxes: boolean) => (
    <div class="table-scroll">
      <table class="data-table">
        <caption class="visually-hidden">{legend}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.currencies.col.currency')}</th>
            <th scope="col">{t('account.currencies.col.digits')}</th>
            <th scope="col">{t('account.currencies.col.acquirer')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((currency) => (
            <tr>
              <td>
                {withBoxes ? (
                  <CheckboxField
                    t={t}
                    field={currenciesForm.fields[currency.code]}
                    label={label(currency)}
                    checked={isTicked(state.values[currency.code])}
                  />
                ) : (
                  label(currency)
                )}
              </td>
              <td>{currency.digits}</td>
              <td>{t(currency.acquirer ? 'account.currencies.acquirerYes' : 'account.currencies.acquirerNo')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const accepted = props.currencies.filter((currency) => account.currencies.includes(currency.code));
  return (
    <SectionCard
      props={props}
      section="currencies"
      title={t('account.section.currencies')}
      intro={<p>{t('account.currencies.intro')}</p>}
      summary={table(accepted, false)}
      form={
        <SectionForm
          props={props}
          section="currencies"
          form={currenciesForm}
          labels={labels}
          button={t('account.save.currencies')}
        >
          <CheckboxGroup
            t={t}
            field={currenciesForm.fields.currencies}
            legend={legend}
            hint={t('account.currencies.hint')}
            error={state.errors.currencies}
          >
            {table(props.currencies, true)}
          </CheckboxGroup>
        </SectionForm>
      }
    />
  );
}

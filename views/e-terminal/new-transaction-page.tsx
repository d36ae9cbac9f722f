import type { NewTransactionValues } from '../../src/e-terminal/forms.ts';
import { newTransactionForm, TERMINAL_OPERATIONS } from '../../src/e-terminal/forms.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Message } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorNotice, ErrorSummary } from '../components/error-summary.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** The id of the card the form lives in: what htmx swaps in place when a payment is refused. */
export const NEW_TRANSACTION_ID = 'eterminal-payment';

export type NewTransactionProps = {
  ctx: ViewContext;
  /** What was typed, or the defaults; never the card number or the CVC. */
  values: NewTransactionValues;
  /** Problems by field name (src/e-terminal/forms.ts). */
  errors: FieldErrors;
  /** A problem of the whole payment, above the form. */
  refusal?: Message;
  /** The account's currencies, in the page's order. */
  currencies: readonly string[];
};

/** O1: Operations > New transaction, the e-Terminal's payment form in its page. */
export function NewTransactionPage(props: NewTransactionProps) {
  const { ctx } = props;
  const { t } = ctx;
  const hasErrors = Object.keys(props.errors).length > 0 || Boolean(props.refusal);
  return (
    <Layout ctx={ctx} title={t('eterminal.title')} hasErrors={hasErrors}>
      <h1>{t('eterminal.title')}</h1>
      <p>{t('eterminal.intro')}</p>
      <NewTransactionCard {...props} />
    </Layout>
  );
}

/**
 * The form alone, in its card: what a refused payment swaps in place with htmx. Without
 * JavaScript the same form posts as a page (Post/Redirect/Get).
 */
export function NewTransactionCard({ ctx, values, errors, refusal, currencies }: NewTransactionProps) {
  const { t, env } = ctx;
  const { fields } = newTransactionForm;
  const action = paths.eTerminal.newTransaction(env);
  const optional = t('eterminal.optional');
  // One label per field, for the field and for the error summary's line.
  const labels = {
    orderId: t('eterminal.field.orderId'),
    amount: t('eterminal.field.amount'),
    currency: t('eterminal.field.currency'),
    operation: t('eterminal.field.operation'),
    cardHolder: t('eterminal.field.cardHolder'),
    cardNumber: t('eterminal.field.cardNumber'),
    expiry: t('eterminal.field.expiry'),
    cvc: t('eterminal.field.cvc'),
    email: t('eterminal.field.email'),
    description: t('eterminal.field.description'),
  } satisfies FieldLabels<typeof newTransactionForm>;
  const text = (name: keyof typeof labels) => ({ t, field: fields[name], label: labels[name], error: errors[name] });
  return (
    <section class="card" id={NEW_TRANSACTION_ID} aria-label={t('eterminal.title')}>
      <form method="post" action={action} novalidate hx-post={action} hx-target={`#${NEW_TRANSACTION_ID}`} hx-swap="outerHTML">
        <ErrorNotice message={refusal ? t.message(refusal) : undefined} />
        <ErrorSummary t={t} errors={errors} form={newTransactionForm} labels={labels} />
        <CsrfField token={ctx.csrfToken} />
        <fieldset>
          <legend>{t('eterminal.section.order')}</legend>
          <TextField
            {...text('orderId')}
            hint={t('eterminal.field.orderIdHint')}
            value={values.orderId ?? ''}
            autocomplete="off"
          />
          <TextField
            {...text('amount')}
            hint={t('eterminal.field.amountHint')}
            value={values.amount ?? ''}
            autocomplete="off"
            inputmode="text"
          />
          <SelectField {...text('currency')}>
            {currencies.map((code) => (
              <option value={code} selected={values.currency === code}>
                {code}
              </option>
            ))}
          </SelectField>
          <SelectField {...text('operation')} hint={t('eterminal.field.operationHint')}>
            {TERMINAL_OPERATIONS.map((operation) => (
              <option value={operation} selected={values.operation === operation}>
                {t(`eterminal.operation.${operation}`)}
              </option>
            ))}
          </SelectField>
          <TextField {...text('email')} type="email" hint={optional} value={values.email ?? ''} autocomplete="off" />
          <TextField {...text('description')} hint={optional} value={values.description ?? ''} autocomplete="off" />
        </fieldset>
        <fieldset>
          <legend>{t('eterminal.section.card')}</legend>
          <TextField {...text('cardHolder')} hint={optional} value={values.cardHolder ?? ''} autocomplete="off" />
          {/* The card number and the CVC are never shown back: their inputs always start empty. */}
          <TextField
            {...text('cardNumber')}
            type="text"
            hint={t('eterminal.field.cardNumberHint')}
            autocomplete="off"
            inputmode="numeric"
          />
          <TextField
            {...text('expiry')}
            hint={t('eterminal.field.expiryHint')}
            value={values.expiry ?? ''}
            autocomplete="off"
            inputmode="numeric"
          />
          <TextField {...text('cvc')} type="text" hint={t('eterminal.field.cvcHint')} autocomplete="off" inputmode="numeric" />
        </fieldset>
        <div class="form-actions">
          <button type="submit">{t('eterminal.pay')}</button>
        </div>
      </form>
    </section>
  );
}

import * as v from 'valibot';
import type { FieldSpec } from '../forms/fields.ts';
import { choice, currency, email, money, secret, text } from '../forms/fields.ts';
import { encodeMessage } from '../forms/message-codec.ts';
import type { FormValues } from '../forms/parse.ts';
import { defineForm } from '../forms/parse.ts';
import { message } from '../i18n/catalogue.ts';
import { ORDER_FIELDS } from '../payments/order-fields.ts';

/**
 * O1, Operations > New transaction (reference §10): the e-Terminal's payment form, read by
 * parseForm and by the view (views/e-terminal/). The card number and the CVC are `secret`
 * fields: never shown back after a mistake, never kept in the failure cookie (parseForm leaves
 * their values empty). Their content is judged by the platform's card checks (src/acquirer/cards.ts
 * checkCard), whose problems are placed beside them (CARDNO → cardNumber, ED → expiry, CVC → cvc).
 * The order reference, the card holder, the e-mail address and the description take their length
 * and shape from the payment fields' table (src/payments/order-fields.ts: ORDERID, CN, EMAIL, COM),
 * the one DirectLink judges the same fields by.
 */

/** The operations the e-Terminal offers (reference §10: authorisation or sale, per the default operation). */
export const TERMINAL_OPERATIONS = ['RES', 'SAL'] as const;
export type TerminalOperation = (typeof TERMINAL_OPERATIONS)[number];

/** The amount: a decimal in the currency's digits (money), and more than zero. */
const amount: FieldSpec<number | undefined> = {
  ...money({ currency: { field: 'currency' }, required: 'eterminal.error.amountRequired' }),
  schema: (form) =>
    v.pipe(
      money({ currency: { field: 'currency' }, required: 'eterminal.error.amountRequired' }).schema(form),
      v.check((minor) => minor === undefined || minor > 0, encodeMessage(message('eterminal.error.amountZero'))),
    ),
};

/** The e-Terminal's credit-card payment, in the order the page shows its fields. */
export const newTransactionForm = defineForm('eterminal', {
  orderId: text({
    max: ORDER_FIELDS.ORDERID.max,
    required: 'eterminal.error.orderIdRequired',
    pattern: { regex: ORDER_FIELDS.ORDERID.pattern, message: 'eterminal.error.orderIdFormat' },
  }),
  amount,
  currency: currency(),
  operation: choice(TERMINAL_OPERATIONS, { invalid: 'eterminal.error.operation' }),
  cardHolder: text({
    max: ORDER_FIELDS.CN.max,
    pattern: { regex: ORDER_FIELDS.CN.pattern, message: 'form.invalidCharacters' },
  }),
  /** Judged by checkCard (missing, format, brand, length, Luhn): only its length is checked here. */
  cardNumber: secret({ max: 30 }),
  /** MM/YY (or MMYY), judged by checkCard. */
  expiry: text({ max: 7 }),
  /** Optional on a voucher (reference §10); judged by checkCard against the brand. */
  cvc: secret({ max: 8 }),
  email: email({ invalid: 'eterminal.error.email', max: ORDER_FIELDS.EMAIL.max }),
  description: text({
    max: ORDER_FIELDS.COM.max,
    pattern: { regex: ORDER_FIELDS.COM.pattern, message: 'form.invalidCharacters' },
  }),
});

export type NewTransactionField = keyof typeof newTransactionForm.fields;
/** What the form shows, by field name: what was typed (never the card number or the CVC), or the defaults. */
export type NewTransactionValues = Partial<FormValues<NewTransactionField>>;

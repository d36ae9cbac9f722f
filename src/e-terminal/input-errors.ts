import type { CardProblem } from '../acquirer/cards.ts';
import { missingFieldsText } from '../directlink/error-texts.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { currencyDigits, isCurrencyCode } from '../lib/money.ts';
import type { NcError } from '../payments/ncerror.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import type { OrderField } from '../payments/order-fields.ts';
import { ruleText } from '../payments/order-fields.ts';
import type { CardFormField } from './card-problems.ts';
import type { NewTransactionField } from './forms.ts';
import { newTransactionForm } from './forms.ts';

/**
 * A refused e-Terminal form as the error log (J1) files it: the NCERROR the platform gives the same
 * mistake on DirectLink (reference §3 "Common NCERROR codes"), and a reason naming the field and
 * its rule, never what was typed (nor, for the card, any card data). Pure.
 */
export type InputError = { ncError: NcError; reason: string };

/** The card fields and their checkCard problems' field (CARDNO, ED, CVC). */
const CARD_FIELD: Readonly<Record<CardFormField, CardProblem['field']>> = { cardNumber: 'CARDNO', expiry: 'ED', cvc: 'CVC' };

/** The free-text fields and their platform name in the payment fields' table (src/payments/order-fields.ts). */
const TEXT_FIELD: Readonly<Partial<Record<NewTransactionField, OrderField>>> = {
  cardHolder: 'CN',
  email: 'EMAIL',
  description: 'COM',
};

/**
 * The error of a refused form: its first field in the form's order that has a problem — a form
 * problem (`errors`, by field name) or a card problem (`cardProblems`, checkCard's) — as the
 * platform codes it: a missing ORDERID or amount 50001111 (" no orderid", " no amount"), an
 * ORDERID breaking its rule 50001125; an amount not a positive number (letters, a sign, zero,
 * separators, too large) 50001006, with more decimals than its currency has 50001121 — "12.505"
 * EUR too, which the form refuses as a possible thousands separator but the platform reads as
 * three decimals (`typed`, the amount and currency as typed, tell them apart); an
 * unknown currency 50001015; an operation other than RES or SAL 50001111; a card problem its own
 * code (50001001, 50001002, 50001005, 50001036, 50001066…); a card holder, e-mail address or
 * description breaking its rule 50001125 ("EMAIL: an e-mail address …"). Undefined without a problem.
 */
export function inputError(
  errors: FieldErrors<NewTransactionField>,
  cardProblems: readonly CardProblem[],
  typed: { amount: string; currency: string },
): InputError | undefined {
  for (const { name } of newTransactionForm.list) {
    const field = name as NewTransactionField;
    if (field in CARD_FIELD) {
      const problem = cardProblems.find((p) => p.field === CARD_FIELD[field as CardFormField]);
      if (problem) return { ncError: problem.ncerror, reason: problem.text ?? ncErrorPlusText(problem.ncerror) };
    }
    const key = errors[field]?.key;
    if (key === undefined) continue;
    return fieldError(field, key, typed);
  }
  return undefined;
}

/** Digits, one decimal separator, digits: a decimal amount, whatever its separator problem. */
const ONE_DECIMAL_SEPARATOR = /^\d+[.,](\d+)$/;

/** Whether an amount refused for its separator is a decimal with more decimals than its currency has ("12.505" EUR). */
function tooManyDecimals(typed: { amount: string; currency: string }): boolean {
  const fraction = ONE_DECIMAL_SEPARATOR.exec(typed.amount.trim())?.[1];
  const currency = typed.currency.trim().toUpperCase();
  return fraction !== undefined && isCurrencyCode(currency) && fraction.length > currencyDigits(currency);
}

function fieldError(field: NewTransactionField, key: string, typed: { amount: string; currency: string }): InputError {
  const coded = (ncError: NcError, reason = ncErrorPlusText(ncError)) => ({ ncError, reason });
  switch (field) {
    case 'orderId':
      return key === 'eterminal.error.orderIdRequired'
        ? coded(NCERROR.dataValidation, missingFieldsText(['ORDERID']))
        : coded(NCERROR.formatValidation, ruleText('ORDERID'));
    case 'amount':
      if (key === 'eterminal.error.amountRequired') return coded(NCERROR.dataValidation, missingFieldsText(['AMOUNT']));
      if (key === 'form.amount.noDecimals' || key === 'form.amount.decimals') return coded(NCERROR.wrongDecimals);
      if (key === 'form.amount.separator' && tooManyDecimals(typed)) return coded(NCERROR.wrongDecimals);
      return coded(NCERROR.amountNotNumeric);
    case 'currency':
      return coded(NCERROR.invalidCurrency);
    case 'operation':
      return coded(NCERROR.dataValidation, 'Unknown operation code');
    default: {
      const platformName = TEXT_FIELD[field];
      return platformName ? coded(NCERROR.formatValidation, ruleText(platformName)) : coded(NCERROR.formatValidation);
    }
  }
}

import type { CardCheck, CardField, CardProblem } from '../acquirer/cards.ts';
import { checkCard } from '../acquirer/cards.ts';
import type { FieldErrors } from '../forms/parse.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';

/**
 * The platform's card checks (src/acquirer/cards.ts checkCard) as the e-Terminal's form shows
 * them: each CardProblem beside its field (CARDNO → cardNumber, ED → expiry, CVC → cvc) with a
 * message saying what to do, in the reader's language. The messages never quote what was typed.
 */

/** The form's card fields (src/e-terminal/forms.ts). */
export type CardFormField = 'cardNumber' | 'expiry' | 'cvc';

const FIELD_OF: Readonly<Record<CardField, CardFormField>> = { CARDNO: 'cardNumber', ED: 'expiry', CVC: 'cvc' };

/** Each problem kind a card field can have (src/acquirer/problem.ts), and its message. */
const MESSAGE_OF: Readonly<Record<string, PlainKey>> = {
  'CARDNO.missing': 'eterminal.card.CARDNO.missing',
  'CARDNO.format': 'eterminal.card.CARDNO.format',
  'CARDNO.brand': 'eterminal.card.CARDNO.brand',
  'CARDNO.length': 'eterminal.card.CARDNO.length',
  'CARDNO.luhn': 'eterminal.card.CARDNO.luhn',
  'ED.missing': 'eterminal.card.ED.missing',
  'ED.format': 'eterminal.card.ED.format',
  'ED.expired': 'eterminal.card.ED.expired',
  'CVC.missing': 'eterminal.card.CVC.missing',
  'CVC.format': 'eterminal.card.CVC.format',
};

/** The card as typed in the form (raw strings; '' for an empty field). */
export type TypedCard = { readonly cardNumber: string; readonly expiry: string; readonly cvc: string };

/**
 * checkCard at `now` (UTC) for an e-Terminal voucher: the CVC is optional (reference §10 marks
 * only the card number and the expiry date as mandatory).
 */
export function checkTypedCard(card: TypedCard, now: Date): CardCheck {
  return checkCard({ cardNumber: card.cardNumber, expiryDate: card.expiry, cvc: card.cvc }, { now, cvcRequired: false });
}

/** The problems of a card check by form field name, each with its message. */
export function cardFieldErrors(problems: readonly CardProblem[]): FieldErrors<CardFormField> {
  const errors: FieldErrors<CardFormField> = {};
  for (const problem of problems) {
    errors[FIELD_OF[problem.field]] = message(MESSAGE_OF[`${problem.field}.${problem.problem}`] ?? 'form.invalid');
  }
  return errors;
}

import type { NcError } from '../payments/ncerror.ts';

/** The card fields a check is about, by their DirectLink parameter names (reference §3). */
export type CardField = 'CARDNO' | 'ED' | 'CVC';

/**
 * What is wrong with one card field, as a key for messages (e-Terminal, error log):
 * CARDNO missing | format | brand | length | luhn; ED missing | format | expired; CVC missing | format.
 */
export type CardProblemKind = 'missing' | 'format' | 'brand' | 'length' | 'luhn' | 'expired';

/**
 * A card field refused by the platform's own checks, before any acquirer is asked: the order gets STATUS 0
 * ("Invalid or incomplete", reference §1.1) with `ncerror` (NCSTATUS 5). `text` is the English reason in the
 * platform's NCERRORPLUS style (reference §3, §11). It never contains the value that was checked.
 */
export type CardProblem = {
  readonly ok: false;
  readonly field: CardField;
  readonly problem: CardProblemKind;
  readonly ncerror: NcError;
  readonly status: 0;
  readonly text: string;
};

/** A CardProblem from its parts (the STATUS is always 0). */
export function cardProblem(field: CardField, problem: CardProblemKind, ncerror: NcError, text: string): CardProblem {
  return { ok: false, field, problem, ncerror, status: 0, text };
}

import type { NcError } from '../payments/ncerror.ts';
import type { MaintenanceOperation, NewOrderOperation } from '../payments/transitions.ts';
import type { Brand } from './brands.ts';
import type { CardNumber } from './card-number.ts';
import type { Cvc } from './cvc.ts';
import type { Expiry } from './expiry.ts';

/**
 * The acquirer as the payment engine sees it (issue 10 item 3, PRODUCT.md S3): one interface that the
 * simulated acquirer (simulated.ts) implements today and a real acquirer connection could implement later.
 * Amounts are integers in the currency's minor units, currencies ISO 4217 alphabetic codes. The STATUS
 * codes are the platform's (reference §1.1); the engine records the one the reply gives.
 */

/** The operation codes of new orders and of maintenance: the payment engine's (src/payments/transitions.ts). */
export type { MaintenanceOperation, NewOrderOperation } from '../payments/transitions.ts';

/** ECI, the electronic commerce indicator (reference §3): 0 swiped … 7 e-commerce, 9 recurring from e-commerce. */
export type Eci = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '9';

/** The card of a new order, after the platform's checks (cards.ts checkCard). */
export type AcquirerCard = {
  readonly number: CardNumber;
  readonly brand: Brand;
  readonly expiry: Expiry;
  readonly cvc: Cvc | undefined;
};

/**
 * How an authorisation reaches the acquirer (reference §0 "Processing"): `online` while the payer waits,
 * `offline` later, from the offline processing, for an order recorded with STATUS 51 (decision record 0029).
 */
export type AuthorisationChannel = 'online' | 'offline';

/** A new order sent for authorisation: amount > 0 in minor units; `channel` online unless said. */
export type AuthorisationRequest = {
  readonly operation: NewOrderOperation;
  readonly amount: number;
  readonly currency: string;
  readonly card: AcquirerCard;
  readonly eci: Eci;
  readonly channel?: AuthorisationChannel;
};

/**
 * Thrown by authorise() when the acquirer cannot be reached: nothing was sent, so nothing was authorised
 * and the payment can be tried again (or processed offline: src/payments/authorisation.ts).
 */
export class AcquirerUnreachable extends Error {
  constructor() {
    super('the acquirer could not be reached');
    this.name = 'AcquirerUnreachable';
  }
}

/**
 * The acquirer's answer to a new order, or to the resolution of an uncertain one:
 * - `authorised`: NCERROR "0", ACCEPTANCE the authorisation code, STATUS 5 (RES, PAU), 9 (SAL) or 8 (RFD credit);
 * - `refused`: NCERROR of family 3, no ACCEPTANCE, STATUS 2 (an RFD credit too);
 * - `uncertain`: NCERROR of family 2, STATUS 52 (an RFD credit too); resolve() later gives the final answer.
 * `operation` is the operation as processed: PAU on another brand than MasterCard is processed as RES
 * (reference §1.2). `reference` is the acquirer's own reference of the transaction (up to 64 printable ASCII
 * characters, no card data): store it with the order, maintenance and resolve() need it.
 */
export type AuthorisationReply = {
  readonly outcome: 'authorised' | 'refused' | 'uncertain';
  readonly status: number;
  readonly ncerror: NcError;
  readonly acceptance: string;
  readonly operation: NewOrderOperation;
  readonly reference: string;
};

/** A maintenance operation on the order the acquirer knows as `reference`; amount > 0 in minor units. */
export type MaintenanceRequest = {
  readonly operation: MaintenanceOperation;
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
};

/**
 * The acquirer's answer to a maintenance operation, with the final STATUS of that operation's history row
 * (MAINTENANCE_STATUS): `done` 9/6/8 (REN 5, with a new ACCEPTANCE), `refused` 93/63/83 (REN 2),
 * `uncertain` 92/62/82 (REN 52). NCERROR "0" when done.
 */
export type MaintenanceReply = {
  readonly outcome: 'done' | 'refused' | 'uncertain';
  readonly status: number;
  readonly ncerror: NcError;
  readonly acceptance: string;
};

/** An uncertain new order to ask about again, with the operation it was processed as. */
export type ResolveRequest = { readonly reference: string; readonly operation: NewOrderOperation };

/** What a real or simulated acquirer connection offers the payment engine. None of its replies or errors holds card data. */
export interface Acquirer {
  /**
   * Authorises a new order, online or offline (`channel`). Throws AcquirerUnreachable when the acquirer
   * cannot be reached, RangeError for an amount that is not a positive integer or a currency that is not
   * three capital letters (the engine checks both before).
   */
  authorise(request: AuthorisationRequest): Promise<AuthorisationReply>;
  /** Carries out a maintenance operation; the engine calls it from the offline job (REN: online). Same errors. */
  maintain(request: MaintenanceRequest): Promise<MaintenanceReply>;
  /** Asks again about an order answered `uncertain`; the reply may still be `uncertain` (ask later). */
  resolve(request: ResolveRequest): Promise<AuthorisationReply>;
}

/**
 * The STATUS of a new order by operation and outcome (reference §1.1, §1.2; decision record 0025): accepted
 * 5 (RES, PAU), 9 (SAL), 8 (RFD credit); refused 2 and uncertain 52 whatever the operation (the 8x and 9x
 * refused/uncertain codes belong to maintenance of an existing order).
 */
export const NEW_ORDER_STATUS: Readonly<Record<NewOrderOperation, Readonly<Record<AuthorisationReply['outcome'], number>>>> = {
  RES: { authorised: 5, refused: 2, uncertain: 52 },
  PAU: { authorised: 5, refused: 2, uncertain: 52 },
  SAL: { authorised: 9, refused: 2, uncertain: 52 },
  RFD: { authorised: 8, refused: 2, uncertain: 52 },
};

/**
 * The STATUS of a maintenance operation: `pending` is the engine's immediate reply while the offline job has
 * not run (91, 61, 81; REN is online so has none), the others the acquirer's final answer (reference §1.3).
 */
export const MAINTENANCE_STATUS: Readonly<
  Record<MaintenanceOperation, Readonly<{ pending: number | undefined } & Record<MaintenanceReply['outcome'], number>>>
> = {
  SAL: { pending: 91, done: 9, refused: 93, uncertain: 92 },
  SAS: { pending: 91, done: 9, refused: 93, uncertain: 92 },
  DEL: { pending: 61, done: 6, refused: 63, uncertain: 62 },
  DES: { pending: 61, done: 6, refused: 63, uncertain: 62 },
  RFD: { pending: 81, done: 8, refused: 83, uncertain: 82 },
  RFS: { pending: 81, done: 8, refused: 83, uncertain: 82 },
  REN: { pending: undefined, done: 5, refused: 2, uncertain: 52 },
};

/**
 * Throws RangeError unless `amount` is a positive safe integer (minor units) and `currency` three capital
 * letters. The message names the field, never a value.
 */
export function assertAmount(amount: number, currency: string): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError('amount must be a positive integer in minor units');
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError('currency must be an ISO 4217 alphabetic code');
}

/**
 * The status graph of an order (reference §1.2, §1.3): which maintenance an order allows, with
 * what amount, and the state it leaves — one pure function the DirectLink maintenance, the
 * back office's maintenance and the offline job all go through, so every way in obeys the same
 * limits. Amounts are minor units of the order's currency.
 *
 * - Capture: SAL (partial, stays open) and SAS (last or full, closes captures), from an
 *   authorised order (5) or one partly captured, never above what was authorised less what was
 *   captured (pending captures count): answered 91, processed offline to 9.
 * - Delete the authorisation: DEL (keeps the order open, to be renewed) and DES (closes it), of
 *   an authorisation nothing was captured from: answered 61, processed offline to 6.
 * - Refund: RFD (partial) and RFS (last or full, closes refunds), of what was captured (9, or a
 *   sale, which is captured at once) less what was refunded: answered 81, processed offline to 8.
 * - Renew: REN authorises again (5, or 6 after DEL) up to the order's amount less what was
 *   captured, online: the order is 5 at once (50001153 above that).
 * A closed order answers 50001127; over-amounts 50001126 (capture) and 50001129 (refund).
 */
import type { NcError } from './ncerror.ts';
import { NCERROR } from './ncerror.ts';

/** Maintenance operation codes (reference §1.2). */
export const MAINTENANCE_OPERATIONS = ['SAL', 'SAS', 'DEL', 'DES', 'RFD', 'RFS', 'REN'] as const;
export type MaintenanceOperation = (typeof MAINTENANCE_OPERATIONS)[number];

/** Operation codes that make a new order (reference §1.2). */
export const NEW_ORDER_OPERATIONS = ['RES', 'SAL', 'PAU', 'RFD'] as const;
export type NewOrderOperation = (typeof NEW_ORDER_OPERATIONS)[number];

/** What maintenance looks at in an order (its row in `orders`). */
export type OrderState = {
  /** RES, SAL, PAU or RFD: how the order was made. */
  operation: string;
  status: number;
  amount: number;
  authorisedAmount: number;
  capturedAmount: number;
  refundedAmount: number;
  captureClosed: boolean;
  refundClosed: boolean;
};

/** The kind of each maintenance code, and whether it closes the order for that kind (the "Last one" box). */
export const MAINTENANCE_KINDS: Record<
  MaintenanceOperation,
  { kind: 'capture' | 'delete' | 'refund' | 'renew'; closing: boolean }
> = {
  SAL: { kind: 'capture', closing: false },
  SAS: { kind: 'capture', closing: true },
  DEL: { kind: 'delete', closing: false },
  DES: { kind: 'delete', closing: true },
  RFD: { kind: 'refund', closing: false },
  RFS: { kind: 'refund', closing: true },
  REN: { kind: 'renew', closing: false },
};

/** The status a maintenance request is answered with at once (reference §1.3: offline, except REN). */
export const PENDING_STATUS = { capture: 91, delete: 61, refund: 81, renew: 5 } as const;
/** The status the offline processing then gives it. */
export const PROCESSED_STATUS: Record<number, number> = { 91: 9, 61: 6, 81: 8 };

/** Statuses of an order that can be captured, deleted or renewed: authorised, or partly captured. */
const AUTHORISED = new Set([5, 9, 91]);
/** Statuses of an order that can be refunded: captured (a capture or refund may be pending too). */
const CAPTURED = new Set([9, 8, 81, 83, 84, 85, 95]);

export type MaintenanceRefusal = { ok: false; ncError: NcError };
export type MaintenanceChange = {
  ok: true;
  /** The amount the history row records (what was left when none was given). */
  amount: number;
  /** The status the order and the history row get now. */
  status: number;
  /** The order's new totals and closing flags. */
  next: Pick<OrderState, 'capturedAmount' | 'refundedAmount' | 'captureClosed' | 'refundClosed' | 'authorisedAmount'>;
};

/**
 * Whether `order` allows `operation` for `amount` (minor units; undefined: all that is left),
 * and the state it leaves. Pure: the caller holds the order's row lock while it applies the
 * change, so two requests never both pass on the same remaining amount.
 */
export function planMaintenance(
  order: OrderState,
  operation: MaintenanceOperation,
  amount: number | undefined,
): MaintenanceRefusal | MaintenanceChange {
  const { kind, closing } = MAINTENANCE_KINDS[operation];
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0)) return refuse(NCERROR.amountNotNumeric);
  const same = {
    capturedAmount: order.capturedAmount,
    refundedAmount: order.refundedAmount,
    captureClosed: order.captureClosed,
    refundClosed: order.refundClosed,
    authorisedAmount: order.authorisedAmount,
  };
  const uncaptured = order.authorisedAmount - order.capturedAmount;
  switch (kind) {
    case 'capture': {
      if (order.operation === 'RFD' || !AUTHORISED.has(order.status)) return refuse(NCERROR.wrongStatus);
      if (order.captureClosed || uncaptured <= 0)
        return refuse(order.capturedAmount > 0 ? NCERROR.alreadyCaptured : NCERROR.wrongStatus);
      const asked = amount ?? uncaptured;
      if (asked > uncaptured) return refuse(NCERROR.captureOverflow);
      return change(asked, PENDING_STATUS.capture, {
        ...same,
        capturedAmount: order.capturedAmount + asked,
        captureClosed: closing,
      });
    }
    case 'delete': {
      // Only an authorisation nothing was captured from; DEL keeps the order open (it can be renewed), DES closes it.
      if (order.operation === 'RFD' || order.status !== 5 || order.captureClosed || order.capturedAmount > 0) {
        return refuse(NCERROR.wrongStatus);
      }
      const asked = amount ?? order.authorisedAmount;
      if (asked > order.authorisedAmount) return refuse(NCERROR.captureOverflow);
      return change(asked, PENDING_STATUS.delete, {
        ...same,
        authorisedAmount: order.authorisedAmount - asked,
        captureClosed: closing,
      });
    }
    case 'refund': {
      if (order.operation === 'RFD' || !CAPTURED.has(order.status) || order.refundClosed) return refuse(NCERROR.wrongStatus);
      const refundable = order.capturedAmount - order.refundedAmount;
      if (refundable <= 0) return refuse(NCERROR.refundOverflow);
      const asked = amount ?? refundable;
      if (asked > refundable) return refuse(NCERROR.refundOverflow);
      return change(asked, PENDING_STATUS.refund, {
        ...same,
        refundedAmount: order.refundedAmount + asked,
        refundClosed: closing,
      });
    }
    case 'renew': {
      // An authorisation that is no longer valid, or was deleted with DEL, authorised again up to the order's amount.
      if (order.operation === 'RFD' || (order.status !== 5 && order.status !== 6) || order.captureClosed) {
        return refuse(NCERROR.wrongStatus);
      }
      const renewable = order.amount - order.capturedAmount;
      const asked = amount ?? renewable;
      if (asked > renewable) return refuse(NCERROR.reauthorisationOverflow);
      return change(asked, PENDING_STATUS.renew, { ...same, authorisedAmount: order.capturedAmount + asked });
    }
  }
}

function refuse(ncError: NcError): MaintenanceRefusal {
  return { ok: false, ncError };
}

function change(amount: number, status: number, next: MaintenanceChange['next']): MaintenanceChange {
  return { ok: true, amount, status, next };
}

/**
 * The totals a new order starts with, by its operation and the acquirer's answer (reference
 * §1.2): RES and PAU authorise (5), SAL authorises and captures at once (9), RFD credits the
 * card (8). A refused (2) or uncertain (52) order holds nothing.
 */
export function newOrderTotals(
  operation: NewOrderOperation,
  amount: number,
  accepted: boolean,
): Pick<OrderState, 'authorisedAmount' | 'capturedAmount' | 'refundedAmount'> {
  if (!accepted) return { authorisedAmount: 0, capturedAmount: 0, refundedAmount: 0 };
  if (operation === 'SAL') return { authorisedAmount: amount, capturedAmount: amount, refundedAmount: 0 };
  if (operation === 'RFD') return { authorisedAmount: 0, capturedAmount: 0, refundedAmount: amount };
  return { authorisedAmount: amount, capturedAmount: 0, refundedAmount: 0 };
}

/** The status a new order gets when the acquirer accepts it (reference §1.2). */
export function acceptedStatus(operation: NewOrderOperation): number {
  return operation === 'SAL' ? 9 : operation === 'RFD' ? 8 : 5;
}

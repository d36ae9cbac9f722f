/**
 * A new order's authorisation as the account's processing mode says (Technical information >
 * Global transaction parameters > Processing; reference §0, §1.1; decision record 0029):
 *
 * - `online` (always online): the acquirer answers now. When it cannot be reached, nothing is
 *   authorised: the order gets STATUS 0 with NCERROR 10001001 ("Communication failure"), and its
 *   ORDERID stays free for another try.
 * - `online_fallback` (online with offline fallback): the acquirer answers now; when it cannot be
 *   reached, the order is recorded with STATUS 51 ("will be processed offline") and the offline
 *   processing authorises it later (src/payments/offline.ts).
 * - `offline` (always offline): every new order is recorded with STATUS 51 at once, the acquirer
 *   is not asked while the payer waits.
 *
 * An order waiting with STATUS 51 keeps its card number sealed on the order (AES-256-GCM under the
 * server key, bound to the account and the ORDERID: src/lib/secret-box.ts) until the acquirer has
 * answered; the CVC is never kept, so the offline authorisation goes without it.
 */
import { type Acquirer, AcquirerUnreachable, type AuthorisationReply, type AuthorisationRequest } from '../acquirer/acquirer.ts';
import { CardNumber } from '../acquirer/card-number.ts';
import type { ProcessingMode } from '../db/schema/technical.ts';
import { openSecret, sealSecret } from '../lib/secret-box.ts';
import { NCERROR } from './ncerror.ts';
import type { NewOrder } from './new-order.ts';
import type { NewOrderOperation } from './transitions.ts';

/** STATUS of a new order waiting for its offline authorisation (reference §1.1: "will be processed offline"). */
export const WAITING_OFFLINE = 51;

/**
 * What became of the authorisation: the acquirer's reply; `deferred` (STATUS 51, to the offline
 * processing); or `unreachable` (STATUS 0, NCERROR 10001001, nothing authorised).
 */
export type Authorisation =
  | { readonly kind: 'answered'; readonly reply: AuthorisationReply }
  | { readonly kind: 'deferred' }
  | { readonly kind: 'unreachable' };

/** Authorises `request` online, or defers it, as `mode` says. Errors other than AcquirerUnreachable propagate. */
export async function authoriseNewOrder(
  acquirer: Acquirer,
  mode: ProcessingMode,
  request: AuthorisationRequest,
): Promise<Authorisation> {
  if (mode === 'offline') return { kind: 'deferred' };
  try {
    return { kind: 'answered', reply: await acquirer.authorise({ ...request, channel: 'online' }) };
  } catch (error) {
    if (!(error instanceof AcquirerUnreachable)) throw error;
    return mode === 'online_fallback' ? { kind: 'deferred' } : { kind: 'unreachable' };
  }
}

/**
 * What a new order records of its authorisation (recordNewOrder): the operation as the acquirer
 * processed it (PAU on another brand than MasterCard is RES), or as asked when the acquirer was
 * not asked; the outcome; and, for an order waiting offline only, its card number sealed for the
 * offline processing (sealOfflineCard).
 */
export function authorisedOrder(
  authorisation: Authorisation,
  asked: { operation: NewOrderOperation; orderId: string; card: CardNumber },
  seal: { secretKey: Buffer; accountId: string },
): Pick<NewOrder, 'operation' | 'outcome' | 'cardNumberSealed'> {
  return {
    operation: authorisation.kind === 'answered' ? authorisation.reply.operation : asked.operation,
    outcome: authorisationOutcome(authorisation),
    cardNumberSealed:
      authorisation.kind === 'deferred' ? sealOfflineCard(seal.secretKey, seal.accountId, asked.orderId, asked.card) : undefined,
  };
}

function authorisationOutcome(authorisation: Authorisation): NewOrder['outcome'] {
  switch (authorisation.kind) {
    case 'answered': {
      const { reply } = authorisation;
      return {
        accepted: reply.outcome === 'authorised',
        status: reply.status,
        ncError: reply.ncerror,
        acceptance: reply.acceptance || undefined,
        acquirerReference: reply.reference,
      };
    }
    case 'deferred':
      return { accepted: false, status: WAITING_OFFLINE, ncError: NCERROR.ok };
    case 'unreachable':
      return { accepted: false, status: 0, ncError: NCERROR.acquirerUnreachable };
  }
}

function sealContext(accountId: string, orderId: string): string {
  return `offline-card:${accountId}:${orderId}`;
}

/** The card number sealed for the order's offline authorisation (orders.card_number_sealed). */
function sealOfflineCard(secretKey: Buffer, accountId: string, orderId: string, card: CardNumber): string {
  return sealSecret(secretKey, card.reveal(), sealContext(accountId, orderId));
}

/** The sealed card number back, for the acquirer. Throws if it was sealed for another account, ORDERID or key. */
export function openOfflineCard(secretKey: Buffer, accountId: string, orderId: string, sealed: string): CardNumber {
  return CardNumber.fromCheckedDigits(openSecret(secretKey, sealed, sealContext(accountId, orderId)));
}

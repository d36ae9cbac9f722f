/**
 * O1, the e-Terminal (reference §10): a payment typed in the back office by a user of Encoder
 * profile or above (`payments:create`), on an account with the e-Terminal option. The card is
 * checked (checkCard, CVC optional), the ORDERID must be new to the account, the acquirer is
 * asked with ECI 1 (mail or telephone order; reference §10 "probably 1", UNCONFIRMED), and the
 * order is recorded by the payment engine (recordNewOrder, audited `payment.order`) whatever
 * the acquirer said: a refused or uncertain payment keeps its PAYID. Refused requests (a form's
 * input errors, card problems, a currency the account does not take, a used ORDERID, a refusal or
 * an uncertain answer of the acquirer) go to the account's error log (J1) with source `eterminal`,
 * once each. The card number and the CVC are used for
 * the acquirer only: never stored, logged, audited or put in an error.
 */
import { requireFeature } from '../account/options.ts';
import type { Acquirer } from '../acquirer/acquirer.ts';
import type { CardProblem } from '../acquirer/cards.ts';
import { can } from '../auth/permissions.ts';
import type { ActorContext } from '../context.ts';
import { recordTransactionError } from '../error-log/record.ts';
import { Forbidden, RuleBroken } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import type { CurrencyCode } from '../lib/money.ts';
import { authorisedOrder, authoriseNewOrder } from '../payments/authorisation.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import { recordNewOrder } from '../payments/new-order.ts';
import { keepsRule } from '../payments/order-fields.ts';
import { orderIdHolder } from '../payments/order-ids.ts';
import { readTechnicalSettings } from '../technical/settings.ts';
import type { TypedCard } from './card-problems.ts';
import { checkTypedCard } from './card-problems.ts';
import type { TerminalOperation } from './forms.ts';
import type { InputError } from './input-errors.ts';

/** ECI of an e-Terminal payment: 1, mail or telephone order (reference §3, §10). */
export const TERMINAL_ECI = 1;

/** What the service works with: the signed-in request's context and the environment's acquirer. */
export type TerminalContext = ActorContext & { acquirer: Acquirer };

/** A payment as typed, once the form's own checks passed; `amount` in minor units of `currency` (> 0). */
export type TerminalPayment = {
  orderId: string;
  amount: number;
  currency: CurrencyCode;
  operation: TerminalOperation;
  card: TypedCard;
  /** '' when not given, as are `email` and `description`. */
  cardHolder: string;
  email: string;
  description: string;
};

/** The answer: the order made (whatever the acquirer said), or the card's problems (nothing made). */
export type TerminalAnswer = { ok: true; payId: number } | { ok: false; cardProblems: readonly CardProblem[] };

/**
 * Makes the payment for the actor's account. Throws Forbidden without `payments:create` or
 * with the e-Terminal option off; RuleBroken beside `currency` for a currency the account does
 * not accept, beside `orderId` for an ORDERID the account already has (naming its PAYID).
 * Card problems are answered, not thrown: each field has its own message.
 */
export async function enterPayment(ctx: TerminalContext, payment: TerminalPayment): Promise<TerminalAnswer> {
  const { actor } = ctx;
  if (!can(actor.user.profile, 'payments:create')) throw new Forbidden('payments:create');
  requireFeature(actor.account, 'e_terminal');
  if (!actor.account.currencies.includes(payment.currency)) {
    await fileError(ctx, payment.orderId, NCERROR.currencyNotAccepted, ncErrorPlusText(NCERROR.currencyNotAccepted));
    throw new RuleBroken(message('eterminal.error.currencyNotAccepted'), 'currency');
  }
  const checked = checkTypedCard(payment.card, ctx.clock.now());
  if (!checked.ok) {
    const [first] = checked.problems;
    if (first) await fileError(ctx, payment.orderId, first.ncerror, first.text);
    return { ok: false, cardProblems: checked.problems };
  }
  // An ORDERID already used is not paid again, and its card is not sent to the acquirer (reference §3, 50001113).
  const used = await orderIdHolder(ctx.db, actor.account.id, payment.orderId);
  if (used) return refuseUsedOrderId(ctx, payment.orderId, used.payId);

  const { card } = checked;
  const settings = await readTechnicalSettings(ctx.db, actor.account.id);
  const authorisation = await authoriseNewOrder(ctx.acquirer, settings.processingMode, {
    operation: payment.operation,
    amount: payment.amount,
    currency: payment.currency,
    card,
    eci: String(TERMINAL_ECI) as '1',
  });
  const authorised = authorisedOrder(
    authorisation,
    { operation: payment.operation, orderId: payment.orderId, card: card.number },
    { secretKey: ctx.secretKey, accountId: actor.account.id },
  );
  const { outcome } = authorised;
  const recorded = await recordNewOrder(
    { db: ctx.db, clock: ctx.clock },
    { accountId: actor.account.id, userId: actor.user.id, userid: actor.user.userid, ip: ctx.ip },
    {
      orderId: payment.orderId,
      ...authorised,
      amount: payment.amount,
      currency: payment.currency,
      card: { brand: card.brand, masked: card.masked, expiry: card.expiry.ed, holder: payment.cardHolder || undefined },
      email: payment.email || undefined,
      description: payment.description || undefined,
      eci: TERMINAL_ECI,
      source: 'eterminal',
      customerIp: null,
    },
  );
  // Two payments of one ORDERID at the same moment: the second finds the first's order.
  if (!recorded.created) return refuseUsedOrderId(ctx, payment.orderId, recorded.original.payId);
  if (outcome.ncError !== NCERROR.ok) {
    await fileError(ctx, payment.orderId, outcome.ncError, ncErrorPlusText(outcome.ncError));
  }
  return { ok: true, payId: recorded.payId };
}

/**
 * Files a form refused by its own checks (inputError: the first field's problem, its NCERROR and a
 * reason without what was typed) in the account's error log, under the ORDERID typed when it keeps
 * its rule (src/payments/order-fields.ts), else none. Throws Forbidden as enterPayment does.
 */
export async function fileRefusedForm(ctx: ActorContext, typedOrderId: string, error: InputError): Promise<void> {
  const { actor } = ctx;
  if (!can(actor.user.profile, 'payments:create')) throw new Forbidden('payments:create');
  requireFeature(actor.account, 'e_terminal');
  const orderId = typedOrderId !== '' && keepsRule('ORDERID', typedOrderId) ? typedOrderId : null;
  await fileError(ctx, orderId, error.ncError, error.reason);
}

async function refuseUsedOrderId(ctx: TerminalContext, orderId: string, payId: number): Promise<never> {
  await fileError(ctx, orderId, NCERROR.orderAlreadyProcessed, ncErrorPlusText(NCERROR.orderAlreadyProcessed));
  throw new RuleBroken(message('eterminal.error.orderIdUsed', { payId: String(payId) }), 'orderId');
}

/** A refused request in the account's error log (J1): the code and the platform's text, never card data. */
async function fileError(ctx: ActorContext, orderId: string | null, ncError: string, reason: string): Promise<void> {
  await recordTransactionError(ctx, {
    accountId: ctx.actor.account.id,
    source: 'eterminal',
    userid: ctx.actor.user.userid,
    orderId,
    ncError,
    reason,
  });
}

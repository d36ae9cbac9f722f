/**
 * DirectLink new order (`orderdirect.asp`, reference §3 "New order"): the checks of a request an
 * API user sent, then the acquirer, then the order recorded — and the reply that says so. The
 * request's own checks come in the platform's order: the caller's address (50001116), the SHA-IN
 * signature (50001184), the missing fields (50001111, " no orderid|no amount|…"), then each
 * field's format (50001125: ORDERID and the optional fields by src/payments/order-fields.ts, then
 * currency, amount, operation), the card (sent, or stored under an alias: order-card.ts); a duplicate ORDERID
 * answers 50001113 with the original PAYID. The card number and CVC go to the acquirer, and the
 * number sealed into an alias when one is asked for: never stored in clear, logged or echoed (the
 * reply has BRAND and ALIAS; CARDNO masked only on a query).
 *
 * AMOUNT is the amount × 100 whatever the currency, as the platform's guides say (reference §3,
 * UNCONFIRMED there; decision record 0026): 15.00 EUR is AMOUNT=1500, ¥1,500 is AMOUNT=150000
 * (a JPY amount with hundredths is refused, 50001121), 1.500 KWD is AMOUNT=150.
 */

import type { Acquirer, Eci } from '../acquirer/acquirer.ts';
import type { Db } from '../db/client.ts';
import type { TechnicalSettings } from '../db/schema/technical.ts';
import type { Clock } from '../lib/clock.ts';
import type { CurrencyCode } from '../lib/money.ts';
import { currencyDigits, isCurrencyCode } from '../lib/money.ts';
import { markAliasUse, saveAlias } from '../payments/aliases.ts';
import { type Authorisation, authorisedOrder, authoriseNewOrder } from '../payments/authorisation.ts';
import type { NcError } from '../payments/ncerror.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import { recordNewOrder } from '../payments/new-order.ts';
import { firstBrokenRule, ruleText } from '../payments/order-fields.ts';
import { orderIdHolder } from '../payments/order-ids.ts';
import { computeShaSign, shaSignMatches } from '../payments/signature.ts';
import { NEW_ORDER_OPERATIONS, type NewOrderOperation } from '../payments/transitions.ts';
import { passphraseOf, shaAlgorithmOf } from '../technical/settings.ts';
import type { ApiCaller } from './api-user.ts';
import { missingFieldsText, SHA_MISMATCH_TEXT } from './error-texts.ts';
import type { OrderCard } from './order-card.ts';
import { orderCard } from './order-card.ts';
import type { DirectLinkCharset, DirectLinkParameters } from './request.ts';
import type { DirectLinkReply } from './response.ts';

/** Everything a DirectLink operation works with. */
export type DirectLinkContext = {
  db: Db;
  clock: Clock;
  secretKey: Buffer;
  acquirer: Acquirer;
  /** The address the request came from (the merchant's server). */
  ip: string | null;
  charset: DirectLinkCharset;
};

/** ECI values DirectLink accepts (reference §3). */
const ECI_VALUES = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '9']);

/**
 * The SHA-IN signature (reference §2.2, §3), the check every DirectLink operation makes once the
 * API user is known (and the caller's address allowed: authenticateApiUser): a missing or wrong
 * SHASIGN, or an account without a DirectLink SHA-IN passphrase, answers 50001184 (Guichet never
 * takes an unsigned request).
 */
export function checkOrigin(
  ctx: DirectLinkContext,
  settings: TechnicalSettings,
  params: DirectLinkParameters,
): { ncError: NcError; text: string } | undefined {
  const passphrase = passphraseOf(ctx.secretKey, settings, 'sha-in-directlink');
  const received = params.get('SHASIGN') ?? '';
  if (!passphrase || received === '') return { ncError: NCERROR.shaMismatch, text: SHA_MISMATCH_TEXT };
  const expected = computeShaSign(params.signingPairs(), {
    direction: 'SHA-IN',
    algorithm: shaAlgorithmOf(settings),
    passphrase,
    charset: ctx.charset,
  });
  return shaSignMatches(received, expected) ? undefined : { ncError: NCERROR.shaMismatch, text: SHA_MISMATCH_TEXT };
}

/**
 * A new order from a checked request (checkOrigin passed): its reply, and the ORDERID to file a
 * refusal under.
 */
export async function orderDirect(
  ctx: DirectLinkContext,
  caller: ApiCaller,
  settings: TechnicalSettings,
  params: DirectLinkParameters,
): Promise<DirectLinkReply> {
  const orderId = params.get('ORDERID') ?? '';
  const refuse = (ncError: NcError, text?: string): DirectLinkReply => ({
    orderID: orderId,
    NCERROR: ncError,
    NCERRORPLUS: text ?? ncErrorPlusText(ncError),
    STATUS: 0,
  });

  const missing = [
    ['ORDERID', orderId],
    ['AMOUNT', params.get('AMOUNT')],
    ['CURRENCY', params.get('CURRENCY')],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => name as string);
  if (missing.length > 0) return refuse(NCERROR.dataValidation, missingFieldsText(missing));
  // ORDERID, then each optional field sent (CN, EMAIL, OWNER*, COM, LANGUAGE, REMOTE_ADDR, GLOBORDERID):
  // the first one breaking its rule (src/payments/order-fields.ts) is named, never its value.
  const broken = firstBrokenRule((field) => params.get(field));
  if (broken) return refuse(NCERROR.formatValidation, ruleText(broken));

  const currency = params.get('CURRENCY') ?? '';
  if (!isCurrencyCode(currency)) return refuse(NCERROR.invalidCurrency);
  if (!caller.account.currencies.includes(currency)) return refuse(NCERROR.currencyNotAccepted);
  const amount = minorUnitsOf(params.get('AMOUNT') ?? '', currency);
  if (typeof amount !== 'number') return refuse(amount.ncError);

  const operation = (params.get('OPERATION') || settings.defaultOperation) as NewOrderOperation;
  if (!(NEW_ORDER_OPERATIONS as readonly string[]).includes(operation))
    return refuse(NCERROR.dataValidation, 'Unknown operation code');
  const paying = await orderCard(ctx, caller, params);
  if (!paying.ok) return refuse(paying.ncError, paying.text);
  const { card, alias } = paying.value;
  const eci = params.get('ECI') || paying.value.defaultEci || String(settings.defaultEci);
  if (!ECI_VALUES.has(eci)) return refuse(NCERROR.formatValidation, 'ECI: 0 to 7 or 9');

  // An ORDERID already used is not paid again: the original order, with STATUS 0 (reference §3).
  const original = await orderIdHolder(ctx.db, caller.account.id, orderId);
  const duplicate = (payId: number, acceptance: string | null): DirectLinkReply => ({
    ...refuse(NCERROR.orderAlreadyProcessed),
    PAYID: payId,
    ACCEPTANCE: acceptance ?? '',
  });
  if (original) return duplicate(original.payId, original.acceptance);

  const authorisation = await authoriseNewOrder(ctx.acquirer, settings.processingMode, {
    operation,
    amount,
    currency,
    card,
    eci: eci as Eci,
  });
  const authorised = authorisedOrder(
    authorisation,
    { operation, orderId, card: card.number },
    { secretKey: ctx.secretKey, accountId: caller.account.id },
  );
  const { outcome } = authorised;
  const recorded = await recordNewOrder(
    { db: ctx.db, clock: ctx.clock },
    { accountId: caller.account.id, userId: caller.user.id, userid: caller.user.userid, ip: ctx.ip },
    {
      orderId,
      ...authorised,
      amount,
      currency,
      card: { brand: card.brand, masked: card.masked, expiry: card.expiry.ed, holder: params.get('CN') || undefined },
      email: params.get('EMAIL') || undefined,
      owner: {
        address: params.get('OWNERADDRESS') || undefined,
        zip: params.get('OWNERZIP') || undefined,
        town: params.get('OWNERTOWN') || undefined,
        country: params.get('OWNERCTY')?.toUpperCase() || undefined,
        phone: params.get('OWNERTELNO') || undefined,
      },
      description: params.get('COM') || undefined,
      eci: Number(eci),
      alias: alias?.name,
      source: 'directlink',
      // NONE: the merchant has no address to give (reference §3, it skips the IP country check).
      customerIp: params.get('REMOTE_ADDR') === 'NONE' ? null : params.get('REMOTE_ADDR') || null,
    },
  );
  if (!recorded.created) return duplicate(recorded.original.payId, recorded.original.acceptance);
  if (alias) await keepAlias(ctx, caller, alias, card, params.get('CN') || undefined, aliasUse(authorisation));
  return {
    orderID: orderId,
    PAYID: recorded.payId,
    NCERROR: outcome.ncError,
    NCERRORPLUS: outcome.ncError === NCERROR.ok ? undefined : ncErrorPlusText(outcome.ncError),
    ACCEPTANCE: outcome.acceptance ?? '',
    STATUS: outcome.status,
    ECI: eci,
    amount: { minor: amount, currency },
    PM: 'CreditCard',
    BRAND: card.brand,
    ALIAS: alias?.name,
  };
}

/** How a payment went, for its alias: accepted, not accepted (refused, uncertain, not processed), or waiting offline (STATUS 51). */
type AliasUse = 'accepted' | 'refused' | 'waiting';

function aliasUse(authorisation: Authorisation): AliasUse {
  if (authorisation.kind === 'deferred') return 'waiting';
  return authorisation.kind === 'answered' && authorisation.reply.outcome === 'authorised' ? 'accepted' : 'refused';
}

/**
 * After the acquirer's answer (reference §6): a stored card's alias is marked by the payment
 * (active when accepted, error otherwise); card data sent with an alias makes the alias (active, or
 * error when the payment was refused or uncertain), or updates an existing one only when accepted.
 * A payment waiting for its offline authorisation makes a new alias `pending` (the offline
 * processing makes it active or error: src/payments/offline.ts) and leaves an existing one as it is:
 * an existing alias takes new card data only from a payment accepted online (decision record 0029).
 */
async function keepAlias(
  ctx: DirectLinkContext,
  caller: ApiCaller,
  alias: NonNullable<OrderCard['alias']>,
  card: OrderCard['card'],
  holder: string | undefined,
  use: AliasUse,
): Promise<void> {
  const now = ctx.clock.now();
  const accepted = use === 'accepted';
  if (use === 'waiting' && (alias.fromStoredCard || alias.existing)) return;
  if (alias.fromStoredCard || (alias.existing && !accepted)) {
    await markAliasUse(ctx.db, caller.account.id, alias.name, accepted, now);
    return;
  }
  await saveAlias(ctx.db, ctx.secretKey, {
    accountId: caller.account.id,
    alias: alias.name,
    card: { number: card.number, brand: card.brand, masked: card.masked, expiry: card.expiry.ed, holder },
    state: use === 'waiting' ? 'pending' : accepted ? 'active' : 'error',
    now,
  });
}

/**
 * AMOUNT (the amount × 100, digits only) in the currency's minor units: 50001006 when it is not
 * a whole number of 1 to 15 digits or is 0, 50001121 when it has hundredths a currency without
 * decimals cannot take.
 */
export function minorUnitsOf(amount: string, currency: CurrencyCode): number | { ncError: NcError } {
  if (!/^\d{1,15}$/.test(amount) || Number(amount) === 0) return { ncError: NCERROR.amountNotNumeric };
  const hundredths = Number(amount);
  const digits = currencyDigits(currency);
  if (digits === 2) return hundredths;
  if (digits === 3) return hundredths * 10;
  return hundredths % 100 === 0 ? hundredths / 100 : { ncError: NCERROR.wrongDecimals };
}

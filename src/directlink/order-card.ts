/**
 * The card a DirectLink new order pays with (reference §3, §6): the card data sent (CARDNO, ED,
 * CVC), or the card an alias stores (ALIAS without CARDNO: no CVC needed, ECI 9 by default). With
 * ALIAS and card data, the alias is made or, once the payment is accepted, updated;
 * ALIASOPERATION=BYPSP makes Guichet choose the alias's name (BYMERCHANT, the default, takes the
 * merchant's). The alias named in the reply is the one to use next time.
 */
import type { AcquirerCard } from '../acquirer/acquirer.ts';
import type { Brand } from '../acquirer/brands.ts';
import { checkCard } from '../acquirer/cards.ts';
import { checkCvc } from '../acquirer/cvc.ts';
import { checkExpiry, parseExpiry } from '../acquirer/expiry.ts';
import type { Alias } from '../db/schema/payments.ts';
import { ALIAS_NAME, aliasCardNumber, findAlias, generatedAliasName } from '../payments/aliases.ts';
import type { NcError } from '../payments/ncerror.ts';
import { NCERROR } from '../payments/ncerror.ts';
import type { ApiCaller } from './api-user.ts';
import { aliasNotFoundText, missingFieldsText } from './error-texts.ts';
import type { DirectLinkContext } from './order-direct.ts';
import type { DirectLinkParameters } from './request.ts';

/** The card to authorise, and what to do with an alias once the acquirer has answered. */
export type OrderCard = {
  card: AcquirerCard & { masked: string };
  /** ECI when the request gives none: 9 (recurring from e-commerce) for a stored card. */
  defaultEci?: string;
  alias?: { name: string; existing: Alias | undefined; fromStoredCard: boolean };
};

/** The card of a new order, or why the request is refused (its NCERROR and text). */
export async function orderCard(
  ctx: DirectLinkContext,
  caller: ApiCaller,
  params: DirectLinkParameters,
): Promise<{ ok: true; value: OrderCard } | { ok: false; ncError: NcError; text?: string }> {
  const named = params.get('ALIAS') ?? '';
  const operation = (params.get('ALIASOPERATION') || 'BYMERCHANT').toUpperCase();
  if (operation !== 'BYMERCHANT' && operation !== 'BYPSP') {
    return { ok: false, ncError: NCERROR.dataValidation, text: 'ALIASOPERATION: BYMERCHANT or BYPSP' };
  }
  const cardSent = Boolean(params.get('CARDNO'));

  if (!cardSent && named && operation !== 'BYPSP') {
    // A stored card: the alias must exist.
    const existing = await findAlias(ctx.db, caller.account.id, named);
    if (!existing) return { ok: false, ncError: NCERROR.dataValidation, text: aliasNotFoundText(named) };
    // A new expiry sent with the alias is checked like a card's; the stored one is the acquirer's to judge.
    const sentExpiry = params.get('ED');
    const checkedExpiry = sentExpiry ? checkExpiry(sentExpiry, ctx.clock.now()) : undefined;
    if (checkedExpiry && !checkedExpiry.ok) return { ok: false, ncError: checkedExpiry.ncerror, text: checkedExpiry.text };
    const expiry = checkedExpiry?.ok ? checkedExpiry.expiry : parseExpiry(existing.cardExpiry);
    if (!expiry) return { ok: false, ncError: NCERROR.expiryError };
    const brand = existing.brand as Brand;
    const cvc = checkCvc(params.get('CVC'), brand, { required: false });
    if (!cvc.ok) return { ok: false, ncError: cvc.ncerror, text: cvc.text };
    const number = aliasCardNumber(ctx.secretKey, existing);
    return {
      ok: true,
      value: {
        card: { number, brand, expiry, cvc: cvc.cvc, masked: existing.cardMasked },
        defaultEci: '9',
        alias: { name: named, existing, fromStoredCard: true },
      },
    };
  }

  const missing = [!cardSent && 'CARDNO', !params.get('ED') && 'ED'].filter((name): name is string => Boolean(name));
  if (missing.length > 0) return { ok: false, ncError: NCERROR.dataValidation, text: missingFieldsText(missing) };
  const checked = checkCard(
    { cardNumber: params.get('CARDNO'), expiryDate: params.get('ED'), cvc: params.get('CVC') },
    { now: ctx.clock.now(), cvcRequired: true },
  );
  if (!checked.ok) {
    const [problem] = checked.problems;
    return { ok: false, ncError: problem?.ncerror ?? NCERROR.dataValidation, text: problem?.text };
  }
  const card = checked.card;
  if (!named && operation !== 'BYPSP') return { ok: true, value: { card } };
  // BYPSP: Guichet chooses the name, whatever ALIAS says (reference §6).
  const name = operation === 'BYPSP' ? generatedAliasName() : named;
  if (!ALIAS_NAME.test(name))
    return { ok: false, ncError: NCERROR.formatValidation, text: 'ALIAS: 1 to 50 letters, digits, - _ or .' };
  if (name === card.number.reveal()) return { ok: false, ncError: NCERROR.aliasIsCardNumber };
  const existing = await findAlias(ctx.db, caller.account.id, name);
  return { ok: true, value: { card, alias: { name, existing, fromStoredCard: false } } };
}

import { NCERROR, type NcError } from '../payments/ncerror.ts';
import { NEW_ORDER_STATUS, type NewOrderOperation } from './acquirer.ts';
import type { Brand } from './brands.ts';

/**
 * The test cards of the simulated acquirer and their fixed outcomes (issue 10 item 3, reference §11), as
 * Support and Configuration > Technical information > Test info show them (docs/test-cards.md is the same
 * table). Any other card number that passes the platform's checks is authorised, and every maintenance
 * succeeds except where a card says otherwise (decision record 0025). Outcomes do not depend on the amount,
 * the currency, the ECI, the expiry date (if not passed) or the CVC.
 * The refusing cards are VISA numbers 4000 0000 0000 0XXc whose digits before the check digit c are the
 * ISO 8583 response code inside their NCERROR (30051001 → 05, 30511001 → 51, …); the unreachable
 * acquirer's card carries ISO 8583's 91, "issuer or switch inoperative".
 */

/**
 * The answer a test card gets to a new order: `invalid` is the platform's own refusal (STATUS 0), before the
 * acquirer; `unreachable` means the acquirer cannot be reached online (AcquirerUnreachable) but authorises
 * the card offline, so what the order gets depends on the account's processing mode (src/payments/authorisation.ts).
 */
export type TestCardOutcome = 'authorised' | 'refused' | 'uncertain' | 'invalid' | 'unreachable';

/** A text in both languages of the interface. */
export type BilingualText = { readonly en: string; readonly fr: string };

/** One test card. `number` is digits only; `brand` is null when no brand issues it. */
export type TestCard = {
  readonly number: string;
  readonly brand: Brand | null;
  readonly outcome: TestCardOutcome;
  /** NCERROR of the new order ("0" when authorised). */
  readonly ncerror: NcError;
  /** For `uncertain` only: what the offline job finds when it asks again (resolve). */
  readonly resolution?: { readonly outcome: 'authorised' | 'refused'; readonly ncerror: NcError };
  /** Refunds (RFD/RFS) of its orders: `refused` gives STATUS 83 with NCERROR 30001001; other maintenance succeeds. */
  readonly refunds: 'done' | 'refused';
  /** Where the card comes from: the platform's documented cards, or Guichet's own. */
  readonly source: 'reference §11' | 'Guichet';
  readonly description: BilingualText;
};

const AUTHORISED: BilingualText = { en: 'Authorised.', fr: 'Autorisée.' };
const THREE_D_SECURE: BilingualText = {
  en: 'Authorised. 3-D Secure test card: authorised without 3-D Secure until Guichet supports it.',
  fr: 'Autorisée. Carte de test 3-D Secure : autorisée sans 3-D Secure tant que Guichet ne le prend pas en charge.',
};

function authorising(number: string, brand: Brand, source: TestCard['source'], description = AUTHORISED): TestCard {
  return { number, brand, outcome: 'authorised', ncerror: NCERROR.ok, refunds: 'done', source, description };
}

function refusing(number: string, ncerror: NcError, description: BilingualText): TestCard {
  return { number, brand: 'VISA', outcome: 'refused', ncerror, refunds: 'done', source: 'Guichet', description };
}

/** Every test card, in the order the pages list them. */
export const TEST_CARDS: readonly TestCard[] = [
  authorising('4111111111111111', 'VISA', 'reference §11'),
  authorising('4000100011112224', 'VISA', 'reference §11'),
  authorising('5399999999999999', 'MasterCard', 'reference §11', {
    en: 'Authorised, also with OPERATION=PAU (pre-authorisation).',
    fr: 'Autorisée, aussi avec OPERATION=PAU (pré-autorisation).',
  }),
  authorising('374111111111111', 'American Express', 'reference §11'),
  authorising('6759649826438453', 'Maestro', 'reference §11'),
  authorising('3530111333300000', 'JCB', 'reference §11'),
  authorising('30569309025904', 'Diners Club', 'Guichet'),
  authorising('2223000048400011', 'MasterCard', 'Guichet', {
    en: 'Authorised (a MasterCard number of the 2221–2720 range).',
    fr: 'Autorisée (un numéro MasterCard de la plage 2221–2720).',
  }),
  authorising('4000000000000002', 'VISA', 'reference §11', THREE_D_SECURE),
  authorising('5555555555554444', 'MasterCard', 'reference §11', THREE_D_SECURE),
  authorising('371449635311004', 'American Express', 'reference §11', THREE_D_SECURE),
  authorising('5130257474533310', 'MasterCard', 'reference §11', THREE_D_SECURE),
  authorising('4186455175836497', 'VISA', 'reference §11', THREE_D_SECURE),
  authorising('4419177274955460', 'VISA', 'reference §11', {
    en: 'Authorised. 3-D Secure test card whose authentication fails: with 3-D Secure it will be refused (STATUS 2, NCERROR 40001134).',
    fr: 'Autorisée. Carte de test 3-D Secure dont l’authentification échoue : avec 3-D Secure, elle sera refusée (STATUS 2, NCERROR 40001134).',
  }),
  {
    number: '1111111111111111',
    brand: null,
    outcome: 'invalid',
    ncerror: NCERROR.unknownCardType,
    refunds: 'done',
    source: 'reference §11',
    description: {
      en: 'Refused by the platform: no brand or invalid card number.',
      fr: 'Refusée par la plateforme : aucune marque ou numéro de carte invalide.',
    },
  },
  refusing('4000000000000051', NCERROR.declined, { en: 'Refused by the issuer.', fr: 'Refusée par l’émetteur.' }),
  refusing('4000000000000515', NCERROR.insufficientFunds, {
    en: 'Refused: insufficient funds.',
    fr: 'Refusée : fonds insuffisants.',
  }),
  refusing('4000000000000333', NCERROR.expiredCard, {
    en: 'Refused: expired card, whatever the expiry date entered.',
    fr: 'Refusée : carte expirée, quelle que soit la date d’expiration saisie.',
  }),
  refusing('4000000000000432', NCERROR.stolenCard, { en: 'Refused: stolen card.', fr: 'Refusée : carte volée.' }),
  refusing('4000000000000416', NCERROR.lostCard, { en: 'Refused: lost card.', fr: 'Refusée : carte perdue.' }),
  refusing('4000000000000143', NCERROR.invalidCardNumber, {
    en: 'Refused by the issuer: invalid card number.',
    fr: 'Refusée par l’émetteur : numéro de carte invalide.',
  }),
  {
    number: '4000000000000200',
    brand: 'VISA',
    outcome: 'uncertain',
    ncerror: NCERROR.acquirerUncertain,
    resolution: { outcome: 'authorised', ncerror: NCERROR.ok },
    refunds: 'done',
    source: 'Guichet',
    description: {
      en: 'Result uncertain; the offline processing then finds it authorised.',
      fr: 'Résultat incertain ; le traitement différé la trouve ensuite autorisée.',
    },
  },
  {
    number: '4000000000000218',
    brand: 'VISA',
    outcome: 'uncertain',
    ncerror: NCERROR.acquirerUncertain,
    resolution: { outcome: 'refused', ncerror: NCERROR.declined },
    refunds: 'done',
    source: 'Guichet',
    description: {
      en: 'Result uncertain; the offline processing then finds it refused by the issuer.',
      fr: 'Résultat incertain ; le traitement différé la trouve ensuite refusée par l’émetteur.',
    },
  },
  {
    number: '4000000000000911',
    brand: 'VISA',
    outcome: 'unreachable',
    ncerror: NCERROR.acquirerUnreachable,
    refunds: 'done',
    source: 'Guichet',
    description: {
      en: 'The acquirer cannot be reached online. Always online: not processed (STATUS 0), try again. Online with offline fallback: recorded (STATUS 51), then the offline processing authorises it.',
      fr: 'L’acquéreur est injoignable en ligne. Toujours en ligne : non traitée (STATUS 0), à refaire. En ligne avec repli en différé : enregistrée (STATUS 51), puis le traitement différé l’autorise.',
    },
  },
  {
    ...authorising('4000000000000838', 'VISA', 'Guichet'),
    refunds: 'refused',
    description: {
      en: 'Authorised, and captures succeed; its refunds are refused (STATUS 83).',
      fr: 'Autorisée, et les captures aboutissent ; ses remboursements sont refusés (STATUS 83).',
    },
  },
];

const BY_NUMBER = new Map(TEST_CARDS.map((card) => [card.number, card]));

/** The test card with this number (digits only), or undefined when it is none. */
export function findTestCard(digits: string): TestCard | undefined {
  return BY_NUMBER.get(digits);
}

/**
 * The STATUS a new order with this test card gets for `operation` when the account processes payments
 * always online (NEW_ORDER_STATUS; 0 for an `invalid` or `unreachable` card). PAU on another brand than
 * MasterCard is processed as RES, with the same status.
 */
export function testCardStatus(card: TestCard, operation: NewOrderOperation): number {
  return card.outcome === 'invalid' || card.outcome === 'unreachable' ? 0 : NEW_ORDER_STATUS[operation][card.outcome];
}

/** The test cards of the given brands (Test info lists those of the brands active on the account), in table order. */
export function testCardsOfBrands(brands: readonly Brand[]): TestCard[] {
  return TEST_CARDS.filter((card) => card.brand === null || brands.includes(card.brand));
}

import { randomBytes, randomInt } from 'node:crypto';
import { type Clock, systemClock } from '../lib/clock.ts';
import { NCERROR, type NcError } from '../payments/ncerror.ts';
import {
  type Acquirer,
  AcquirerUnreachable,
  type AuthorisationReply,
  type AuthorisationRequest,
  assertAmount,
  MAINTENANCE_STATUS,
  type MaintenanceReply,
  type MaintenanceRequest,
  NEW_ORDER_STATUS,
  type NewOrderOperation,
  type ResolveRequest,
} from './acquirer.ts';
import { isExpired } from './expiry.ts';
import { findTestCard } from './test-cards.ts';

/**
 * The simulated acquirer (PRODUCT.md S3, issue 10 item 3; decision record 0025): answers from the test-card
 * table (test-cards.ts); any other card authorises; an expiry month already passed (UTC) is refused by the
 * "issuer" with 30331001. The outcome is fixed by the card; only ACCEPTANCE (in PRODUCTION) and the
 * reference's last part are random. No I/O, no state: what maintenance and resolve() need is in the reference.
 */

/** `environment` sets ACCEPTANCE: "test123" in TEST, as the platform's TEST answers; 6 random capitals and digits in PRODUCTION. */
export type SimulatedAcquirerOptions = { readonly environment: 'test' | 'prod'; readonly clock?: Clock };

/** The platform's TEST environment answers every authorisation with this ACCEPTANCE (its DirectLink replies). */
export const TEST_ACCEPTANCE = 'test123';

const ACCEPTANCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ACCEPTANCE_LENGTH = 6;

/**
 * What the simulated acquirer keeps of an order in its reference "sim-<behaviour>-<16 hex>": `std` maintenance
 * succeeds, `rfr` refunds are refused, `ua` uncertain then authorised, `ur<NCERROR>` uncertain then refused
 * with that NCERROR. A reference it did not make (empty, another acquirer's) behaves as `std`.
 */
type Behaviour = { kind: 'std' } | { kind: 'rfr' } | { kind: 'ua' } | { kind: 'ur'; ncerror: NcError };

const KNOWN_NCERRORS = new Set<string>(Object.values(NCERROR));

/** A random ACCEPTANCE: 6 characters of A–Z and 0–9 (node:crypto). */
export function randomAcceptance(): string {
  let code = '';
  for (let i = 0; i < ACCEPTANCE_LENGTH; i += 1) code += ACCEPTANCE_ALPHABET[randomInt(ACCEPTANCE_ALPHABET.length)];
  return code;
}

function referenceFor(behaviour: Behaviour): string {
  const tag = behaviour.kind === 'ur' ? `ur${behaviour.ncerror}` : behaviour.kind;
  return `sim-${tag}-${randomBytes(8).toString('hex')}`;
}

function behaviourOf(reference: string): Behaviour {
  const match = /^sim-(std|rfr|ua|ur(\d{8}))-[0-9a-f]{16}$/.exec(reference);
  if (!match) return { kind: 'std' };
  const [, tag, ncerror] = match;
  if (tag === 'rfr' || tag === 'ua') return { kind: tag };
  if (ncerror !== undefined)
    return { kind: 'ur', ncerror: KNOWN_NCERRORS.has(ncerror) ? (ncerror as NcError) : NCERROR.declined };
  return { kind: 'std' };
}

/** PAU is a MasterCard operation; on other brands the platform processes it as RES (reference §1.2). */
function processedOperation(request: AuthorisationRequest): NewOrderOperation {
  return request.operation === 'PAU' && request.card.brand !== 'MasterCard' ? 'RES' : request.operation;
}

/** Creates the simulated acquirer. */
export function createSimulatedAcquirer(options: SimulatedAcquirerOptions): Acquirer {
  const clock = options.clock ?? systemClock;
  const acceptance = () => (options.environment === 'test' ? TEST_ACCEPTANCE : randomAcceptance());

  const reply = (
    operation: NewOrderOperation,
    outcome: AuthorisationReply['outcome'],
    ncerror: NcError,
    reference: string,
  ): AuthorisationReply => ({
    outcome,
    status: NEW_ORDER_STATUS[operation][outcome],
    ncerror,
    acceptance: outcome === 'authorised' ? acceptance() : '',
    operation,
    reference,
  });

  return {
    async authorise(request) {
      assertAmount(request.amount, request.currency);
      const operation = processedOperation(request);
      if (isExpired(request.card.expiry, clock.now())) {
        return reply(operation, 'refused', NCERROR.expiredCard, referenceFor({ kind: 'std' }));
      }
      const card = findTestCard(request.card.number.reveal());
      if (!card) return reply(operation, 'authorised', NCERROR.ok, referenceFor({ kind: 'std' }));
      switch (card.outcome) {
        case 'authorised':
          return reply(operation, 'authorised', NCERROR.ok, referenceFor({ kind: card.refunds === 'refused' ? 'rfr' : 'std' }));
        case 'refused':
          return reply(operation, 'refused', card.ncerror, referenceFor({ kind: 'std' }));
        case 'uncertain': {
          const later: Behaviour =
            card.resolution?.outcome === 'refused' ? { kind: 'ur', ncerror: card.resolution.ncerror } : { kind: 'ua' };
          return reply(operation, 'uncertain', card.ncerror, referenceFor(later));
        }
        case 'unreachable':
          // The online connection is down; the offline channel gets through.
          if ((request.channel ?? 'online') === 'online') throw new AcquirerUnreachable();
          return reply(operation, 'authorised', NCERROR.ok, referenceFor({ kind: 'std' }));
        case 'invalid':
          // The platform's checks refuse these before any acquirer; an issuer would not know the number.
          return reply(operation, 'refused', NCERROR.invalidCardNumber, referenceFor({ kind: 'std' }));
      }
    },

    async maintain(request: MaintenanceRequest): Promise<MaintenanceReply> {
      assertAmount(request.amount, request.currency);
      const statuses = MAINTENANCE_STATUS[request.operation];
      const refund = request.operation === 'RFD' || request.operation === 'RFS';
      if (refund && behaviourOf(request.reference).kind === 'rfr') {
        return { outcome: 'refused', status: statuses.refused, ncerror: NCERROR.refusedByInstitution, acceptance: '' };
      }
      return {
        outcome: 'done',
        status: statuses.done,
        ncerror: NCERROR.ok,
        acceptance: request.operation === 'REN' ? acceptance() : '',
      };
    },

    async resolve(request: ResolveRequest) {
      const behaviour = behaviourOf(request.reference);
      if (behaviour.kind === 'ur') return reply(request.operation, 'refused', behaviour.ncerror, request.reference);
      return reply(request.operation, 'authorised', NCERROR.ok, request.reference);
    },
  };
}

/** The simulated acquirer of each environment (TEST answers ACCEPTANCE `test123`), as the application's and the jobs' dependencies hold them. */
export function simulatedAcquirers(clock: Clock): Readonly<Record<'test' | 'prod', Acquirer>> {
  return {
    test: createSimulatedAcquirer({ environment: 'test', clock }),
    prod: createSimulatedAcquirer({ environment: 'prod', clock }),
  };
}

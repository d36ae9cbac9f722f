/**
 * Offline processing (reference §1.3, §3: maintenance is processed offline, REN excepted):
 *
 * - each pending history row — capture 91, deletion 61, refund 81 — is sent to the acquirer once it
 *   has waited its environment's delay (`offlineDelaySeconds`: seconds in TEST, longer in
 *   PRODUCTION; PAYMENT_DELAY_TEST / PAYMENT_DELAY_PROD), and takes the acquirer's final status:
 *   done 9, 6, 8; refused 93, 63, 83 (what the request had taken from the order's totals is given
 *   back, and a closing request reopens the order); uncertain 92, 62, 82;
 * - each new order whose authorisation was uncertain (52) is asked about again, and takes its
 *   final status (5, 9, 8 with the totals of an accepted order, or 2) when the acquirer knows;
 * - each new order waiting for its offline authorisation (51: the account processes payments
 *   always offline, or online with offline fallback and the acquirer could not be reached; see
 *   src/payments/authorisation.ts) is authorised through the acquirer's offline channel with its
 *   sealed card, which is then erased; it takes the acquirer's status (5, 9, 8, 2, or 52 to ask
 *   again later), and a new alias it made becomes active or error. An acquirer still unreachable
 *   leaves it waiting for the next run.
 *
 * A refusal or an uncertain answer goes to the account's error log (J1) under the order's source
 * and the USERID that asked for the row, as an online refusal does.
 *
 * The order takes a row's final status when that row is still its latest (a newer request keeps
 * the order at its own pending status); a capture done sets the order's payment date.
 *
 * Run by the `process-payments` job every minute. Exactly once: rows are claimed in a transaction
 * with `for update skip locked` and changed only while still pending, so two Guichet processes
 * running the job at once take different rows and a row is never sent twice. A run reads the due
 * rows once, by key: rows the acquirer leaves pending wait for the next run instead of being
 * claimed again (the run always ends).
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type Acquirer,
  AcquirerUnreachable,
  type AuthorisationReply,
  type Eci,
  type MaintenanceReply,
} from '../acquirer/acquirer.ts';
import type { Brand } from '../acquirer/brands.ts';
import { parseExpiry } from '../acquirer/expiry.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { Environment } from '../db/schema/accounts.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import { recordTransactionError } from '../error-log/record.ts';
import { openOfflineCard, WAITING_OFFLINE } from './authorisation.ts';
import { NCERROR } from './ncerror.ts';
import { ncErrorPlusText } from './ncerror-texts.ts';
import { queueStatusNotification } from './status-notifications.ts';
import { queueStatusMail } from './transaction-mails.ts';
import type { MaintenanceOperation, NewOrderOperation } from './transitions.ts';
import { MAINTENANCE_KINDS, newOrderTotals } from './transitions.ts';

/** Rows claimed per transaction; the job repeats until none is due. */
const BATCH_ROWS = 200;

/** Seconds a pending row waits before it goes to the acquirer, per environment. */
export type OfflineDelays = Readonly<Record<Environment, number>>;
export type Acquirers = Readonly<Record<Environment, Acquirer>>;

/** What the offline processing works with (the job's dependencies): `secretKey` opens the sealed cards of STATUS 51 orders. */
export type OfflineDeps = {
  readonly db: Db;
  readonly acquirers: Acquirers;
  readonly offlineDelaySeconds: OfflineDelays;
  readonly secretKey: Buffer;
};

type DueRow = {
  account_id: string;
  pay_id: string;
  pay_id_sub: number;
  operation: string;
  amount: string;
  currency: string;
  status: number;
  reference: string | null;
  environment: Environment;
  status_change_url: string | null;
  requested_at: string;
  order_id: string;
  card_number_sealed: string | null;
  card_expiry: string | null;
  brand: string | null;
  eci: number | null;
  source: OrderSource;
  userid: string | null;
};

/** A row's new status and its NCERROR. */
type Settled = { status: number; ncerror: string };

/**
 * Sends every due pending operation, uncertain new order and new order waiting offline to the
 * acquirer, in batches, at `now`; returns how many rows reached each status.
 */
export async function processDueOperations(deps: OfflineDeps, now: Date): Promise<Record<string, number>> {
  const { db, offlineDelaySeconds: delays } = deps;
  const done: Record<string, number> = {};
  const count = (status: number) => {
    done[String(status)] = (done[String(status)] ?? 0) + 1;
  };
  // The last row read: the next batch starts after it, so a row left pending is not read twice in a run.
  let after = sql`true`;
  for (;;) {
    const processed = await db.transaction(async (tx) => {
      const due = await rowsOf<DueRow>(
        tx,
        sql`
        select p.account_id, p.pay_id::text, p.pay_id_sub, p.operation, p.amount::text, p.currency, p.status,
               o.acquirer_reference as reference, a.environment, t.status_change_url,
               to_char(p.requested_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as requested_at,
               o.order_id, o.card_number_sealed, o.card_expiry, o.brand, o.eci, o.source, u.userid
        from order_operations p
        join orders o on o.account_id = p.account_id and o.pay_id = p.pay_id
        join accounts a on a.id = p.account_id
        left join users u on u.id = p.user_id
        left join technical_settings t on t.account_id = p.account_id
        where p.status in (91, 61, 81, 52, 51)
          and p.requested_at <= ${now.toISOString()}::timestamptz
            - make_interval(secs => case a.environment when 'prod' then ${delays.prod}::int else ${delays.test}::int end)
          and ${after}
        order by p.requested_at, p.account_id, p.pay_id, p.pay_id_sub
        limit ${BATCH_ROWS}
        for update of p skip locked`,
      );
      const last = due.at(-1);
      if (last) {
        after = sql`(p.requested_at, p.account_id, p.pay_id, p.pay_id_sub) >
          (${last.requested_at}::timestamptz, ${last.account_id}::uuid, ${last.pay_id}::bigint, ${last.pay_id_sub}::int)`;
      }
      for (const row of due) {
        const settled =
          row.pay_id_sub !== 0
            ? await maintain(tx, row, deps.acquirers, now)
            : row.status === WAITING_OFFLINE
              ? await authoriseWaitingOrder(tx, row, deps, now)
              : await resolveNewOrder(tx, row, deps.acquirers, now);
        if (settled === undefined) continue;
        count(settled.status);
        // A refusal or an uncertain answer is a transaction error of the order's source (J1).
        if (settled.ncerror !== NCERROR.ok) {
          await recordTransactionError(
            { db: tx, clock: { now: () => now } },
            {
              accountId: row.account_id,
              source: row.source,
              userid: row.userid,
              orderId: row.order_id,
              ncError: settled.ncerror,
              reason: ncErrorPlusText(settled.ncerror),
            },
          );
        }
        // The merchant's server is told, when it asked to be (status-notifications.ts).
        const notice = { accountId: row.account_id, payId: row.pay_id, payIdSub: row.pay_id_sub, url: row.status_change_url };
        await queueStatusNotification(tx, notice, now);
        await queueStatusMail(tx, notice, now);
      }
      return due.length;
    });
    if (processed < BATCH_ROWS) return done;
  }
}

/** A pending maintenance row through the acquirer; its final status. */
async function maintain(tx: Db, row: DueRow, acquirers: Acquirers, now: Date): Promise<Settled> {
  const operation = row.operation as MaintenanceOperation;
  const amount = Number(row.amount);
  const reply: MaintenanceReply = row.reference
    ? await acquirers[row.environment].maintain({ operation, reference: row.reference, amount, currency: row.currency })
    : { outcome: 'done', status: doneStatus(operation), ncerror: '0', acceptance: '' };
  const { kind, closing } = MAINTENANCE_KINDS[operation];
  const at = sql`${now.toISOString()}::timestamptz`;
  await tx.execute(sql`
    update order_operations set status = ${reply.status}, nc_error = ${reply.ncerror}, processed_at = ${at}
    where account_id = ${row.account_id} and pay_id = ${row.pay_id}::bigint and pay_id_sub = ${row.pay_id_sub}`);
  // A refused request gives back what it took from the totals, and reopens the order if it closed it.
  const giveBack: SQL[] =
    reply.outcome !== 'refused'
      ? []
      : kind === 'capture'
        ? [sql`captured_amount = captured_amount - ${amount}`, ...(closing ? [sql`capture_closed = false`] : [])]
        : kind === 'refund'
          ? [sql`refunded_amount = refunded_amount - ${amount}`, ...(closing ? [sql`refund_closed = false`] : [])]
          : kind === 'delete'
            ? [sql`authorised_amount = authorised_amount + ${amount}`, ...(closing ? [sql`capture_closed = false`] : [])]
            : [];
  // The order shows this row's status only while it is still its latest (checked under the order's row lock).
  const latest = sql`last_pay_id_sub = ${row.pay_id_sub}`;
  const sets: SQL[] = [
    ...giveBack,
    sql`status = case when ${latest} then ${reply.status} else status end`,
    sql`nc_error = case when ${latest} then ${reply.ncerror} else nc_error end`,
    ...(reply.status === 9 ? [sql`paid_at = coalesce(paid_at, ${at})`] : []),
  ];
  await tx.execute(sql`
    update orders set ${sql.join(sets, sql`, `)}
    where account_id = ${row.account_id} and pay_id = ${row.pay_id}::bigint`);
  return { status: reply.status, ncerror: reply.ncerror };
}

/** An uncertain new order (52) asked about again; its final status, or undefined while still uncertain. */
async function resolveNewOrder(tx: Db, row: DueRow, acquirers: Acquirers, now: Date): Promise<Settled | undefined> {
  if (!row.reference) return undefined;
  const operation = row.operation as NewOrderOperation;
  const reply = await acquirers[row.environment].resolve({ reference: row.reference, operation });
  if (reply.outcome === 'uncertain') return undefined;
  await recordAnswer(tx, row, reply, now);
  return { status: reply.status, ncerror: reply.ncerror };
}

/**
 * A new order waiting offline (51) through the acquirer's offline channel, with its sealed card
 * (the CVC was never kept): its new status (5, 9, 8, 2, or 52 to ask again), or undefined while
 * the acquirer cannot be reached. The sealed card is erased once the acquirer has answered.
 */
async function authoriseWaitingOrder(tx: Db, row: DueRow, deps: OfflineDeps, now: Date): Promise<Settled | undefined> {
  const expiry = row.card_expiry ? parseExpiry(row.card_expiry) : undefined;
  if (!row.card_number_sealed || !expiry || !row.brand) return withoutCard(tx, row, now);
  const card = {
    number: openOfflineCard(deps.secretKey, row.account_id, row.order_id, row.card_number_sealed),
    brand: row.brand as Brand,
    expiry,
    cvc: undefined,
  };
  let reply: AuthorisationReply;
  try {
    reply = await deps.acquirers[row.environment].authorise({
      operation: row.operation as NewOrderOperation,
      amount: Number(row.amount),
      currency: row.currency,
      card,
      eci: String(row.eci ?? 7) as Eci,
      channel: 'offline',
    });
  } catch (error) {
    if (error instanceof AcquirerUnreachable) return undefined;
    throw error;
  }
  const alias = await recordAnswer(tx, row, reply, now);
  // A new alias the payment made waits with it (pending); an uncertain answer leaves it so.
  if (alias && reply.outcome !== 'uncertain') {
    await tx.execute(sql`
      update aliases set state = ${reply.outcome === 'authorised' ? 'active' : 'error'}, updated_at = ${now.toISOString()}::timestamptz
      where account_id = ${row.account_id} and alias = ${alias} and state = 'pending'`);
  }
  return { status: reply.status, ncerror: reply.ncerror };
}

/**
 * The acquirer's answer about a new order, written to its first history row and to the order:
 * the operation as processed, status, NCERROR, ACCEPTANCE, the acquirer's reference, the totals
 * of an accepted order, the payment date of a sale; the sealed card erased. The order shows the
 * status only while no maintenance came after it. An uncertain answer leaves the row unprocessed.
 * Returns the order's alias, if it has one.
 */
async function recordAnswer(tx: Db, row: DueRow, reply: AuthorisationReply, now: Date): Promise<string | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const acceptance = reply.acceptance || null;
  await tx.execute(sql`
    update order_operations set operation = ${reply.operation}, status = ${reply.status}, nc_error = ${reply.ncerror},
      acceptance = ${acceptance}, processed_at = ${reply.outcome === 'uncertain' ? null : at}
    where account_id = ${row.account_id} and pay_id = ${row.pay_id}::bigint and pay_id_sub = 0`);
  const totals = newOrderTotals(reply.operation, Number(row.amount), reply.outcome === 'authorised');
  const [order] = await rowsOf<{ alias: string | null }>(
    tx,
    sql`
    update orders set operation = ${reply.operation}, authorised_amount = ${totals.authorisedAmount},
      captured_amount = ${totals.capturedAmount}, refunded_amount = ${totals.refundedAmount}, acceptance = ${acceptance},
      acquirer_reference = ${reply.reference}, card_number_sealed = null,
      paid_at = ${reply.status === 9 ? at : sql`paid_at`},
      status = case when last_pay_id_sub = 0 then ${reply.status} else status end,
      nc_error = case when last_pay_id_sub = 0 then ${reply.ncerror} else nc_error end
    where account_id = ${row.account_id} and pay_id = ${row.pay_id}::bigint
    returning alias`,
  );
  return order?.alias ?? null;
}

/**
 * A waiting order without a usable card (none sealed, or no expiry or brand: never made by the
 * engine, which seals the card with the order) cannot be authorised: it ends invalid (0) with
 * 50001111, in the error log, instead of stopping every run.
 */
async function withoutCard(tx: Db, row: DueRow, now: Date): Promise<Settled> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const ncerror = NCERROR.dataValidation;
  await tx.execute(sql`
    update order_operations set status = 0, nc_error = ${ncerror}, processed_at = ${at}
    where account_id = ${row.account_id} and pay_id = ${row.pay_id}::bigint and pay_id_sub = 0`);
  await tx.execute(sql`
    update orders set status = 0, nc_error = ${ncerror}, card_number_sealed = null
    where account_id = ${row.account_id} and pay_id = ${row.pay_id}::bigint`);
  return { status: 0, ncerror };
}

/** The final status of a maintenance operation that went through (no acquirer reference to ask). */
function doneStatus(operation: MaintenanceOperation): number {
  const { kind } = MAINTENANCE_KINDS[operation];
  return kind === 'capture' ? 9 : kind === 'delete' ? 6 : kind === 'refund' ? 8 : 5;
}

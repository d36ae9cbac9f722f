import type { ActorContext, RequestContext } from '../context.ts';
import type { Account } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import type { User } from '../db/schema/users.ts';

/**
 * The audit log's writers (PCI DSS 10.2: user, event type, time in UTC, success or failure,
 * origin, affected object). Every entry is written in the caller's transaction when `ctx.db`
 * is one, so an entry exists exactly when the change it records does.
 */
export type AuditEvent = {
  accountId: string | null;
  userId?: string | null;
  actor?: string | null;
  eventType: string;
  success: boolean;
  ip?: string | null;
  object?: string | null;
  details?: Record<string, unknown>;
};

/** Appends one entry as given: for events without a signed-in actor (login attempts, forgotten passwords). */
export async function recordAudit(ctx: Pick<RequestContext, 'db' | 'clock'>, event: AuditEvent): Promise<void> {
  await ctx.db.insert(auditLog).values({
    accountId: event.accountId,
    userId: event.userId ?? null,
    actor: event.actor ?? null,
    eventType: event.eventType,
    occurredAt: ctx.clock.now(),
    success: event.success,
    ip: event.ip ?? null,
    object: event.object ?? null,
    details: event.details ?? {},
  });
}

/** What an event acted on: one of the account's users (possibly the actor), or the account itself. */
export type AuditTarget = { user: Pick<User, 'id' | 'userid'> } | { account: Pick<Account, 'id'> };

/** An event type with its outcome (success unless said) and its details. */
export type ActorEvent = { type: string; success?: boolean; details?: Record<string, unknown> };

/**
 * An event the signed-in actor caused: actor, account, IP and time come from the context; the
 * object is `user:<id>` or `account:<id>`; `details.target` names another user acted on.
 */
export function recordEvent(ctx: ActorContext, event: ActorEvent, target: AuditTarget): Promise<void> {
  const { actor } = ctx;
  const other = 'user' in target && target.user.id !== actor.user.id ? { target: target.user.userid } : {};
  return recordAudit(ctx, {
    accountId: actor.account.id,
    userId: actor.user.id,
    actor: actor.user.userid,
    eventType: event.type,
    success: event.success ?? true,
    ip: ctx.ip,
    object: 'user' in target ? `user:${target.user.id}` : `account:${target.account.id}`,
    details: { ...other, ...event.details },
  });
}

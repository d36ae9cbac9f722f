import { eq } from 'drizzle-orm';
import { recordAudit, recordEvent } from '../audit/service.ts';
import { can } from '../auth/permissions.ts';
import type { ActorContext } from '../context.ts';
import { inTransaction } from '../context.ts';
import type { Account } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { Forbidden, NotFound, RuleBroken } from '../errors.ts';
import type { Message } from '../i18n/catalogue.ts';
import { message, translator } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { hashPassword } from '../lib/password-hash.ts';
import { randomPassword } from '../lib/tokens.ts';
import type { ShownOnce } from './copy-registry.ts';
import { copyParts } from './copy-registry.ts';
import { PSPID_PATTERN } from './forms.ts';
import './registrations.ts';
import type { ProductionPasswordDelivery } from './password-mail.ts';
import { mailProductionPassword } from './password-mail.ts';
import type { ProductionTwin } from './queries.ts';
import { findProductionTwin, isProductionPspidTaken } from './queries.ts';

/**
 * I1 (guide 3.2.9): copies the actor's TEST account into PRODUCTION as a new account. Only in
 * TEST (NotFound elsewhere, as the address is) and only with `account:create_production`
 * (Forbidden). Refusals are RuleBroken: beside the field `pspid` for a malformed PSPID or one
 * taken in PRODUCTION (whatever the case); of the whole action when the account already has its
 * PRODUCTION twin, or when there is no e-mail address to send the initial password to.
 */

export type { ProductionPasswordDelivery } from './password-mail.ts';

export type CreatedProductionAccount = {
  account: Account;
  administrator: User;
  delivery: ProductionPasswordDelivery;
  /** Secrets the copy made anew (passphrases, once technical settings register), to show once. */
  shownOnce: ShownOnce[];
};

/**
 * Creates the PRODUCTION account `pspid` from the actor's TEST account, in ONE transaction:
 * the account row, every registered copy part (src/production/copy-registry.ts), its default
 * administrator (USERID = PSPID, profile Admin, a system-issued password: one login, then a
 * change), the TEST account's link to it, and an audit entry in each environment. A part that
 * throws leaves nothing. The TEST account is locked meanwhile, so two creations cannot both
 * pass. The initial password is then mailed to the TEST account's e-mail, else to the actor's.
 */
export async function createProductionAccount(
  ctx: ActorContext,
  { pspid }: { pspid: string },
): Promise<CreatedProductionAccount> {
  requireCreator(ctx);
  const { actor } = ctx;
  if (!PSPID_PATTERN.test(pspid)) throw new RuleBroken(message('production.error.pspid'), 'pspid');
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  let created: Omit<CreatedProductionAccount, 'delivery'>;
  try {
    created = await inTransaction(ctx, async (tx) => {
      const [source] = await tx.db.select().from(accounts).where(eq(accounts.id, actor.account.id)).for('update');
      if (!source) throw new NotFound('account');
      const twin = await findProductionTwin(tx.db, source);
      if (twin) throw new RuleBroken(alreadyCreated(ctx, twin));
      const recipient = passwordRecipient(source, actor.user);
      if (!recipient) throw new RuleBroken(message('production.error.noEmail'));
      if (await isProductionPspidTaken(tx.db, pspid)) throw new RuleBroken(message('production.error.pspidTaken'), 'pspid');
      const now = tx.clock.now();
      const [inserted] = await tx.db
        .insert(accounts)
        .values({ environment: 'prod', pspid, companyName: '', tradeName: '', createdAt: now })
        .returning();
      if (!inserted) throw new Error('production account not created');
      const shownOnce: ShownOnce[] = [];
      const parts = copyParts();
      for (const part of parts) {
        const outcome = await part.copy(tx, { source, target: inserted });
        shownOnce.push(...(outcome?.shownOnce ?? []));
      }
      const [account] = await tx.db.select().from(accounts).where(eq(accounts.id, inserted.id));
      if (!account) throw new Error('production account lost');
      const [administrator] = await tx.db
        .insert(users)
        .values({
          accountId: account.id,
          userid: pspid,
          name: translator(actor.user.language)('production.administratorName'),
          email: recipient,
          profile: 'admin',
          timeZone: account.timeZone,
          language: actor.user.language,
          passwordHash,
          passwordIssued: true,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!administrator) throw new Error('production administrator not created');
      await tx.db.update(accounts).set({ productionAccountId: account.id }).where(eq(accounts.id, source.id));
      const copied = parts.map((part) => part.name);
      await recordEvent(
        tx,
        {
          type: 'account.production_create',
          details: { productionPspid: pspid, copied, administrator: pspid, passwordTo: recipient },
        },
        { account: source },
      );
      await recordAudit(tx, {
        accountId: account.id,
        actor: 'system',
        eventType: 'account.create_from_test',
        success: true,
        ip: ctx.ip,
        object: `account:${account.id}`,
        details: { testPspid: source.pspid, createdBy: actor.user.userid, copied, administrator: pspid, passwordTo: recipient },
      });
      return { account, administrator, shownOnce };
    });
  } catch (error) {
    // Two creations with the same PSPID at once: the unique index refuses the second.
    if (isUniqueViolation(error)) throw new RuleBroken(message('production.error.pspidTaken'), 'pspid');
    throw error;
  }
  const delivery = await mailProductionPassword(ctx, created.administrator, password);
  return { ...created, delivery };
}

/**
 * Where the initial password goes: the TEST account's e-mail (C1), else the acting
 * administrator's own; undefined when neither has one (the creation is then refused).
 */
export function passwordRecipient(account: Pick<Account, 'email'>, actor: Pick<User, 'email'>): string | undefined {
  return account.email || actor.email || undefined;
}

/**
 * A PSPID's problem for PRODUCTION, read before the review page is shown: malformed, or taken
 * (whatever the case). Undefined when it can be used.
 */
export async function pspidProblem(ctx: Pick<ActorContext, 'db'>, pspid: string): Promise<Message | undefined> {
  if (!PSPID_PATTERN.test(pspid)) return message('production.error.pspid');
  if (await isProductionPspidTaken(ctx.db, pspid)) return message('production.error.pspidTaken');
  return undefined;
}

/** The refusal of a second creation: the twin's PSPID and when it was made, in the actor's zone and language. */
function alreadyCreated(ctx: ActorContext, twin: ProductionTwin): Message {
  const { user } = ctx.actor;
  return message('production.error.alreadyCreated', {
    pspid: twin.pspid,
    date: formatDateTime(twin.createdAt, user.timeZone, user.language),
  });
}

/** The right to create, checked here whatever the route did; the page exists in TEST only. */
function requireCreator(ctx: ActorContext): void {
  if (ctx.actor.account.environment !== 'test') throw new NotFound('production account from TEST only');
  if (!can(ctx.actor.user.profile, 'account:create_production')) throw new Forbidden('account:create_production');
}

/** A unique index refused a row (Postgres 23505), however deep the driver wrapped the error. */
function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if ((current as { code?: string }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

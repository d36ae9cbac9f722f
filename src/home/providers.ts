import type { Feature } from '../account/options.ts';
import { hasFeature } from '../account/options.ts';
import type { Permission } from '../auth/permissions.ts';
import { can } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import type { Account } from '../db/schema/accounts.ts';
import type { Language, User } from '../db/schema/users.ts';
import type { Message } from '../i18n/catalogue.ts';
import type { Clock } from '../lib/clock.ts';
import { describeError } from '../lib/describe-error.ts';
import type { Logger } from '../lib/logger.ts';

/**
 * Home's "needs your attention" blocks (PRODUCT.md A5; the guide's Account menu, section 3).
 *
 * Home knows no feature. Each block comes from a provider that its feature registers from its
 * own module (`src/<feature>/home-provider.ts`), imported once by `src/home/registrations.ts`:
 * adding a block never touches Home's route or page. Home shows the blocks of the providers the
 * user's profile (`permission`) and the account's options (`feature`) allow, sorted by `rank`
 * then `id` (so the order never depends on the order of imports), and a provider that throws is
 * logged and its block left out: Home still answers.
 */

/** What a provider reads: the database (scope every query by `account.id`), the clock, the signed-in user and account, the page's language. */
export type HomeContext = {
  db: Db;
  clock: Clock;
  /** The signed-in account; `account.environment` is the environment links go to. */
  account: Account;
  /** The signed-in user: their time zone (`user.timeZone`) decides what "today" and "this week" mean. */
  user: User;
  /** The language of the page (for numbers and amounts formatted into a line's parameters). */
  language: Language;
};

/** A link of a block: an address from src/paths.ts and a text that says where it goes on its own ("Change your password", not "here"). */
export type HomeLink = { href: string; label: Message };

/** What a block shows: a heading, one or more lines of text, its links. Texts are catalogue messages, translated by the page. */
export type HomeBlock = {
  title: Message;
  lines: readonly Message[];
  links?: readonly HomeLink[];
  /** 'warning' for something to act on soon (an expiry, failed logins, errors); 'info' (the default) otherwise. */
  tone?: 'warning' | 'info';
};

/**
 * One kind of block. `block` answers the block, or null when nothing needs attention (a block
 * is never shown empty: no payments today means no payment block). It only reads.
 *
 * `rank` orders the blocks, lowest first; use the band of the block's kind:
 * 100–199 the user's own security (failed logins 100, password expiry 110, 2FA 120),
 * 200–299 payments, 300–399 maintenance and pending work, 400–499 errors.
 *
 * @example A later feature's block (say `src/payments/home-provider.ts`, imported by
 * `src/home/registrations.ts`), with its texts in its own messages.ts:
 * ```ts
 * registerHomeProvider({
 *   id: 'payments-today',
 *   rank: 200,
 *   permission: 'payments:view',
 *   block: async ({ db, clock, account, user, language }) => {
 *     // "Today" and "this week" start at midnight and on Monday in the user's zone (src/lib/time.ts).
 *     const totals = await paymentTotals(db, account.id, periodsIn(user.timeZone, clock.now()));
 *     if (totals.today.length === 0 && totals.week.length === 0) return null;
 *     return {
 *       title: message('payments.home.title'),
 *       lines: [
 *         ...totals.today.map((t) =>
 *           message('payments.home.today', { count: t.count, amount: formatAmount(t.minor, t.currency, language) }),
 *         ),
 *         ...totals.week.map((t) =>
 *           message('payments.home.week', { count: t.count, amount: formatAmount(t.minor, t.currency, language) }),
 *         ),
 *       ],
 *       links: [{ href: paths.payments.list(account.environment, { period: 'today' }), label: message('payments.home.seeToday') }],
 *     };
 *   },
 * });
 * ```
 * A block of an option's feature also names it (`feature: 'batch_upload'`): with the option off, Home
 * does not even ask.
 */
export type HomeProvider = {
  /** Unique, lowercase words joined by hyphens: it names the block in the page (its heading's id) and in the log. */
  id: string;
  rank: number;
  /** The permission (src/auth/permissions.ts) the user's profile needs to see the block. */
  permission: Permission;
  /** The feature (src/account/options.ts) the account's options must switch on, if any. */
  feature?: Feature;
  block: (ctx: HomeContext) => Promise<HomeBlock | null>;
};

/** A block as Home shows it: with its provider's id. */
export type ShownBlock = HomeBlock & { id: string };

/** The blocks to show, and whether a provider failed (then Home does not say that everything is in order). */
export type HomeBlocks = { blocks: ShownBlock[]; incomplete: boolean };

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A set of providers: the application's is `homeProviders`; tests make their own. */
export function createHomeRegistry() {
  const providers = new Map<string, HomeProvider>();
  return {
    /**
     * Adds a provider; returns what removes it again (for tests). Throws on a malformed or
     * already registered id: two blocks must never share a heading id.
     */
    register(provider: HomeProvider): () => void {
      if (!ID.test(provider.id))
        throw new Error(`home provider id ${JSON.stringify(provider.id)} is not lowercase-words-with-hyphens`);
      if (providers.has(provider.id)) throw new Error(`home provider ${provider.id} is registered twice`);
      providers.set(provider.id, provider);
      return () => {
        if (providers.get(provider.id) === provider) providers.delete(provider.id);
      };
    },
    /** The providers the profile and the account's options allow, in display order (rank, then id). */
    allowedFor(user: Pick<User, 'profile'>, account: Pick<Account, 'options'>): HomeProvider[] {
      return [...providers.values()]
        .filter((p) => can(user.profile, p.permission) && (!p.feature || hasFeature(account, p.feature)))
        .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
export type HomeRegistry = ReturnType<typeof createHomeRegistry>;

/** The application's providers; features add theirs with `registerHomeProvider`. */
export const homeProviders: HomeRegistry = createHomeRegistry();

/** Registers a feature's Home block in the application's registry (see HomeProvider). */
export function registerHomeProvider(provider: HomeProvider): () => void {
  return homeProviders.register(provider);
}

/** How long Home waits for a block before it shows the page without it (the rest stays usable). */
export const HOME_BLOCK_TIMEOUT_MS = 2000;

/**
 * Asks every allowed provider at once and keeps the blocks in display order. A provider that
 * throws (or rejects), or has not answered within `timeoutMs`, is logged at level error with its
 * id (and the error's class, code and frames: describeError, never its message), and its block is
 * left out; the page then says part of it could not be checked.
 */
export async function collectHomeBlocks(
  registry: HomeRegistry,
  ctx: HomeContext,
  log: Logger,
  requestId?: string,
  timeoutMs: number = HOME_BLOCK_TIMEOUT_MS,
): Promise<HomeBlocks> {
  const providers = registry.allowedFor(ctx.user, ctx.account);
  const answers = await Promise.all(
    providers.map(async (provider) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), timeoutMs);
      });
      try {
        const block = await Promise.race([provider.block(ctx), late]);
        if (block === 'late') {
          log({ level: 'error', msg: 'home block too slow', provider: provider.id, requestId, timeoutMs });
          return { ok: false as const, block: null };
        }
        return { ok: true as const, block: block ? { ...block, id: provider.id } : null };
      } catch (error) {
        log({ level: 'error', msg: 'home block failed', provider: provider.id, requestId, ...describeError(error) });
        return { ok: false as const, block: null };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return {
    blocks: answers.flatMap((answer) => (answer.block ? [answer.block] : [])),
    incomplete: answers.some((answer) => !answer.ok),
  };
}

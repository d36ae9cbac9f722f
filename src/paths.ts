import type { Environment } from './db/schema/accounts.ts';

/**
 * Every URL of Guichet, built in one place: routes, redirects, views, menus, mails and tests
 * call these; nothing else writes `/${env}/...` by hand. Each environment lives under its own
 * prefix (DESIGN.md, request convention 6); feature routers are mounted at their part's prefix
 * (src/app.ts). Query strings are built with URLSearchParams, empty values left out.
 */
/** Query parameters: a value, or a list for a parameter that repeats (checkboxes of one name); empty ones left out. */
type Query = Record<string, string | readonly string[] | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string') {
      if (value !== '') params.set(name, value);
    } else for (const each of value ?? []) params.append(name, each);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const root = (env: Environment) => `/${env}`;

export const paths = {
  /** The environment's entry: the home page when signed in, else the login. */
  root,
  home: (env: Environment) => `${root(env)}/home`,
  login: (env: Environment, next?: string) => withQuery(`${root(env)}/login`, { next }),
  /** The login's code step (2FA); `next` is where the login goes once the code is right. */
  loginCode: (env: Environment, next?: string) => withQuery(`${root(env)}/login/otp`, { next }),
  logout: (env: Environment) => `${root(env)}/logout`,
  keepAlive: (env: Environment) => `${root(env)}/session/keepalive`,
  /** GET, JSON: is the session alive and for how long; asking does not extend it. */
  sessionStatus: (env: Environment) => `${root(env)}/session/status`,
  language: (env: Environment) => `${root(env)}/language`,
  cookies: (env: Environment) => `${root(env)}/cookies`,
  password: {
    change: (env: Environment) => `${root(env)}/password`,
    apiUser: (env: Environment) => `${root(env)}/password/api-user`,
    forgotten: (env: Environment) => `${root(env)}/password/forgotten`,
  },
  otp: {
    page: (env: Environment) => `${root(env)}/password/otp`,
    /** POST: makes a new pending seed (a QR code to scan); the page then shows it. */
    setup: (env: Environment) => `${root(env)}/password/otp/setup`,
    activate: (env: Environment) => `${root(env)}/password/otp/activate`,
    deactivate: (env: Environment) => `${root(env)}/password/otp/deactivate`,
    recoveryCodes: (env: Environment) => `${root(env)}/password/otp/recovery-codes`,
  },
  account: {
    /** B5: the account setting that makes two-factor authentication mandatory. */
    twoFactorRequired: (env: Environment) => `${root(env)}/password/otp/required`,
    /** C1–C6: Configuration > Account, every section of it. */
    page: (env: Environment) => `${root(env)}/account`,
    /** POST: saves one section of the account page, by its slug (src/account/sections.ts). */
    section: (env: Environment, slug: string) => `${root(env)}/account/${slug}`,
    /**
     * GET, in PRODUCTION: what switching the options to `options` (their codes, comma-separated)
     * would show and hide, with the button that does it; `version` is the options section's.
     */
    confirmOptions: (env: Environment, query: { options: string; version: string }) =>
      withQuery(`${root(env)}/account/options/confirm`, query),
  },
  /**
   * I1 "Create production account": TEST only, so these take no environment (PRODUCTION has no
   * such address). `pspid` fills the form (start) or names the PSPID to review.
   */
  production: {
    start: (pspid?: string) => withQuery(`${root('test')}/account/production`, { pspid }),
    review: (pspid?: string) => withQuery(`${root('test')}/account/production/review`, { pspid }),
    /** POST: creates the PRODUCTION account (the review page's confirmation). */
    create: () => `${root('test')}/account/production`,
    /** What was copied and what to set up again, once the PRODUCTION account exists. */
    summary: () => `${root('test')}/account/production/summary`,
  },
  users: {
    list: (env: Environment, query?: { q?: string; status?: string; after?: string }) => withQuery(`${root(env)}/users`, query),
    new: (env: Environment) => `${root(env)}/users/new`,
    create: (env: Environment) => `${root(env)}/users`,
    show: (env: Environment, id: string) => `${root(env)}/users/${id}`,
    edit: (env: Environment, id: string) => `${root(env)}/users/${id}/edit`,
    /** Actions on a user; the destructive ones have a confirmation page (GET) at the same address. */
    action: (env: Environment, id: string, action: 'send-password' | 'deactivate' | 'otp-off' | 'reactivate' | 'unlock') =>
      `${root(env)}/users/${id}/${action}`,
  },
  audit: {
    list: (env: Environment, query?: Query) => withQuery(`${root(env)}/audit`, query),
    csv: (env: Environment, query?: Query) => withQuery(`${root(env)}/audit/download.csv`, query),
    /** The user filter's suggestions (a <datalist>), for what is typed in `user`. */
    userSuggestions: (env: Environment, query?: { user?: string }) => withQuery(`${root(env)}/audit/users`, query),
  },
  /**
   * J1: Configuration > Error logs, the refused transaction requests of the last three days;
   * `source` filters, `before`/`after` (an entry's `<time>~<id>`) page by key.
   */
  errorLogs: {
    list: (env: Environment, query?: { source?: string; before?: string; after?: string }) =>
      withQuery(`${root(env)}/error-logs`, query),
  },
  /** O1: Operations > New transaction (e-Terminal option, `payments:create`). */
  eTerminal: {
    /** GET the form, POST a payment. */
    newTransaction: (env: Environment) => `${root(env)}/operations/new-transaction`,
    /** The outcome of a payment made here, by its PAYID. */
    result: (env: Environment, payId: number) => `${root(env)}/operations/new-transaction/result/${payId}`,
  },
  /**
   * M1: Operations > Financial history; `from`, `to`, `currency`, `brand`, `kind` filter,
   * `after`/`before` (a line's `<time>~<PAYID>~<PAYIDSUB>`) page by key.
   */
  financialHistory: {
    list: (env: Environment, query?: Query) => withQuery(`${root(env)}/operations/financial-history`, query),
  },
  /**
   * N1, N2: Operations > View transactions (`payments:view`): the search and its results (the
   * form's fields as parameters, `status` repeated, `after`/`before` a page's signed cursor), and
   * an order's detail by PAYID.
   */
  transactions: {
    list: (env: Environment, query?: Query) => withQuery(`${root(env)}/operations/transactions`, query),
    order: (env: Environment, payId: number) => `${root(env)}/operations/transactions/${payId}`,
  },
  /** F1: Configuration > Technical information, its tabs as sections of one page. */
  technical: {
    page: (env: Environment) => `${root(env)}/technical-information`,
    /** POST: saves one section, by its slug (src/technical/sections.ts). */
    section: (env: Environment, slug: string) => `${root(env)}/technical-information/${slug}`,
    /** POST: makes a random passphrase for a section and shows it once (`confirmed` when one is set); GET: the confirmation page that replacing a set one needs. */
    generate: (env: Environment, slug: string) => `${root(env)}/technical-information/${slug}/generate`,
  },
  support: {
    index: (env: Environment) => `${root(env)}/support`,
    manuals: (env: Environment) => `${root(env)}/support/manuals`,
    faq: (env: Environment, anchor?: string) => `${root(env)}/support/faq${anchor ? `#${anchor}` : ''}`,
    version: (env: Environment) => `${root(env)}/support/version`,
    profiles: (env: Environment) => `${root(env)}/support/profiles`,
    contact: (env: Environment) => `${root(env)}/support/contact`,
  },
} as const;

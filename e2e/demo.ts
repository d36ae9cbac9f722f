/**
 * The demo account seeded on the e2e server's first start (playwright.config.ts passes
 * DEMO_PASSWORD, so every demo user has this password).
 */
export const DEMO_PASSWORD = 'Demo-password-2026';

/**
 * The e2e server's data folder; without SMTP its mails land in its outbox/ as .eml files.
 * E2E_DATA_DIR (with E2E_PORT) lets two runs share a checkout.
 */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR || 'test-results/e2e-data';

export type Credentials = { userid?: string; pspid: string; password: string };

/** The default administrator: USERID = PSPID, logs in with the PSPID form. */
export const DEMO_ADMIN = { userid: 'DEMO', pspid: 'DEMO', password: DEMO_PASSWORD, name: 'Demo administrator' } as const;
/** A viewer, logs in with the USERID form. */
export const DEMO_ACCOUNTS = {
  userid: 'demo.accounts',
  pspid: 'DEMO',
  password: DEMO_PASSWORD,
  name: 'Demo accountant',
} as const;
export const DEMO_ENCODER = { userid: 'demo.encoder', pspid: 'DEMO', password: DEMO_PASSWORD, name: 'Demo encoder' } as const;
/**
 * Used for every failed login of the suite: 10 failures lock a user, so the whole suite keeps to
 * at most 3 failures on this user, and on no other.
 */
export const DEMO_SUPER = { userid: 'demo.super', pspid: 'DEMO', password: DEMO_PASSWORD, name: 'Demo super-encoder' } as const;

const PROJECTS = ['js-on', 'js-off'] as const;

/** A journey's user: `passwordAgeDays` makes their password that old (80: Home's expiry notice shows). */
type JourneyUser = { userid: string; name: string; issued: boolean; passwordAgeDays?: number };

/** Users a journey may change (password, 2FA), one per journey and browser project. */
export const JOURNEY_USERS: JourneyUser[] = PROJECTS.flatMap((project) => [
  { userid: `otp.${project}`, name: `Two-factor ${project}`, issued: false },
  { userid: `pw.${project}`, name: `Password ${project}`, issued: false },
  { userid: `new.${project}`, name: `Newcomer ${project}`, issued: true },
  { userid: `reload.${project}`, name: `Reload ${project}`, issued: false },
  { userid: `home.${project}`, name: `Home ${project}`, issued: false, passwordAgeDays: 80 },
]);

/**
 * French-speaking Viewers of the demo account, one per browser project: journeys read pages in
 * French with them (their language is stored, so no journey switches another user's language).
 */
export const FRENCH_VIEWERS = PROJECTS.map((project) => ({
  project,
  userid: `lecteur.${project}`,
  pspid: 'DEMO',
  password: DEMO_PASSWORD,
  name: `Lecteur ${project}`,
}));

export function frenchViewer(project: string) {
  const user = FRENCH_VIEWERS.find((u) => u.project === project);
  if (!user) throw new Error(`no French viewer for ${project}`);
  return user;
}

/**
 * TEST accounts copied into PRODUCTION, one per browser project and use (a TEST account has one
 * PRODUCTION twin): `journey` by e2e/production.spec.ts, `reflow` by e2e/reflow.spec.ts. The
 * default administrator logs in with the PSPID; the account's e-mail address receives the
 * PRODUCTION administrator's initial password.
 */
export const MERCHANT_ACCOUNTS = PROJECTS.flatMap((project) =>
  (['journey', 'reflow'] as const).map((use) => {
    const pspid = `${use === 'journey' ? 'MERCHANT' : 'REFLOW'}.${project.toUpperCase()}`;
    return {
      project,
      use,
      pspid,
      userid: pspid,
      password: DEMO_PASSWORD,
      name: `Merchant ${use} ${project}`,
      email: `${pspid.toLowerCase()}@example.test`,
    };
  }),
);

export function merchantAccount(project: string, use: 'journey' | 'reflow' = 'journey') {
  const account = MERCHANT_ACCOUNTS.find((a) => a.project === project && a.use === use);
  if (!account) throw new Error(`no ${use} merchant account for ${project}`);
  return account;
}

export function journeyUser(kind: 'otp' | 'pw' | 'new' | 'reload' | 'home', project: string) {
  const user = JOURNEY_USERS.find((u) => u.userid === `${kind}.${project}`);
  if (!user) throw new Error(`no journey user ${kind}.${project}`);
  return { userid: user.userid, pspid: 'DEMO', password: DEMO_PASSWORD, name: user.name };
}

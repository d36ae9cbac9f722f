import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { failedLoginsHomeProvider } from '../auth/home-provider.ts';
import { accounts } from '../db/schema/accounts.ts';
import { users } from '../db/schema/users.ts';
import { message } from '../i18n/catalogue.ts';
import { DAY_MS, MINUTE_MS } from '../lib/clock.ts';
import { twoFactorHomeProvider } from '../otp/home-provider.ts';
import { passwordExpiryHomeProvider } from '../password/home-provider.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn, type TestUser } from '../test/harness.ts';
import type { Page } from '../test/html.ts';
import type { HomeContext, HomeProvider } from './providers.ts';
import { createHomeRegistry, registerHomeProvider } from './providers.ts';

const h = await createHarness();

type ShownBlock = { id: string; title: string; lines: string[]; links: { text: string; href: string }[]; warning: boolean };

/** The blocks of "Needs your attention", in page order, as a reader finds them: heading, lines, links. */
function attention(page: Page): { blocks: ShownBlock[]; text: string } {
  const card = page.one('section[aria-labelledby="attention-title"]');
  const blocks = [...(card?.querySelectorAll('section') ?? [])].map((section) => {
    const heading = section.querySelector('h3');
    return {
      id: heading?.getAttribute('id') ?? '',
      title: page.textOf(heading),
      lines: [...section.querySelectorAll('p')].filter((p) => !p.querySelector('a')).map(page.textOf),
      links: [...section.querySelectorAll('a[href]')].map((a) => ({ text: page.textOf(a), href: a.getAttribute('href') ?? '' })),
      warning: section.classList.contains('warning'),
    };
  });
  return { blocks, text: page.textOf(card) };
}

async function setUser(user: TestUser, values: Partial<typeof users.$inferInsert>) {
  await h.db.update(users).set(values).where(eq(users.id, user.id));
}

/** A signed-in administrator with two-factor authentication on: nothing of their own needs attention. */
async function calmAdmin() {
  const signedIn = await signIn(h);
  await setUser(signedIn.user, { totpEnabledAt: h.clock.now() });
  return signedIn;
}

/** Registers providers for the length of `work` only (the registry is the application's). */
async function withProviders(providers: HomeProvider[], work: () => Promise<void>) {
  const removers = providers.map((provider) => registerHomeProvider(provider));
  try {
    await work();
  } finally {
    for (const remove of removers) remove();
  }
}

const someBlock = (title: 'home.attention' | 'home.title') => async () => ({
  title: message(title),
  lines: [message('home.firstLogin')],
});

test('with nothing to report, Home says that everything is in order, and shows no block', async () => {
  const { browser } = await calmAdmin();
  const response = await browser.get(paths.home('test'));
  assert.equal(response.status, 200);
  const { blocks, text } = attention(browser.page);
  assert.deepEqual(blocks, []);
  assert.match(text, /Everything is in order: nothing needs your attention at the moment\./);
});

test('failed logins since the previous login: a warning with the previous login in the user’s zone and a link to change the password', async () => {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  h.clock.set(new Date('2026-03-01T08:00:00Z'));
  await logIn(new TestBrowser(h.app), admin);
  h.clock.set(new Date('2026-03-02T08:00:00Z'));
  await logIn(new TestBrowser(h.app), { ...admin, password: 'not the password 1' });
  await logIn(new TestBrowser(h.app), { ...admin, password: 'not the password 2' });
  const browser = new TestBrowser(h.app);
  await logIn(browser, admin);
  await setUser(admin, { totpEnabledAt: h.clock.now() });
  await browser.get(paths.home('test'));
  assert.deepEqual(attention(browser.page).blocks, [
    {
      id: 'home-block-failed-logins',
      title: 'Failed login attempts',
      lines: [
        'There were 2 failed login attempts on your user since your previous login. If they were not yours, change your password and tell your administrator.',
        'Your previous login was on 01/03/2026 09:00 CET.',
      ],
      links: [{ text: 'Change your password', href: paths.password.change('test') }],
      warning: true,
    },
  ]);

  // The next login without failures in between clears it.
  await logIn(browser, admin);
  await browser.get(paths.home('test'));
  assert.deepEqual(attention(browser.page).blocks, []);
});

test('the password expiry notice shows from 14 days before the expiry, with the date and a link to change it', async () => {
  const { user, browser } = await calmAdmin();
  const now = h.clock.now().getTime();
  // 90 days of validity: 14 days and a minute left is not yet within the notice.
  await setUser(user, { passwordChangedAt: new Date(now - 76 * DAY_MS + MINUTE_MS) });
  await browser.get(paths.home('test'));
  assert.deepEqual(attention(browser.page).blocks, []);

  const changedAt = new Date(now - 76 * DAY_MS);
  await setUser(user, { passwordChangedAt: changedAt });
  await browser.get(paths.home('test'));
  const expires = new Date(changedAt.getTime() + 90 * DAY_MS);
  const dateText = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(expires);
  const [block, ...others] = attention(browser.page).blocks;
  assert.deepEqual(others, []);
  assert.equal(block?.id, 'home-block-password-expiry');
  assert.equal(block?.title, 'Your password expires soon');
  assert.equal(block?.warning, true);
  assert.match(
    block?.lines[0] ?? '',
    new RegExp(`^Your password expires on ${dateText.replaceAll('/', '\\/')} \\d\\d:\\d\\d CES?T\\.`),
  );
  assert.deepEqual(block?.links, [{ text: 'Change your password', href: paths.password.change('test') }]);

  // A password the system issued has no expiry date of this kind: no notice.
  await setUser(user, { passwordIssued: true });
  await browser.get(paths.home('test'));
  assert.deepEqual(attention(browser.page).blocks, []);
});

test('two-factor authentication not set up: a block with a link to set it up, gone once it is set up', async () => {
  const { user, browser } = await signIn(h);
  await browser.get(paths.home('test'));
  assert.deepEqual(attention(browser.page).blocks, [
    {
      id: 'home-block-two-factor',
      title: 'Two-factor authentication is not set up',
      lines: [
        'Your user logs in with a password only: a code from an authenticator app on your phone would protect your account even if your password leaked.',
      ],
      links: [{ text: 'Set up two-factor authentication', href: paths.otp.page('test') }],
      warning: false,
    },
  ]);
  await setUser(user, { totpEnabledAt: h.clock.now() });
  await browser.get(paths.home('test'));
  assert.deepEqual(attention(browser.page).blocks, []);
});

test('the two-factor block says when the account requires it (a warning then)', async () => {
  // A user without 2FA on such an account is sent to the setup page before Home, so the
  // provider is asked directly here.
  const admin = await createAccount(h.db);
  const [account] = await h.db
    .update(accounts)
    .set({ twoFactorRequired: true })
    .where(eq(accounts.id, admin.accountId))
    .returning();
  const [user] = await h.db.select().from(users).where(eq(users.id, admin.id));
  assert.ok(account && user);
  const ctx: HomeContext = { db: h.db, clock: h.clock, account, user, language: 'fr' };
  const block = await twoFactorHomeProvider.block(ctx);
  assert.deepEqual(block?.lines, [message('home.otpOff'), message('home.otpRequired')]);
  assert.equal(block?.tone, 'warning');
  assert.deepEqual(block?.links, [{ href: paths.otp.page('test'), label: message('home.otpSetUp') }]);
  assert.equal(await twoFactorHomeProvider.block({ ...ctx, user: { ...user, totpEnabledAt: h.clock.now() } }), null);
});

test('blocks follow their rank (then their id), whatever the order they were registered in', async () => {
  const admin = await createAccount(h.db, { passwordChangedAt: new Date(h.clock.now().getTime() - 80 * DAY_MS) });
  await logIn(new TestBrowser(h.app), { ...admin, password: 'not the password 1' });
  const browser = new TestBrowser(h.app);
  await logIn(browser, admin);
  const late = { permission: 'home:view', block: someBlock('home.title') } as const;
  await withProviders(
    [
      { id: 'test-zeta', rank: 130, ...late },
      { id: 'test-beta', rank: 105, ...late },
      { id: 'test-alpha', rank: 105, ...late },
    ],
    async () => {
      await browser.get(paths.home('test'));
      assert.deepEqual(
        attention(browser.page).blocks.map((block) => block.id),
        [
          'home-block-failed-logins',
          'home-block-test-alpha',
          'home-block-test-beta',
          'home-block-password-expiry',
          'home-block-two-factor',
          'home-block-test-zeta',
        ],
      );
    },
  );
});

test('a block shows only to profiles with its permission and on accounts whose options switch its feature on; Home does not ask the others', async () => {
  const { user: admin, browser } = await calmAdmin();
  const { user: viewer, browser: viewerBrowser } = await signIn(h, {
    account: admin,
    userid: 'blocks.viewer',
    profile: 'viewer',
  });
  await setUser(viewer, { totpEnabledAt: h.clock.now() });
  const asked: string[] = [];
  const counting =
    (id: string): HomeProvider['block'] =>
    async ({ user }) => {
      asked.push(`${id}:${user.userid}`);
      return { title: message('home.attention'), lines: [message('home.firstLogin')] };
    };
  await withProviders(
    [
      { id: 'test-audit', rank: 400, permission: 'audit:view', block: counting('audit') },
      { id: 'test-aliases', rank: 300, permission: 'home:view', feature: 'aliases', block: counting('aliases') },
    ],
    async () => {
      await browser.get(paths.home('test'));
      assert.deepEqual(
        attention(browser.page).blocks.map((b) => b.id),
        ['home-block-test-audit'],
        'the administrator holds audit:view; the account has no Alias Manager',
      );
      await viewerBrowser.get(paths.home('test'));
      assert.deepEqual(attention(viewerBrowser.page).blocks, []);
      assert.match(attention(viewerBrowser.page).text, /Everything is in order/);
      assert.deepEqual(asked, [`audit:${admin.userid}`]);

      await h.db
        .update(accounts)
        .set({ options: ['alias_manager'] })
        .where(eq(accounts.id, admin.accountId));
      await viewerBrowser.get(paths.home('test'));
      assert.deepEqual(
        attention(viewerBrowser.page).blocks.map((b) => b.id),
        ['home-block-test-aliases'],
      );
    },
  );
});

test('a provider that throws is logged and left out; the other blocks show, and Home does not claim that all is in order', async () => {
  const { browser } = await calmAdmin();
  const secret = 'row 4111111111111111 of merchant data';
  const before = h.logLines.length;
  await withProviders(
    [
      {
        id: 'test-broken',
        rank: 150,
        permission: 'home:view',
        block: async () => {
          throw new TypeError(secret);
        },
      },
      {
        id: 'test-broken-sync',
        rank: 160,
        permission: 'home:view',
        block: () => {
          throw new RangeError(secret);
        },
      },
      { id: 'test-fine', rank: 170, permission: 'home:view', block: someBlock('home.title') },
    ],
    async () => {
      const response = await browser.get(paths.home('test'));
      assert.equal(response.status, 200);
      const { blocks, text } = attention(browser.page);
      assert.deepEqual(
        blocks.map((b) => b.id),
        ['home-block-test-fine'],
      );
      assert.doesNotMatch(text, /Everything is in order/);
      assert.match(text, /Part of this page could not be checked just now\./);
    },
  );
  const logged = h.logLines.slice(before).filter((line) => line.msg === 'home block failed');
  assert.deepEqual(
    logged.map((line) => [line.level, line.provider, line.error]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    [
      ['error', 'test-broken', 'TypeError'],
      ['error', 'test-broken-sync', 'RangeError'],
    ],
  );
  assert.ok(logged.every((line) => typeof line.requestId === 'string' && line.requestId !== ''));
  assert.doesNotMatch(JSON.stringify(h.logLines), /4111111111111111/, 'the error’s message is never logged');
});

test('Home in French: the blocks’ headings, lines and links are translated', async () => {
  const admin = await createAccount(h.db);
  const { browser } = await signIn(h, { account: admin, userid: 'blocks.fr', language: 'fr' });
  await browser.get(paths.home('test'));
  const { blocks } = attention(browser.page);
  assert.deepEqual(
    blocks.map((b) => [b.title, b.links.map((l) => l.text)]),
    [['L’authentification à deux facteurs n’est pas configurée', ['Configurer l’authentification à deux facteurs']]],
  );
});

test('the registry refuses a second provider with the same id and a malformed id, and forgets a removed one', () => {
  const registry = createHomeRegistry();
  const provider: HomeProvider = { id: 'one', rank: 1, permission: 'home:view', block: async () => null };
  const remove = registry.register(provider);
  assert.throws(() => registry.register({ ...provider }), /registered twice/);
  assert.throws(() => registry.register({ ...provider, id: 'Two words' }), /lowercase-words-with-hyphens/);
  assert.deepEqual(
    registry.allowedFor({ profile: 'viewer' }, { options: [] }).map((p) => p.id),
    ['one'],
  );
  remove();
  assert.deepEqual(registry.allowedFor({ profile: 'viewer' }, { options: [] }), []);
});

test('the providers of today are registered once, with the permissions they need', () => {
  const registry = createHomeRegistry();
  for (const provider of [failedLoginsHomeProvider, passwordExpiryHomeProvider, twoFactorHomeProvider])
    registry.register(provider);
  assert.deepEqual(
    registry.allowedFor({ profile: 'viewer' }, { options: [] }).map((p) => [p.id, p.permission]),
    [
      ['failed-logins', 'home:view'],
      ['password-expiry', 'password:change'],
      ['two-factor', 'otp:manage'],
    ],
  );
});

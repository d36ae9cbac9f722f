import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HTMX_VERSION } from '../../views/layout/htmx.ts';
import { PACKAGE_VERSION } from '../lib/version.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';

const SUPPORT_EMAIL = 'help-desk@psp.example';
const SUPPORT_PHONE = '+32 2 555 01 23';

const PAGES = [
  { path: '/support', en: 'Support', fr: 'Support' },
  { path: '/support/manuals', en: 'User manual', fr: 'Manuel d’utilisation' },
  { path: '/support/faq', en: 'Frequently asked questions', fr: 'Foire aux questions (FAQ)' },
  { path: '/support/version', en: 'Platform version', fr: 'Version de la plate-forme' },
  { path: '/support/contact', en: 'Contact', fr: 'Contact' },
];

/** The text of the page's only h1, with entities decoded. */
function h1Of(html: string): string {
  const all = [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)];
  assert.equal(all.length, 1, 'exactly one h1');
  return decode(all[0]![1]!.replace(/<[^>]+>/g, '').trim());
}

function decode(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const h = await createHarness({ supportEmail: SUPPORT_EMAIL, supportPhone: SUPPORT_PHONE, build: 'build-4711' });
const admin = await createAccount(h.db);
const french = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'marie', language: 'fr' });

describe('Support pages (R1)', () => {
  test('without a session, every support page sends the browser to the login page and back (303)', async () => {
    const browser = new TestBrowser(h.app);
    for (const { path } of PAGES) {
      const response = await browser.get(`/test${path}`);
      assert.equal(response.status, 303, path);
      assert.equal(response.headers.get('Location'), `/test/login?next=${encodeURIComponent(`/test${path}`)}`);
    }
  });

  test('after logging in from that redirect, the user lands on the support page asked for', async () => {
    const browser = new TestBrowser(h.app);
    const response = await logIn(browser, admin, { next: '/test/support/faq' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/test/support/faq');
  });

  test('each page renders for a signed-in user, in English, with its h1 and Vary: HX-Request', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    for (const { path, en } of PAGES) {
      const response = await browser.get(`/test${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(h1Of(browser.lastBody), en, path);
      assert.match(browser.lastBody, /<html lang="en">/);
      assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
    }
  });

  test('each page renders in French for a user whose language is French', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, french);
    for (const { path, fr } of PAGES) {
      const response = await browser.get(`/test${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(h1Of(browser.lastBody), fr, path);
      assert.match(browser.lastBody, /<html lang="fr">/);
    }
    await browser.get('/test/support/faq');
    assert.match(decode(browser.lastBody), /Que se passe-t-il après plusieurs échecs de connexion \?/);
    assert.doesNotMatch(browser.lastBody, /support\.[a-z]+\.[a-zA-Z.]+/, 'no catalogue key shown as text');
  });

  test('the index links to the four pages, and sub-pages lead back to it', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/support');
    for (const path of ['/support/manuals', '/support/faq', '/support/version', '/support/contact']) {
      assert.ok(browser.lastBody.includes(`href="/test${path}"`), path);
    }
    await browser.get('/test/support/version');
    assert.match(browser.lastBody, /<nav class="breadcrumbs" aria-label="Breadcrumb">[\s\S]*href="\/test\/support"/);
    assert.match(browser.lastBody, /aria-current="page">Platform version</);
  });

  test('the user manual has a table of contents whose links reach its sections, and quotes the real limits', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/support/manuals');
    const body = browser.lastBody;
    const targets = [...body.matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(targets.length >= 8, 'a link per part');
    for (const id of targets) assert.ok(body.includes(`id="${id}"`), `#${id} exists`);
    const text = decode(body);
    assert.match(text, /after 15 minutes without activity/);
    assert.match(text, /after 12 hours/);
    assert.match(text, /2 minutes before the end of the idle period/);
    assert.match(text, /“Stay signed in”/);
    assert.match(text, /whose USERID is the same as the PSPID/);
  });

  const NEW_SECTIONS = [
    { id: 'password', en: 'Password', fr: 'Mot de passe' },
    { id: 'two-factor', en: 'Two-factor authentication', fr: 'Authentification à deux facteurs' },
    { id: 'users', en: 'Users', fr: 'Utilisateurs' },
    { id: 'audit', en: 'Audit log', fr: 'Journal d’audit' },
  ];

  /** The manual's sections, by id, with their headings, and the targets and texts of its contents. */
  function manualParts(html: string) {
    const headings = new Map(
      [...html.matchAll(/<h2 id="manual-([a-z-]+)-title">([^<]*)<\/h2>/g)].map((m) => [m[1]!, decode(m[2]!)]),
    );
    const toc = /<nav class="card toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const links = new Map([...toc.matchAll(/<a href="#manual-([a-z-]+)">([^<]*)<\/a>/g)].map((m) => [m[1]!, decode(m[2]!)]));
    const sections = new Set([...html.matchAll(/<section id="manual-([a-z-]+)"/g)].map((m) => m[1]!));
    return { headings, links, sections };
  }

  test('the user manual has sections on the password, two-factor authentication, users and the audit log, in English', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/support/manuals');
    const { headings, links, sections } = manualParts(browser.lastBody);
    for (const { id, en } of NEW_SECTIONS) {
      assert.ok(sections.has(id), `section #manual-${id}`);
      assert.equal(headings.get(id), en, `heading of #manual-${id}`);
      assert.equal(links.get(id), en, `contents link to #manual-${id}`);
    }
    const text = decode(browser.lastBody);
    // The limits come from the rules that enforce them.
    assert.match(text, /12 to 128 characters/);
    assert.match(text, /not one of your last 4 passwords/);
    assert.match(text, /lasts 90 days\. From 14 days before it expires/);
    assert.match(text, /a one-time password valid for 24 hours/);
    assert.match(text, /which can be used for 15 minutes/);
    assert.match(text, /10 recovery codes are shown/);
    assert.match(text, /After 5 wrong codes in a row.*the lock after 10 failed logins/);
    // On-screen names as the pages show them.
    assert.match(text, /go to Configuration > Password, fill in “Current password”/);
    assert.match(text, /You set it up in Configuration > Password > One-time password configuration\./);
    assert.match(text, /“Password forgotten\?” on the login page/);
    assert.match(text, /“Activate \(errors\)”/);
    assert.match(text, /Untick “OTP active”: switches off/);
    assert.match(text, /“Download these entries as CSV”/);
    assert.ok(text.includes('href="/test/support/profiles"'), 'users section links to Profiles and rights');
  });

  test('the user manual has the same four sections in French', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, french);
    await browser.get('/test/support/manuals');
    const { headings, links, sections } = manualParts(browser.lastBody);
    for (const { id, fr } of NEW_SECTIONS) {
      assert.ok(sections.has(id), `section #manual-${id}`);
      assert.equal(headings.get(id), fr, `heading of #manual-${id}`);
      assert.equal(links.get(id), fr, `contents link to #manual-${id}`);
    }
    const text = decode(browser.lastBody);
    assert.match(text, /de 12 à 128 caractères/);
    assert.match(text, /« Mot de passe introuvable \? » sur la page d’identification/);
    assert.match(text, /Configuration > Mot de passe > Configuration d’un mot de passe unique/);
    assert.match(text, /« Activer \(erreurs\) »/);
    assert.doesNotMatch(browser.lastBody, /support\.[a-z]+\.[a-zA-Z.]+/, 'no catalogue key shown as text');
  });

  test('the FAQ works without JavaScript and states the lockout rule', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/support/faq');
    const text = decode(browser.lastBody);
    assert.match(text, /<details id="faq-lockout"/);
    assert.match(text, /<summary>Why does the login error not say what was wrong\?<\/summary>/);
    assert.match(text, /After 10 failed logins in a row, the user is locked for 30 minutes/);
    assert.match(text, /even the right password is refused/);
    assert.match(text, /Can an API user log in to the back office\?/);
    assert.ok(text.includes('href="/test/cookies"'));
  });

  test('the version page shows the package, build, htmx and Node.js versions and the environment', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/support/version');
    const body = browser.lastBody;
    assert.match(body, /<dl/);
    assert.ok(body.includes(`<code>${PACKAGE_VERSION}</code>`), 'package.json version');
    assert.ok(body.includes('<code>build-4711</code>'), 'build id from config');
    assert.ok(body.includes(`<code>${HTMX_VERSION}</code>`), 'htmx version');
    assert.ok(body.includes(`<code>${process.version}</code>`), 'Node.js version');
    assert.match(body, /<dt>Environment<\/dt>\s*<dd>TEST<\/dd>/);
  });

  test('the contact page shows the configured e-mail and phone, and what to include and never send', async () => {
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/support/contact');
    const text = decode(browser.lastBody);
    assert.ok(text.includes(`<a href="mailto:${SUPPORT_EMAIL}">${SUPPORT_EMAIL}</a>`));
    assert.ok(text.includes(`<a href="tel:+3225550123">${SUPPORT_PHONE}</a>`));
    assert.ok(text.includes(`Your PSPID (${admin.pspid}) and your USERID (${admin.userid})`));
    assert.match(text, /The reference shown on the error page/);
    for (const never of ['Passwords', 'Full card numbers', 'Card verification codes (CVC)', 'One-time codes']) {
      assert.ok(text.includes(`<li>${never}</li>`), never);
    }
  });

  test('without a configured phone, the contact page shows no phone line', async () => {
    const bare = await createHarness({ supportEmail: SUPPORT_EMAIL });
    const user = await createAccount(bare.db);
    const browser = new TestBrowser(bare.app);
    await logIn(browser, user);
    await browser.get('/test/support/contact');
    assert.ok(browser.lastBody.includes(`mailto:${SUPPORT_EMAIL}`));
    assert.doesNotMatch(browser.lastBody, /tel:|<dt>Phone<\/dt>/);
  });

  test('support is served in PRODUCTION too, for a PRODUCTION user', async () => {
    const prod = await createAccount(h.db, { environment: 'prod' });
    const browser = new TestBrowser(h.app);
    const login = await logIn(browser, prod, { env: 'prod' });
    assert.equal(login.status, 303);
    const response = await browser.get('/prod/support/version');
    assert.equal(response.status, 200);
    assert.match(browser.lastBody, /<dt>Environment<\/dt>\s*<dd>PRODUCTION<\/dd>/);
    assert.ok(browser.lastBody.includes('href="/prod/support"'));
    // The PRODUCTION session does not open TEST pages.
    const other = await browser.get('/test/support');
    assert.equal(other.status, 303);
  });
});

test('the FAQ explains the password rules and two-factor authentication, in both languages', async () => {
  const h = await createHarness();
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  const french = await createUser(h.db, admin.accountId, admin.pspid, {
    userid: 'faq.fr',
    language: 'fr',
    passwordChangedAt: h.clock.now(),
  });
  const browser = new TestBrowser(h.app);
  await logIn(browser, admin);
  await browser.get('/test/support/faq');
  assert.match(browser.lastBody, /What are the rules for a password\?/);
  assert.match(browser.lastBody, /12 to 128 characters/);
  assert.match(browser.lastBody, /How does two-factor authentication work\?/);
  const fr = new TestBrowser(h.app);
  await logIn(fr, french);
  await fr.get('/test/support/faq');
  assert.match(fr.lastBody, /Quelles sont les règles pour un mot de passe/);
  assert.match(fr.lastBody, /de 12 à 128 caractères/);
});

test('"Profiles and rights" shows the one permission matrix, read-only', async () => {
  const { PERMISSIONS, can } = await import('../auth/permissions.ts');
  const { PROFILES } = await import('../db/schema/users.ts');
  const h = await createHarness();
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  const viewer = await createUser(h.db, admin.accountId, admin.pspid, {
    userid: 'rights.reader',
    passwordChangedAt: h.clock.now(),
  });
  const browser = new TestBrowser(h.app);
  await logIn(browser, viewer);
  const response = await browser.get('/test/support/profiles');
  assert.equal(response.status, 200);
  assert.match(browser.lastBody, /Your profile: Viewer\./);
  const rows = [...browser.lastBody.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)];
  assert.equal(rows.length, PERMISSIONS.length, 'one row per permission');
  PERMISSIONS.forEach((permission, index) => {
    const cells = [...rows[index]![2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(
      cells,
      PROFILES.map((profile) => (can(profile, permission) ? 'Yes' : 'No')),
      permission,
    );
  });
  assert.doesNotMatch(browser.lastBody, /<form[^>]*action="\/test\/support\/profiles"/, 'nothing to change there');
});

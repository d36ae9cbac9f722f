import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { passwordHistory } from '../db/schema/passwords.ts';
import { DAY_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness } from '../test/harness.ts';
import { changePassword as change, onPasswordPage as openPasswordPage } from './test-fixtures.ts';

/*
 * Issue 8 item 6: the password history is the last 4 passwords and every password used in the
 * last 12 months (PCI DSS v4.0.1 8.3.7), so changing four times in a minute brings no old one back.
 */
const h = await createHarness();
const PASSWORD = paths.password.change('test');
const onPasswordPage = () => openPasswordPage(h);

describe('password history', () => {
  test('the last 4 passwords cannot be chosen again, nor any used in the last 12 months', async () => {
    const { admin, browser } = await onPasswordPage();
    const passwords = [admin.password, 'Second-choice-22', 'Third-choice-333', 'Fourth-choice-44', 'Fifth-choice-555'];
    // Four changes within a minute: the first password is now the fifth back, used a minute ago.
    for (let i = 1; i < passwords.length; i += 1) {
      assert.equal((await change(browser, { current: passwords[i - 1], next: passwords[i]! })).status, 303);
      await browser.get(PASSWORD);
    }
    const current = passwords.at(-1)!;
    for (const old of passwords) {
      const response = await change(browser, { current, next: old });
      assert.equal(response.status, 422, `refuses ${old}`);
      assert.ok(browser.page.fieldError('password-new')?.includes('not used among your last 4 nor in the last 12 months'));
    }
    // A year later the first one has been unused for 12 months, and it is not among the last 4.
    h.clock.advance(365 * DAY_MS + 1000);
    const later = new TestBrowser(h.app);
    assert.equal((await logIn(later, { ...admin, password: current })).status, 303);
    await later.get(PASSWORD);
    assert.equal((await change(later, { current, next: passwords[1]! })).status, 422, 'the second is still among the last 4');
    assert.equal((await change(later, { current, next: admin.password })).status, 303, 'the first is allowed again');
  });

  test('the history keeps every password of the last 12 months, and the last 4 whatever their age', async () => {
    const { admin, browser } = await onPasswordPage();
    const chosen = [
      'Alpha-orchard-101',
      'Bravo-orchard-202',
      'Charlie-orchard-303',
      'Delta-orchard-404',
      'Echo-orchard-505',
      'Foxtrot-orchard-606',
    ];
    let current = admin.password;
    for (const next of chosen) {
      assert.equal((await change(browser, { current, next })).status, 303);
      await browser.get(PASSWORD);
      current = next;
    }
    const kept = await h.db.select().from(passwordHistory).where(eq(passwordHistory.userId, admin.id));
    assert.equal(kept.length, chosen.length, 'every earlier password of the last 12 months');
    h.clock.advance(400 * DAY_MS);
    const later = new TestBrowser(h.app);
    await logIn(later, { ...admin, password: current });
    await later.get(PASSWORD);
    assert.equal((await change(later, { current, next: 'Golf-orchard-707' })).status, 303);
    const after = await h.db.select().from(passwordHistory).where(eq(passwordHistory.userId, admin.id));
    assert.equal(after.length, 3, 'older than 12 months: only the 3 before the current one are kept');
  });
});

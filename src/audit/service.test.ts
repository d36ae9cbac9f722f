import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { validateSession } from '../auth/sessions.ts';
import { auditLog } from '../db/schema/audit.ts';
import { actorContextOf, createAccount, createHarness, createUser, signIn } from '../test/harness.ts';
import { recordAudit, recordEvent } from './service.ts';

const h = await createHarness();

test('the audit log is append-only: rows cannot be changed, deleted or truncated', async () => {
  const admin = await createAccount(h.db);
  await recordAudit(h, { accountId: admin.accountId, userId: admin.id, eventType: 'test.event', success: true, ip: '192.0.2.1' });
  const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.eventType, 'test.event'));
  assert.ok(entry);
  assert.equal(entry.occurredAt.toISOString(), h.clock.now().toISOString());
  assert.equal(entry.ip, '192.0.2.1');
  const refused = (error: Error & { cause?: Error }) => /append-only/.test(`${error.message} ${error.cause?.message}`);
  await assert.rejects(h.db.update(auditLog).set({ success: false }).where(eq(auditLog.id, entry.id)), refused);
  await assert.rejects(h.db.delete(auditLog).where(eq(auditLog.id, entry.id)), refused);
  await assert.rejects(h.db.execute(sql`truncate audit_log`), refused);
  const [still] = await h.db.select().from(auditLog).where(eq(auditLog.id, entry.id));
  assert.equal(still?.success, true);
});

test('an actor’s event takes actor, account, IP and time from the context, and names the object it acted on', async () => {
  const { user, browser } = await signIn(h);
  const colleague = await createUser(h.db, user.accountId, user.pspid, { userid: 'colleague' });
  const actor = await validateSession(h.db, h.clock, browser.cookies.get('guichet_test_session') ?? '', 'test');
  assert.ok(actor);
  const ctx = actorContextOf(h, actor, '192.0.2.5');
  await recordEvent(ctx, { type: 'test.other', details: { n: 1 } }, { user: colleague });
  await recordEvent(ctx, { type: 'test.self', success: false }, { user: actor.user });
  await recordEvent(ctx, { type: 'test.account' }, { account: actor.account });
  const entries = await h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.accountId, user.accountId), eq(auditLog.ip, '192.0.2.5')))
    .orderBy(auditLog.id);
  assert.deepEqual(
    entries.map((e) => [e.eventType, e.userId, e.actor, e.success, e.object, e.details, e.occurredAt.toISOString()]),
    [
      [
        'test.other',
        user.id,
        user.userid,
        true,
        `user:${colleague.id}`,
        { n: 1, target: 'colleague' },
        h.clock.now().toISOString(),
      ],
      ['test.self', user.id, user.userid, false, `user:${user.id}`, {}, h.clock.now().toISOString()],
      ['test.account', user.id, user.userid, true, `account:${user.accountId}`, {}, h.clock.now().toISOString()],
    ],
  );
});

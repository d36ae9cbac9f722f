import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { createAccount, createHarness } from '../test/harness.ts';
import { recordAudit } from './service.ts';

test('the audit log is append-only: rows cannot be changed, deleted or truncated', async () => {
  const h = await createHarness();
  const admin = await createAccount(h.db);
  await recordAudit(
    { db: h.db, clock: h.clock },
    {
      accountId: admin.accountId,
      userId: admin.id,
      eventType: 'test.event',
      success: true,
      ip: '192.0.2.1',
    },
  );
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

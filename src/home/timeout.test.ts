import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Account } from '../db/schema/accounts.ts';
import type { User } from '../db/schema/users.ts';
import { manualClock } from '../lib/clock.ts';
import type { HomeContext } from './providers.ts';
import { collectHomeBlocks, createHomeRegistry } from './providers.ts';

test('a block that does not answer in time is left out and logged; the others show, and the page says it is incomplete', async () => {
  const registry = createHomeRegistry();
  registry.register({ id: 'test-stuck', rank: 1, permission: 'home:view', block: () => new Promise(() => {}) });
  registry.register({
    id: 'test-quick',
    rank: 2,
    permission: 'home:view',
    block: async () => ({ title: { key: 'home.title' }, lines: [] }),
  });
  const ctx = {
    db: undefined,
    clock: manualClock(),
    account: { options: [] } as unknown as Account,
    user: { profile: 'admin' } as unknown as User,
    language: 'en',
  } as unknown as HomeContext;
  const logged: Record<string, unknown>[] = [];
  const started = Date.now();
  const answer = await collectHomeBlocks(registry, ctx, (line) => void logged.push(line), 'req-1', 50);
  assert.ok(Date.now() - started < 2000, 'the stuck block did not hold the page');
  assert.deepEqual(
    answer.blocks.map((block) => block.id),
    ['test-quick'],
  );
  assert.equal(answer.incomplete, true);
  assert.deepEqual(
    logged.map((line) => [line.msg, line.provider]),
    [['home block too slow', 'test-stuck']],
  );
});

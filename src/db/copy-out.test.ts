import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../test/database.ts';
import { copyLines, copyStreams, copyValue, wholeLines } from './copy-out.ts';

const database = await createTestDatabase();
after(() => database.close());

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const item of items) found.push(item);
  return found;
}

describe('copyOut and copyLines', () => {
  test('values reach the query as settings, never as its text: quotes and backslashes stay values', async () => {
    const odd = `O'Brien \\' ; drop table users; -- "x"\ttab\nline é`;
    const lines = await all(
      copyLines(database.db, {
        select: `select current_setting('guichet.copy_test')::text, current_setting('guichet.copy_number')::int + 1, null::text`,
        settings: { 'guichet.copy_test': odd, 'guichet.copy_number': '41' },
      }),
    );
    assert.equal(lines.length, 1);
    const fields = (lines[0] ?? '').replace(/\n$/, '').split('\t');
    assert.deepEqual(fields.map(copyValue), [odd, '42', null]);
    // The users table is still there to count.
    await database.db.execute(sql`select count(*) from users`);
  });

  test('many rows come as texts of whole lines, every row once, in order', async () => {
    const texts = await all(
      copyLines(database.db, {
        select: `select n, repeat('é', n % 7) from generate_series(1, 20000) n order by n`,
        settings: {},
      }),
    );
    // A Postgres server streams: more than one text for 20,000 lines.
    if (copyStreams(database.db)) assert.ok(texts.length > 1);
    for (const text of texts) assert.ok(text.endsWith('\n'));
    const rows = texts.join('').split('\n').slice(0, -1);
    assert.equal(rows.length, 20000);
    rows.forEach((row, i) => {
      assert.equal(row, `${i + 1}\t${'é'.repeat((i + 1) % 7)}`);
    });
  });

  test('the settings last only for the COPY', async () => {
    await all(copyLines(database.db, { select: 'select 1', settings: { 'guichet.copy_gone': 'here' } }));
    const result = await database.db.execute(sql`select coalesce(current_setting('guichet.copy_gone', true), '') as value`);
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { value: string }[];
    assert.equal(rows[0]?.value, '');
  });

  test('a reader that stops early ends the COPY on the server', { skip: !copyStreams(database.db) }, async () => {
    const marker = `copy_stop_${process.pid}`;
    const lines = copyLines(database.db, {
      select: `select n, '${marker}' from generate_series(1, 50000000) n`,
      settings: {},
    });
    const first = await lines.next();
    assert.equal(first.done, false);
    await lines.return(undefined);
    const running = async () => {
      const result = await database.db.execute(
        sql`select count(*)::int as running from pg_stat_activity where query like ${`%${marker}%`} and pid <> pg_backend_pid()`,
      );
      return ((result as unknown as { running: number }[])[0]?.running ?? 0) as number;
    };
    // The backend notices the closed socket when it next writes: wait for it, a bounded number of times.
    let left = await running();
    for (let tries = 0; left > 0 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await running();
    }
    assert.equal(left, 0);
  });
});

describe('wholeLines', () => {
  async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
    yield* parts;
  }

  test('a character or a line split between chunks comes out whole', async () => {
    const bytes = Buffer.from('1\tcafé\n2\tnaïve\n', 'utf8');
    const split = bytes.indexOf(0xa9); // the second byte of é
    const texts = await all(wholeLines(chunks(bytes.subarray(0, split), bytes.subarray(split, 9), bytes.subarray(9))));
    assert.equal(texts.join(''), '1\tcafé\n2\tnaïve\n');
    for (const text of texts) assert.ok(text.endsWith('\n'));
  });

  test('data that ends inside a line is an error, not a shorter file', async () => {
    await assert.rejects(all(wholeLines(chunks(Buffer.from('1\tcomplete\n2\tcut')))), /ended inside a line/);
  });
});

describe('copyValue', () => {
  test("COPY's escapes and null", () => {
    assert.equal(copyValue('\\N'), null);
    assert.equal(copyValue('plain'), 'plain');
    assert.equal(copyValue('a\\tb\\nc\\rd\\\\e\\bf\\fg\\vh'), 'a\tb\nc\rd\\e\bf\fg\vh');
    assert.equal(copyValue('\\\\N'), '\\N');
    assert.equal(copyValue(''), '');
  });
});

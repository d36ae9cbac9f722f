import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvCell, csvRecord, csvStream, guardCell } from './csv.ts';

describe('formula-injection guard', () => {
  test('a cell a spreadsheet would run as a formula gets a leading apostrophe', () => {
    for (const dangerous of [
      '=HYPERLINK("http://evil.example","Click")',
      '+1+2',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1',
      '\r=1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(1)',
    ]) {
      assert.equal(guardCell(dangerous), `'${dangerous}`, JSON.stringify(dangerous));
    }
  });

  test('ordinary cells are left as they are, empty ones are empty', () => {
    for (const safe of [
      'DEMO',
      '2026-03-29 00:30:00 +01:00',
      '192.0.2.1',
      '::1',
      "'already quoted",
      'a=b',
      'reason: wrong_password',
      ' =1',
    ]) {
      assert.equal(guardCell(safe), safe);
    }
    assert.equal(guardCell(null), '');
    assert.equal(guardCell(undefined), '');
    assert.equal(guardCell(''), '');
  });
});

/** Rows written in chunks of `size` records, as the audit export yields them. */
async function* inBatches(rows: (string | null)[][], size = 2) {
  for (let i = 0; i < rows.length; i += size)
    yield rows
      .slice(i, i + size)
      .map(csvRecord)
      .join('');
}

describe('CSV stream', () => {
  test('a header, quoted fields, CRLF records, a BOM, and guarded cells', async () => {
    const bytes = new Uint8Array(
      await new Response(
        csvStream(
          ['Time', 'Détails'],
          inBatches([
            ['a,b', 'say "hi"'],
            ['=cmd|calc', null],
            ['line\nbreak', '-1'],
            ['', 'cr\rhere'],
          ]),
          (error) => assert.fail(String(error)),
        ),
      ).arrayBuffer(),
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    assert.equal(text, '\uFEFFTime,Détails\r\n"a,b","say ""hi"""\r\n\'=cmd|calc,\r\n"line\nbreak",\'-1\r\n,"cr\rhere"\r\n');
  });

  test('a record: cells guarded first, then quoted only when they must be', () => {
    assert.equal(csvCell('=1'), "'=1");
    assert.equal(csvCell(null), '');
    assert.equal(csvRecord(['plain', null, undefined, '', 'a"b', ' =1', '@x']), 'plain,,,,"a""b", =1,\'@x\r\n');
    assert.equal(csvRecord(['=1,2']), `"'=1,2"\r\n`);
    assert.equal(csvRecord([]), '\r\n');
  });

  test('batches are pulled as the reader reads, not all at once', async () => {
    let produced = 0;
    async function* many() {
      for (let i = 0; i < 1000; i += 1) {
        const batch = Array.from({ length: 100 }, (_, j) => csvRecord([String(i * 100 + j), 'x'.repeat(50)]));
        produced += batch.length;
        yield batch.join('');
        // An empty chunk now and then adds nothing and does not end the stream.
        if (i % 100 === 0) yield '';
      }
    }
    const reader = csvStream(['n', 'pad'], many(), (error) => assert.fail(String(error))).getReader();
    const first = await reader.read();
    assert.ok(first.value && first.value.length > 0);
    await quiet(() => produced);
    assert.ok(produced < 10_000, `only a buffer's worth produced before reading on (${produced})`);
    let rows = 0;
    let rest = '';
    const decoder = new TextDecoder();
    rest += decoder.decode(first.value, { stream: true });
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      rest += decoder.decode(chunk.value, { stream: true });
      const lines = rest.split('\r\n');
      rest = lines.pop() ?? '';
      rows += lines.length;
    }
    assert.equal(rows, 100_001, 'header and every row');
    assert.equal(produced, 100_000);
  });

  test('a client that goes away stops the rows being read, and is no error', async () => {
    let closed!: () => void;
    const sourceClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    async function* endless() {
      try {
        for (let i = 0; ; i += 1) yield csvRecord([String(i)]);
      } finally {
        closed();
      }
    }
    const reported: unknown[] = [];
    const reader = csvStream(['n'], endless(), (error) => reported.push(error)).getReader();
    await reader.read();
    await reader.cancel();
    await sourceClosed; // the source is closed (else the test times out)
    assert.deepEqual(reported, []);
  });

  test('a failure while making a chunk breaks the download and is reported', async () => {
    const reported: unknown[] = [];
    async function* failing() {
      yield csvRecord(['1']);
      throw new Error('database gone');
    }
    await assert.rejects(new Response(csvStream(['n'], failing(), (error) => reported.push(error))).text());
    assert.equal(reported.length, 1);
    assert.match(String(reported[0]), /database gone/);
  });
});

/**
 * Waits until `value()` stops changing: the event loop has run every task the stream had
 * queued (a producer held back by back-pressure stays still). Counts turns, not milliseconds.
 */
async function quiet(value: () => number, stableTurns = 20, maxTurns = 100_000): Promise<void> {
  let last = value();
  let stable = 0;
  for (let turn = 0; turn < maxTurns && stable < stableTurns; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    const now = value();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

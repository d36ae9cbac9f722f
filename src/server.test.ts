import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

/** Runs `npm start`'s entry with the given environment until it exits; its output and exit code. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, ...env, DATABASE_URL: '', DEMO_PASSWORD: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('with the port taken, the start creates nothing and says in one line how to choose another port', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  after(() => blocker.close());
  const address = blocker.address();
  assert.ok(address && typeof address === 'object');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-start-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  const result = await start({ PORT: String(address.port), HOST: '127.0.0.1', DATA_DIR: dataDir });
  assert.equal(result.code, 1);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, not a stack trace: ${result.stderr}`);
  assert.match(lines[0]!, /already in use/);
  assert.match(lines[0]!, new RegExp(`PORT=${address.port + 1} npm start`));
  assert.ok(
    !existsSync(path.join(dataDir, 'pglite')) || readdirSync(path.join(dataDir, 'pglite')).length === 0,
    'no database was created',
  );
});

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench, BenchLine } from './run.ts';

/**
 * Issue 8, item 23: `npm start` on a fresh data folder (embedded PGlite) is serving within 8 s
 * and the server holds under 400 MB; anchored on a bare PGlite creating a database (time) and a
 * bare PGlite opening it (memory), measured in the same run.
 */
export const bench: Bench = {
  name: 'startup (embedded database)',
  async run(): Promise<BenchLine[]> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-start-'));
    const bareDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-bare-'));
    try {
      const bareCreate = await timed(() => runNode(['-e', BARE(path.join(bareDir, 'pg'))]));
      const bareOpen = await runNode(['-e', BARE(path.join(bareDir, 'pg'))]);
      const first = await startServer(dataDir);
      const again = await startServer(dataDir);
      return [
        {
          figure: 'first start, fresh data folder, until the login page answers',
          value: first.seconds,
          unit: 's',
          anchor: { name: 'bare PGlite creating a database', value: bareCreate.seconds },
          target: { max: 8, of: 'value' },
        },
        {
          figure: 'server memory after the first start (resident)',
          value: first.rssMb,
          unit: 'MB',
          anchor: { name: 'bare PGlite opening that database', value: bareOpen.rssMb },
          target: { max: 400, of: 'value' },
        },
        { figure: 'later start, existing data folder', value: again.seconds, unit: 's', target: { max: 8, of: 'value' } },
        {
          figure: 'server memory after a later start (resident)',
          value: again.rssMb,
          unit: 'MB',
          target: { max: 400, of: 'value' },
        },
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(bareDir, { recursive: true, force: true });
    }
  },
};

/** A bare PGlite in `folder` (created when missing) that prints its resident memory once open. */
const BARE = (folder: string) => `
  import('@electric-sql/pglite').then(async ({ PGlite }) => {
    const pg = await PGlite.create(${JSON.stringify(folder)});
    await pg.query('select 1');
    console.log('RSS ' + process.memoryUsage().rss);
    await pg.close();
  });`;

async function timed<T>(work: () => Promise<T>): Promise<T & { seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

function runNode(args: string[]): Promise<{ rssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      const rss = Number(/RSS (\d+)/.exec(out)?.[1] ?? Number.NaN);
      code === 0 ? resolve({ rssMb: rss / 1e6 }) : reject(new Error(`bare PGlite exited ${code}`));
    });
  });
}

/** Starts `npm start`'s entry on a free port, waits for the login page, reads its memory, stops it. */
function startServer(dataDir: string): Promise<{ seconds: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_REQUESTS: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let done = false;
    child.stdout.on('data', async (chunk) => {
      out += chunk;
      const url = /Guichet is running on (\S+)/.exec(out)?.[1];
      if (!url || done) return;
      done = true;
      try {
        for (;;) {
          const response = await fetch(url).catch(() => undefined);
          if (response?.status === 200) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const seconds = (performance.now() - started) / 1000;
        for (let i = 0; i < 5; i += 1) await fetch(url);
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
        child.once('exit', () => resolve({ seconds, rssMb: rssKb / 1000 }));
        child.kill('SIGTERM');
      } catch (error) {
        child.kill('SIGKILL');
        reject(error);
      }
    });
    child.once('exit', (code) => {
      if (!done) reject(new Error(`the server exited (${code}) before serving:\n${out}`));
    });
  });
}

// Runs every *.test.ts under src/ with node's test runner through tsx, two files at a time, and
// prints how long the whole suite took and on which database (DESIGN.md, Tests: under 90 s on
// PGlite on a 2-core machine). Node 20's runner does not expand globs itself, so the files are
// listed here. Arguments, when given, are the test files to run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : findTests('src').sort();
const started = performance.now();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, LOG_REQUESTS: '0' },
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'the embedded PGlite';
console.log(`\nUnit and integration tests: ${files.length} files in ${seconds} s on ${database}.`);
process.exit(result.status ?? 1);

// Runs every *.test.ts under src/ with node's test runner through tsx, two processes at a time
// (one per core of the reference machine), and prints how long the whole suite took and on which
// database (DESIGN.md, Tests: under 90 s on PGlite on a 2-core machine), then one closing line
// "N passed, N failed". Each process runs a batch of at most FILES_PER_PROCESS files one after
// the other (scripts/unit-group.mjs): starting Node, loading the app and opening PGlite once per
// batch rather than once per file halves the suite's time, and a new process per batch keeps
// memory bounded (a closed PGlite is not all given back). Batches are made by size, largest
// first, so the two lanes end together. Arguments, when given, are the test files to run;
// TEST_WORKERS changes the number of lanes.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : findTests('src');
const FILES_PER_PROCESS = 12;
const workers = Math.max(1, Number(process.env.TEST_WORKERS ?? 2) || 2);

// Largest file first, each to the lightest batch so far; then the batches largest first.
const batchCount = Math.max(Math.min(workers, files.length), Math.ceil(files.length / FILES_PER_PROCESS));
const groups = Array.from({ length: batchCount }, () => ({ files: [], size: 0 }));
for (const file of [...files].sort((a, b) => statSync(b).size - statSync(a).size || a.localeCompare(b))) {
  const open = groups.filter((group) => group.files.length < FILES_PER_PROCESS);
  const lightest = open.reduce((min, group) => (group.size < min.size ? group : min));
  lightest.files.push(file);
  lightest.size += statSync(file).size;
}
groups.sort((a, b) => b.size - a.size);

function runGroup(group) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test-reporter=tap', 'scripts/unit-group.mjs', ...group.files], {
      env: { ...process.env, LOG_REQUESTS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      // Printed whole when the worker ends, so the two workers' reports do not interleave.
      process.stdout.write(output);
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
      // A file that cannot even load fails its suite without failing a test: count those too.
      const failedFiles = (output.match(/^not ok \d+ - /gm) ?? []).length;
      resolve({ code, passed: count('pass'), failed: Math.max(count('fail') + count('cancelled'), failedFiles) });
    });
  });
}

/** Runs the batches `workers` at a time, each next batch as soon as a lane is free. */
async function runAll() {
  const results = [];
  let next = 0;
  const lane = async () => {
    while (next < groups.length) results.push(await runGroup(groups[next++]));
  };
  await Promise.all(Array.from({ length: Math.min(workers, groups.length) }, lane));
  return results;
}

const started = performance.now();
const results = await runAll();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'the embedded PGlite';
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const crashed = results.some((r) => r.code !== 0) && failed === 0 ? 1 : 0;
console.log(`\nUnit and integration tests: ${files.length} files in ${groups.length} processes, ${seconds} s on ${database}.`);
console.log(`${passed} passed, ${failed + crashed} failed`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);

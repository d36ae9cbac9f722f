// One worker of the unit runner (scripts/run-unit-tests.mjs): runs the test files named in its
// arguments one after the other in this process, each inside a suite named after the file, so
// each file's `after` hooks (closing its database) run when that file is done. One process per
// worker instead of one per file saves the ~1.5 s each file spends starting Node, loading the
// app through tsx and opening PGlite.
import path from 'node:path';
import { describe } from 'node:test';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) {
  // biome-ignore lint/correctness/usePlaywrightValidDescribeCallback: node:test (not Playwright) awaits an async suite, which is how a file's tests are collected under it.
  describe(file, async () => {
    await import(pathToFileURL(path.resolve(file)).href);
  });
}

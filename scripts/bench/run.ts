/**
 * `npm run bench`: every figure an issue names, measured beside its anchor in the same run and
 * printed as a ratio (DESIGN.md, Performance). Each `scripts/bench/*.bench.ts` exports a `bench`
 * whose `run()` returns its lines; `npm run bench -- startup` runs the benches whose name
 * contains "startup". Results are recorded by hand in docs/benchmarks.md with the machine.
 * Never part of `npm test`: timings are not assertions.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One measured figure: the value, its anchor when it has one, and the target it is held to. */
export type BenchLine = {
  figure: string;
  value: number;
  unit: string;
  anchor?: { name: string; value: number };
  /** The ratio (value / anchor) or the value must stay at or under this. */
  target?: { max: number; of: 'ratio' | 'value' };
};

export type Bench = { name: string; run(): Promise<BenchLine[]> };

const folder = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();

let missed = 0;
for (const file of files) {
  const { bench } = (await import(pathToFileURL(path.join(folder, file)).href)) as { bench: Bench };
  if (wanted.length > 0 && !wanted.some((word) => bench.name.includes(word))) continue;
  console.log(`\n## ${bench.name}`);
  for (const line of await bench.run()) {
    const ratio = line.anchor ? line.value / line.anchor.value : undefined;
    const measured = line.target?.of === 'ratio' ? ratio : line.value;
    const verdict = line.target && measured !== undefined ? (measured <= line.target.max ? 'ok' : 'OVER TARGET') : '';
    if (verdict === 'OVER TARGET') missed += 1;
    const anchor = line.anchor
      ? `  anchor ${line.anchor.name}: ${round(line.anchor.value)} ${line.unit}  ratio ${round(ratio ?? 0)}×`
      : '';
    const target = line.target
      ? `  target ≤ ${line.target.max}${line.target.of === 'ratio' ? '×' : ` ${line.unit}`} ${verdict}`
      : '';
    console.log(`${line.figure}: ${round(line.value)} ${line.unit}${anchor}${target}`);
  }
}
console.log(missed === 0 ? '\nEvery figure within its target.' : `\n${missed} figure(s) over target.`);

function round(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

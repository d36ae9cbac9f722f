import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The package version, read once from package.json. */
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/** The build: BUILD_ID when the deployment sets it, else the checked-out commit, else "development". */
export function buildId(configured: string | undefined): string {
  if (configured) return configured;
  try {
    const gitDir = path.join(ROOT, '.git');
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    const ref = head.slice(5);
    const refFile = path.join(gitDir, ref);
    if (existsSync(refFile)) return readFileSync(refFile, 'utf8').trim().slice(0, 12);
    const packed = readFileSync(path.join(gitDir, 'packed-refs'), 'utf8');
    const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`));
    return line ? line.slice(0, 12) : 'development';
  } catch {
    return 'development';
  }
}

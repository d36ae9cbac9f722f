// Import boundaries (DESIGN.md, Layout; docs/architecture.md), checked by `npm run lint`:
//   1. views/ import only types from src/, and values only from pure helpers: src/lib/, src/forms/,
//      src/i18n/, src/paths.ts and the features' form definitions (src/<feature>/forms.ts);
//   2. only routes (src/**/*routes.ts[x]) and their presenters, src/http/, src/app.ts, src/server.ts and tests import
//      src/http/ or views/, not even a type: services, queries and helpers never do;
//   3. src/http/ imports no feature: only the core (the session, permission, stage, throttle and
//      device-cookie modules of src/auth/, the account's options (src/account/options.ts), src/lib/, src/i18n/, src/db/, src/forms/, the root
//      modules) and the shared views (layout, errors);
//   4. src/home/ imports no feature either (PRODUCT.md A5: features put their blocks on Home through
//      src/home/providers.ts): only that core, the web layer and its own views; src/home/registrations.ts
//      alone imports the features' src/<feature>/home-provider.ts modules.
// Static imports, re-exports, side-effect imports (`import './x'`) and dynamic `import('./x')` count.
// Prints each broken rule with its file and line; exits 1 when there is one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');

function sources(dir) {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((name) => /\.(ts|tsx)$/.test(name))
    .map((name) => path.join(ROOT, dir, name));
}

/** Each import of a file: whether it is type-only, what it names, the file it resolves to. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  const patterns = [
    /^(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gms,
    /^()import()()\s*['"]([^'"]+)['"]/gm,
    /()()()\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const [, , typeOnly, names, specifier] = match;
      if (!specifier.startsWith('.')) continue;
      const line = text.slice(0, match.index).split('\n').length;
      const allTypes = Boolean(typeOnly) || /^\{\s*(type\s+\w+(\s+as\s+\w+)?\s*,?\s*)+\}$/.test((names ?? '').trim());
      found.push({ line, typeOnly: allTypes, target: rel(path.resolve(path.dirname(file), specifier)) });
    }
  }
  return found;
}

const isTest = (file) => /\.test\.tsx?$|fixtures\.tsx?$/.test(file) || file.startsWith('src/test/');
// Routes, and the presenters that turn their query results into view props.
const isRoutes = (file) => /(routes|presenters?|present)\.tsx?$/.test(file);
const CORE = [
  /^src\/(http|lib|i18n|db|forms)\//,
  /^src\/auth\/(permissions|sessions|stage|throttle|device-cookie)\.ts$/,
  /^src\/account\/options\.ts$/,
  /^src\/[^/]+\.ts$/,
  /^views\/(layout|errors)\//,
];
const HOME = [...CORE, /^src\/home\//, /^views\/(home|components)\//];
const HOME_REGISTRATIONS = 'src/home/registrations.ts';
const PURE_FOR_VIEWS = [/^src\/(lib|forms|i18n)\//, /^src\/paths\.ts$/, /^src\/[^/]+\/forms\.ts$/];

const problems = [];
for (const file of [...sources('src'), ...sources('views')]) {
  const name = rel(file);
  for (const { line, typeOnly, target } of importsOf(file)) {
    const where = `${name}:${line}`;
    if (name.startsWith('views/') && target.startsWith('src/') && !typeOnly && !PURE_FOR_VIEWS.some((p) => p.test(target))) {
      problems.push(`${where} a view imports a value from ${target}; views take types and pure helpers only`);
    }
    const webSide =
      name.startsWith('src/http/') || isRoutes(name) || isTest(name) || ['src/app.ts', 'src/server.ts'].includes(name);
    if (name.startsWith('src/') && !webSide && (target.startsWith('src/http/') || target.startsWith('views/'))) {
      problems.push(`${where} ${target} is the web layer; services, queries and helpers stay out of it`);
    }
    if (name.startsWith('src/http/') && !isTest(name) && !CORE.some((p) => p.test(target))) {
      problems.push(`${where} src/http/ imports the feature module ${target}`);
    }
    const registration = name === HOME_REGISTRATIONS && /^src\/[^/]+\/home-provider\.ts$/.test(target);
    if (name.startsWith('src/home/') && !isTest(name) && !registration && !HOME.some((p) => p.test(target))) {
      problems.push(
        `${where} Home imports the feature module ${target}; a feature registers its block instead (src/home/providers.ts)`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(`Import boundaries: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('Import boundaries: no problem.');

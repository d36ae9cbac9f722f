import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTMX_FILE } from '../../views/layout/htmx.ts';
import type { PageAssets } from '../../views/layout/view-context.ts';
import type { AppEnv } from './context.ts';

/**
 * The files of static/ (style sheet, script, htmx, icon), read once when the process starts.
 *
 * Each file also answers at a name carrying the first 16 hex digits of the SHA-256 of its content
 * (`app.css` → `/static/app.0123456789abcdef.css`). Pages link to those names, so a name never
 * changes content: it is cached for a year as immutable. The plain name (old pages, bookmarks) and
 * a stale hash still answer with the current content, revalidated through the ETag every time.
 * Text files are sent brotli- or gzip-compressed by the client's Accept-Encoding (compressed once,
 * in the background, then kept); every answer has a strong ETag per encoding and answers
 * If-None-Match with 304. Pages, JSON and CSV are compressed on the fly by hono/compress (src/app.ts).
 * The files are read at start: `npm run dev` restarts when one changes.
 */

/** Hashed names: a year (RFC 9111; the longest lifetime browsers honour), never revalidated. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Plain names may change with the next release: keep, but ask with the ETag before each use. */
export const REVALIDATE_CACHE = 'no-cache';
/** /favicon.ico, asked for by browsers and tools that do not read the page's icon link. */
export const FAVICON_CACHE = 'public, max-age=86400';

export const STATIC_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../static');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.css', '.js', '.svg', '.txt']);
/** Below this, compression saves less than the headers it adds. */
const COMPRESS_MIN_BYTES = 1024;
const HASHED_NAME = /^(.+)\.([0-9a-f]{16})(\.[A-Za-z0-9]+)$/;

type Encoding = 'br' | 'gzip';
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type StaticFile = {
  name: string;
  hashedName: string;
  hash: string;
  type: string;
  body: Buffer;
  compressible: boolean;
  encoded: Map<Encoding, Promise<Buffer>>;
};

export type StaticFiles = {
  /** The address pages link to: `/static/<name with hash>`. Throws for a file that is not there. */
  url(name: string): string;
  /** The file a request name stands for, and whether that name is the current hashed one. */
  lookup(requestName: string): { file: StaticFile; immutable: boolean } | undefined;
  file(name: string): StaticFile;
};

/** Reads every file of `root` (not its folders) and computes their hashes; starts compressing them. */
export function loadStaticFiles(root: string = STATIC_ROOT): StaticFiles {
  const byName = new Map<string, StaticFile>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const body = readFileSync(path.join(root, entry.name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const ext = path.extname(entry.name);
    const file: StaticFile = {
      name: entry.name,
      hashedName: `${entry.name.slice(0, entry.name.length - ext.length)}.${hash}${ext}`,
      hash,
      type: TYPES[ext] ?? 'application/octet-stream',
      body,
      compressible: COMPRESSIBLE.has(ext) && body.length >= COMPRESS_MIN_BYTES,
      encoded: new Map(),
    };
    byName.set(file.name, file);
    // In the thread pool, off the event loop: ready before the first page asks, usually.
    if (file.compressible) for (const encoding of ['br', 'gzip'] as const) encode(file, encoding).catch(() => {});
  }
  const file = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`no static file ${name} in ${root}`);
    return found;
  };
  return {
    url: (name) => `/static/${file(name).hashedName}`,
    file,
    lookup(requestName) {
      const plain = byName.get(requestName);
      if (plain) return { file: plain, immutable: false };
      const match = HASHED_NAME.exec(requestName);
      const hashed = match ? byName.get(`${match[1]}${match[3]}`) : undefined;
      return hashed ? { file: hashed, immutable: hashed.hash === match?.[2] } : undefined;
    },
  };
}

function encode(file: StaticFile, encoding: Encoding): Promise<Buffer> {
  let done = file.encoded.get(encoding);
  if (!done) {
    done =
      encoding === 'br'
        ? brotli(file.body, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: file.body.length },
          })
        : gzipAsync(file.body, { level: 9 });
    file.encoded.set(encoding, done);
  }
  return done;
}

/** The client's preferred encoding among ours (Accept-Encoding with q-values, RFC 9110 §12.5.3). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(token.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a))[0];
  return best;
}

function etagOf(file: StaticFile, encoding: Encoding | undefined): string {
  return `"${file.hash}${encoding ? `-${encoding}` : ''}"`;
}

/**
 * The entity tag of If-None-Match that names this content, in any encoding (weak comparison,
 * RFC 9110 §13.1.2): a 304 repeats it, so the client's stored copy stays the one it has.
 */
function matchingTag(ifNoneMatch: string | undefined, file: StaticFile): string | undefined {
  if (!ifNoneMatch) return undefined;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .find((tag) => {
      const value = tag.replace(/^W\//, '');
      return value === '*' || value.replace(/^"|"$/g, '').replace(/-(br|gzip)$/, '') === file.hash;
    });
}

async function send(c: Context<AppEnv>, file: StaticFile, cacheControl: string): Promise<Response> {
  const encoding = file.compressible ? chooseEncoding(c.req.header('Accept-Encoding')) : undefined;
  const etag = etagOf(file, encoding);
  const headers: Record<string, string> = { 'Cache-Control': cacheControl, ETag: etag };
  if (file.compressible) headers.Vary = 'Accept-Encoding';
  const matched = matchingTag(c.req.header('If-None-Match'), file);
  if (matched) return c.body(null, 304, { ...headers, ETag: matched === '*' ? etag : matched });
  const body = encoding ? await encode(file, encoding) : file.body;
  headers['Content-Type'] = file.type;
  headers['Content-Length'] = String(body.length);
  if (encoding) headers['Content-Encoding'] = encoding;
  return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), 200, headers);
}

/**
 * `GET /static/<name>` for the files above, and `GET /favicon.ico` with the SVG icon. Anything
 * else under /static/ goes on to the 404 page.
 */
export function staticRoutes(files: StaticFiles) {
  const app = new Hono<AppEnv>();
  app.get('/static/:name', async (c, next) => {
    const found = files.lookup(c.req.param('name'));
    if (!found) return next();
    return send(c, found.file, found.immutable ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
  });
  app.get('/favicon.ico', (c) => send(c, files.file('favicon.svg'), FAVICON_CACHE));
  return app;
}

let siteFiles: StaticFiles | undefined;

/** The files of the site's static/ folder, loaded on first use. */
export function siteStaticFiles(): StaticFiles {
  siteFiles ??= loadStaticFiles();
  return siteFiles;
}

/** The addresses the page shell links to. */
export function pageAssets(files: StaticFiles = siteStaticFiles()): PageAssets {
  return {
    css: files.url('app.css'),
    js: files.url('app.js'),
    htmx: files.url(HTMX_FILE),
    icon: files.url('favicon.svg'),
  };
}

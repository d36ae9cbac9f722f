import { SECOND_MS } from '../lib/clock.ts';
import type { TestBrowser } from '../test/browser.ts';
import type { Harness, TestUser } from '../test/harness.ts';
import { createHarness } from '../test/harness.ts';
import type { Page } from '../test/html.ts';
import type { AuditEvent } from './service.ts';
import { recordAudit } from './service.ts';

/*
 * What the audit-log tests share: a harness whose clock reads NOW, entries written at given
 * moments, the table's entries as cell texts, the filters' select choices, and the download
 * read back as CSV records.
 */

/** When the tests sign in and read: after every entry they write, within the password's 90 days. */
export const NOW = new Date('2026-04-01T10:00:00Z');

/** A harness whose clock reads NOW (sign in with the shared `signIn` fixture after this). */
export async function auditHarness(): Promise<Harness> {
  const h = await createHarness();
  h.clock.set(NOW);
  return h;
}

/** Writes entries of an account at given moments (the clock is put back to NOW afterwards). */
export async function writeEntries(h: Harness, user: TestUser, entries: (Partial<AuditEvent> & { at: Date })[]) {
  for (const { at, ...event } of entries) {
    h.clock.set(at);
    await recordAudit(h, {
      accountId: user.accountId,
      userId: user.id,
      actor: user.userid,
      eventType: 'test.event',
      success: true,
      ...event,
    });
  }
  h.clock.set(NOW);
}

/** `count` entries numbered n = 0…count-1 in details, a second apart every `tie` entries (so several share a time). */
export async function writeNumbered(h: Harness, user: TestUser, eventType: string, count: number, tie: number) {
  const start = new Date('2026-03-10T08:00:00Z').getTime();
  await writeEntries(
    h,
    user,
    Array.from({ length: count }, (_, n) => ({
      at: new Date(start + Math.floor(n / tie) * SECOND_MS),
      eventType,
      details: { n },
    })),
  );
}

/** The entries the page lists, as cell texts, without the header row (none when there is no table). */
export function entryRows(page: Page): string[][] {
  return page.table().slice(1);
}

/** The n of each listed entry written by writeNumbered (or with `n` in its details), in the order shown. */
export function numbers(page: Page): number[] {
  return entryRows(page).map((cells) => Number(/\bn: (\d+)/.exec(cells[6] ?? '')?.[1]));
}

/** A select's options as `{ value, text }`, found by its label. */
export function options(page: Page, label: string): { value: string; text: string }[] {
  const select = page.field(label);
  if (!select) throw new Error(`no field labelled ${label}`);
  return [...select.querySelectorAll('option')].map((option) => ({
    value: option.getAttribute('value') ?? '',
    text: page.textOf(option),
  }));
}

/** The selected option of a select found by its label, undefined when none is marked. */
export function chosen(page: Page, label: string): { value: string; text: string } | undefined {
  const option = page.field(label)?.querySelector('option[selected]');
  return option ? { value: option.getAttribute('value') ?? '', text: page.textOf(option) } : undefined;
}

/** The user filter's suggestions: the values of the datalist its input names. */
export function suggestions(page: Page): string[] {
  const list = page.field('User (USERID)')?.getAttribute('list') ?? page.one('datalist')?.getAttribute('id');
  return list ? page.all(`datalist#${list} option`).map((option) => option.getAttribute('value') ?? '') : [];
}

/** Downloads a CSV: the response, whether it starts with a UTF-8 byte order mark, its text and its records. */
export async function download(browser: TestBrowser, path: string) {
  const response = await browser.send(path, { method: 'GET' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
  return { response, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, text, rows: parseCsv(text) };
}

/** A small RFC 4180 reader for the downloads. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

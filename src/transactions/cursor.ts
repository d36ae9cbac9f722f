import { createHmac } from 'node:crypto';
import { sameSecret } from '../lib/tokens.ts';
import type { TransactionCursor, TransactionSort } from './queries.ts';

/**
 * The paging cursors of View transactions: opaque texts that say where a page ends, signed so
 * that only the pages of this account and this sort can make them. Written as
 * `<base64url of "sort~key~payId">.<base64url of HMAC-SHA-256, first 16 bytes>`, the MAC under
 * the server key (deps.secretKey) over the account id and the body: a cursor edited by hand,
 * cut short, or made for another account or another sort is refused (readCursor gives null),
 * never read as another position.
 */

function mac(secretKey: Uint8Array, accountId: string, body: string): string {
  return createHmac('sha256', secretKey)
    .update(`transactions-cursor\u0000${accountId}\u0000${body}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** The cursor of a page's first or last order, for the account, in the sort it was listed in. */
export function writeCursor(secretKey: Uint8Array, accountId: string, sort: TransactionSort, at: TransactionCursor): string {
  const body = Buffer.from(`${sort}~${at.key}~${at.payId}`).toString('base64url');
  return `${body}.${mac(secretKey, accountId, body)}`;
}

const KEY_BY_SORT = { date: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/, amount: /^\d{1,16}$/ } as const;

/**
 * Reads a cursor of this account made for `sort`; null for anything else (not one, a wrong
 * signature, another sort), which the page answers with its own message.
 */
export function readCursor(
  secretKey: Uint8Array,
  accountId: string,
  sort: TransactionSort,
  text: string,
): TransactionCursor | null {
  if (text.length > 200) return null;
  const [body = '', signature = '', ...rest] = text.split('.');
  if (rest.length > 0 || !/^[A-Za-z0-9_-]+$/.test(body) || !sameSecret(signature, mac(secretKey, accountId, body))) return null;
  const [cursorSort, key = '', payId = '', ...extra] = Buffer.from(body, 'base64url').toString().split('~');
  if (extra.length > 0 || cursorSort !== sort || !/^\d{1,15}$/.test(payId)) return null;
  if (!KEY_BY_SORT[sort.startsWith('amount') ? 'amount' : 'date'].test(key)) return null;
  return { key, payId: Number(payId) };
}

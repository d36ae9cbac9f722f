import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Config } from '../config.ts';

/**
 * The client's address for the audit log and rate limits: the peer, or with TRUST_PROXY the last
 * X-Forwarded-For entry, the one our proxy appended (earlier entries are whatever the client sent).
 */
export function clientIp(c: Context, config: Config): string | null {
  if (config.trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

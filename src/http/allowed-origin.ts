import { isIP } from 'node:net';
import os from 'node:os';
import type { Config } from '../config.ts';

/**
 * Whether a form may come from `origin` (the browser's Origin header) to this request (decision
 * records 0005, 0018). With PUBLIC_ORIGIN, only that origin. Without it, the origin must be the
 * request's own AND name this machine: a localhost name (`localhost`, `*.localhost`, which
 * browsers resolve to the loopback themselves), a loopback address, or the address Guichet
 * listens on (HOST; with 0.0.0.0 or ::, any address of this machine's interfaces). The Host
 * header alone is never enough: a DNS-rebound `evil.example` sends a matching Host and Origin.
 * The port is the one the browser used (a forwarded port is still this machine).
 */
export function isAllowedOrigin(origin: string, requestUrl: string, config: Config): boolean {
  if (config.publicOrigin !== undefined) return origin === config.publicOrigin;
  const own = new URL(requestUrl);
  return origin === own.origin && namesThisMachine(own.hostname, config);
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

function namesThisMachine(hostname: string, config: Config): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 0) return host === config.host.toLowerCase();
  if (isLoopback(host) || host === config.host.replace(/^\[(.*)\]$/, '$1')) return true;
  return WILDCARDS.has(config.host) && interfaceAddresses().has(host);
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

/** This machine's addresses, when Guichet listens on all of them. */
function interfaceAddresses(): Set<string> {
  return new Set(
    Object.values(os.networkInterfaces())
      .flat()
      .map((entry) => entry?.address.toLowerCase())
      .filter((address): address is string => address !== undefined),
  );
}

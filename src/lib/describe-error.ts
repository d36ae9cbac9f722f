/**
 * What an operator needs to find a failure, without the values it was working on: the error's
 * class, its code (or its cause's: a driver's SQLSTATE or socket code) and its stack *frames*.
 * Never the message: a failed query's message names its parameters (password hashes, session
 * hashes, typed input), and the first lines of `stack` repeat the message, so only the
 * `at ...` lines are kept (PCI DSS 3.3/10.3: no sensitive data in logs).
 */
export function describeError(err: unknown): { error: string; code?: string; cause?: string; stack?: string } {
  const error = err instanceof Error ? err : new Error(String(err));
  return {
    error: error.name,
    code: errorCode(error),
    cause: (error as { cause?: { name?: string } }).cause?.name,
    stack: error.stack
      ?.split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
}

/** The first `code` found on the error or down its chain of causes (SQLSTATE, ECONNREFUSED, ...). */
export function errorCode(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Codes that mean the database cannot be reached or is not accepting work right now (a network
 * failure, a server shutting down or starting, too many connections): the request may succeed
 * later, so it is answered 503 with Retry-After rather than 500. SQLSTATE classes 08
 * (connection exception) and 57P (operator intervention), and 53300 (too many connections).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '53300',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  const code = errorCode(err);
  if (!code) return false;
  return UNAVAILABLE_CODES.has(code) || /^08/.test(code) || /^57P0[1-3]$/.test(code);
}

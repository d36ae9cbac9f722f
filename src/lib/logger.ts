/** One structured log line (JSON); never a password, a token, a code or a card number. */
export type Logger = (entry: Record<string, unknown>) => void;

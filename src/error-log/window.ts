import { DAY_MS } from '../lib/clock.ts';

/**
 * How long a refused transaction request stays in the error log: the page lists the last
 * three days and the purge job deletes what is older (PRODUCT.md J1; guide 3.2.10 "les erreurs de
 * transaction qui se sont produites au cours des trois derniers jours").
 */
export const ERROR_LOG_DAYS = 3;

/** The same three days in milliseconds (72 hours, whatever daylight saving does). */
export const ERROR_LOG_WINDOW_MS = ERROR_LOG_DAYS * DAY_MS;

/**
 * The oldest instant (UTC) the error log keeps at `now`: `now` minus 72 hours. An entry stamped
 * exactly at the cutoff is still shown and kept; older ones are neither shown nor kept.
 */
export function errorLogCutoff(now: Date): Date {
  return new Date(now.getTime() - ERROR_LOG_WINDOW_MS);
}

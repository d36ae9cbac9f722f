import type { JobDefinition } from '../jobs/registry.ts';
import { purgeTransactionErrors } from './purge.ts';

/**
 * PRODUCT.md J1: the error log keeps three days. Every hour, at minute 40 UTC, entries older
 * than 72 hours before the run's clock are deleted in bounded chunks (src/error-log/purge.ts); the
 * page never shows them anyway (it reads the same window), so an hour's lag shows nowhere.
 * Summary: how many accounts had entries removed and how many entries went.
 */
export const purgeErrorLogJob: JobDefinition = {
  name: 'purge-error-logs',
  cron: '40 * * * *',
  periodSeconds: 60 * 60,
  expireInSeconds: 30 * 60,
  async handler({ db, clock }) {
    return purgeTransactionErrors(db, clock.now());
  },
};

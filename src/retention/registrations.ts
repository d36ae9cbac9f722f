/**
 * The one list of the features whose tables of payment data the retention job purges (PRODUCT.md
 * C6): each module registers its tables with `registerRetentionTable` when imported. A feature
 * with payment data (orders and operations, error-log entries, payment files) adds its
 * `retention.ts` here. Loaded by the registry itself before it is read (`registeredTables`),
 * never imported by a feature.
 */
import '../payments/retention.ts';

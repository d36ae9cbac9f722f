/**
 * The orders' place in data retention (PRODUCT.md C6): an account's orders older than its
 * setting go, by their order date, with their history (order_operations rows go with their order:
 * the foreign key cascades), and the status-change requests and e-mails queued for them. Listed in
 * src/retention/registrations.ts.
 */
import { registerRetentionTable, retentionByColumns } from '../retention/registry.ts';

registerRetentionTable(
  retentionByColumns({
    table: 'orders',
    label: 'payments.retention.orders',
    accountColumn: 'account_id',
    timeColumn: 'ordered_at',
  }),
);

// The status-change requests queued for the merchant's server (status-notifications.ts), sent or not.
registerRetentionTable(
  retentionByColumns({
    table: 'status_notifications',
    label: 'payments.retention.notifications',
    accountColumn: 'account_id',
    timeColumn: 'created_at',
  }),
);

// The transaction e-mails queued for the merchant (transaction-mails.ts), sent or not.
registerRetentionTable(
  retentionByColumns({
    table: 'transaction_mails',
    label: 'payments.retention.mails',
    accountColumn: 'account_id',
    timeColumn: 'created_at',
  }),
);

export * from './accounts.ts';
export * from './audit.ts';
export * from './passwords.ts';
export * from './payments.ts';
export * from './sessions.ts';
export * from './technical.ts';
export * from './transaction-errors.ts';
export * from './users.ts';

import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { paths } from '../paths.ts';
import type { TechnicalSection } from './sections.ts';
import { technicalSlug } from './sections.ts';

/** Technical information of an environment. */
export const technicalPage = (env: Environment = 'test') => paths.technical.page(env);

/** Where a section's form posts. */
export const technicalSectionPath = (section: TechnicalSection, env: Environment = 'test') =>
  paths.technical.section(env, technicalSlug(section));

/** Where a section's "generate" button posts. */
export const generatePath = (section: TechnicalSection, env: Environment = 'test') =>
  paths.technical.generate(env, technicalSlug(section));

/** A section's form as a browser sends it with the defaults, replaced or added by `fields`. */
export function technicalForm(section: TechnicalSection, fields: Record<string, string> = {}): Record<string, string> {
  const defaults: Record<TechnicalSection, Record<string, string>> = {
    transaction: {
      defaultOperation: 'RES',
      dataCapture: 'merchant',
      captureAfterDays: '2',
      processingMode: 'online',
      paymentRetries: '10',
      defaultEci: '7',
    },
    security: { shaAlgorithm: 'SHA-512', charset: 'utf-8' },
    ecommerce: { referrerUrls: '', passphrase: '' },
    directLink: { allowedIps: '', passphrase: '' },
    feedback: { passphrase: '', postSaleUrlAccepted: '', postSaleUrlDeclined: '', postSaleTiming: 'none', statusChangeUrl: '' },
    emails: { merchantEmails: '' },
  };
  return { version: '1', ...defaults[section], ...fields };
}

/** The account's audit entries of one type, oldest first. */
export async function auditEntries(db: Db, accountId: string, type: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.accountId, accountId), eq(auditLog.eventType, type)))
    .orderBy(auditLog.id);
}

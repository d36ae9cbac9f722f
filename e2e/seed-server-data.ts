/**
 * Prepares the e2e server's data folder before it starts: the demo account (with DEMO_PASSWORD)
 * and, for each browser project, users that journeys may change freely (their password, their
 * 2FA) without disturbing the tests that log in as the demo users.
 */

import { eq } from 'drizzle-orm';
import { readConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { accounts } from '../src/db/schema/accounts.ts';
import { users } from '../src/db/schema/users.ts';
import { DEMO_PSPID, seedDemoAccount } from '../src/db/seed.ts';
import { systemClock } from '../src/lib/clock.ts';
import { hashPassword } from '../src/lib/password-hash.ts';
import { seedAccountPageAccounts } from './account-page-accounts.ts';
import { DEMO_PASSWORD, FRENCH_VIEWERS, JOURNEY_USERS, MERCHANT_ACCOUNTS } from './demo.ts';
import { seedETerminalAccounts } from './e-terminal-accounts.ts';
import { seedFinancialHistoryAccounts } from './financial-history-accounts.ts';

const config = readConfig();
const database = await openDatabase({ dataDir: config.dataDir });
try {
  await migrate(database);
  await seedDemoAccount(database.db, systemClock, DEMO_PASSWORD);
  const [account] = await database.db.select().from(accounts).where(eq(accounts.pspid, DEMO_PSPID));
  if (!account) throw new Error('demo account missing');
  // Room for the users the journeys create, beyond the seeded ones: the Enterprise subscription's limit.
  await database.db.update(accounts).set({ subscription: 'enterprise', userLimit: 100 }).where(eq(accounts.id, account.id));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const journey of JOURNEY_USERS) {
    await database.db.insert(users).values({
      accountId: account.id,
      userid: journey.userid,
      name: journey.name,
      profile: 'encoder',
      timeZone: account.timeZone,
      passwordHash,
      passwordIssued: journey.issued,
      passwordChangedAt: new Date(Date.now() - (journey.passwordAgeDays ?? 0) * 24 * 60 * 60 * 1000),
    });
  }
  for (const viewer of FRENCH_VIEWERS) {
    await database.db.insert(users).values({
      accountId: account.id,
      userid: viewer.userid,
      name: viewer.name,
      profile: 'viewer',
      language: 'fr',
      timeZone: account.timeZone,
      passwordHash,
      passwordChangedAt: new Date(),
    });
  }
  // TEST accounts the production journey copies into PRODUCTION, one per browser project.
  for (const merchant of MERCHANT_ACCOUNTS) {
    const [created] = await database.db
      .insert(accounts)
      .values({
        environment: 'test',
        pspid: merchant.pspid,
        companyName: `${merchant.name} SA`,
        tradeName: merchant.name,
        email: merchant.email,
        phone: '+32 2 555 01 23',
        vatNumber: 'BE0123456789',
      })
      .returning();
    if (!created) throw new Error('merchant account not created');
    await database.db.insert(users).values({
      accountId: created.id,
      userid: merchant.userid,
      name: merchant.name,
      profile: 'admin',
      timeZone: created.timeZone,
      passwordHash,
      passwordChangedAt: new Date(),
    });
  }
  await seedAccountPageAccounts(database.db);
  await seedETerminalAccounts(database.db);
  await seedFinancialHistoryAccounts(database.db);
} finally {
  await database.close();
}

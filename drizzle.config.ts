import { defineConfig } from 'drizzle-kit';

// One schema and one migrations folder serve both the embedded PGlite and a Postgres server.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './migrations',
});

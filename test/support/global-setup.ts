import { ADMIN_URL_ENV, UNAVAILABLE_ENV, resolveAdminDatabase, type ThrowawayCluster } from './postgres';

declare global {
  // Shared with global teardown, which Jest runs in the same process.
  var __schemaplanPostgresCluster: ThrowawayCluster | undefined;
}

/**
 * Finds PostgreSQL for the test run (see test/support/postgres.ts) and publishes its admin URL to the workers.
 * Never fails the run: without PostgreSQL only the tests that need it fail, with the reason.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[ADMIN_URL_ENV]) return;
  try {
    const admin = await resolveAdminDatabase();
    process.env[ADMIN_URL_ENV] = admin.url;
    globalThis.__schemaplanPostgresCluster = admin.cluster;
  } catch (error) {
    process.env[UNAVAILABLE_ENV] = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}

import { ADMIN_URL_ENV } from './postgres';

/** Stops the throwaway PostgreSQL cluster global setup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.__schemaplanPostgresCluster;
  if (!cluster) return;
  globalThis.__schemaplanPostgresCluster = undefined;
  delete process.env[ADMIN_URL_ENV];
  await cluster.stop();
}

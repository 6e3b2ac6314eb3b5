import type { PostgresCredentials, TypeormDataSource } from '../typeorm-data-source';

/**
 * PostgreSQL as a TypeORM DataSource names it: its `url` as is (TypeORM gives it priority over the other options),
 * else one built from `host` (default `localhost`), `port`, `username`, `password` (a function is called, as TypeORM
 * does) and `database`; with `replication`, the master's.
 */
export const postgresDataSource: TypeormDataSource = {
  types: ['postgres'],
  urlTypes: ['postgres'],
  url: async (options) => postgresUrl(options.replication?.master ?? options),
  compileOptions: (options) => ({ schema: options.schema, uuidExtension: options.uuidExtension }),
  metadataOptions: (entities, naming, options) => ({
    type: 'postgres',
    entities: [...entities],
    schema: options.schema,
    uuidExtension: options.uuidExtension,
    // Stand-ins for the `pg` (and `pg-native`) modules TypeORM would load: metadata building never uses them, so
    // compiling needs no driver package installed.
    driver: {},
    nativeDriver: {},
    ...naming,
  }),
};

async function postgresUrl(credentials: PostgresCredentials): Promise<string> {
  if (credentials.url) return credentials.url;
  const password = typeof credentials.password === 'function' ? await credentials.password() : credentials.password;
  const user = credentials.username ? encodeURIComponent(credentials.username) : '';
  const auth = user ? `${user}${password ? `:${encodeURIComponent(password)}` : ''}@` : '';
  const host = credentials.host || 'localhost';
  const port = credentials.port ? `:${credentials.port}` : '';
  const database = encodeURIComponent(credentials.database ?? '');
  // A Unix socket directory travels as the `host` parameter, which pg prefers over the URL's host.
  if (host.startsWith('/')) return `postgres://${auth}localhost${port}/${database}?host=${encodeURIComponent(host)}`;
  return `postgres://${auth}${host.includes(':') ? `[${host}]` : host}${port}/${database}`;
}

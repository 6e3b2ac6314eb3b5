/**
 * `--dev-url`: a PostgreSQL `.sql` source evaluated in an empty database the user names, for what the sandbox lacks
 * (an extension PGlite does not ship, the server's exact version). The script has passed the statement check
 * (postgres-script.ts) first; it then runs inside one transaction that is always rolled back, and, when the URL's role
 * is a superuser, as a throwaway role without any attribute (created inside that transaction, so it vanishes with
 * it) that may only create objects in this database: whatever a function might do at load, it cannot read or write
 * server files, create roles or reach other databases. CREATE EXTENSION runs as that role too (the superuser's rights
 * are never lent to anything the file defined, which an extension's script could call): trusted extensions install;
 * another one must be installed in the dev database beforehand (the file then says `CREATE EXTENSION IF NOT EXISTS`).
 */
import { randomBytes } from 'node:crypto';
import { parseDatabaseUrl } from '../../connect/url';
import { requireDriver } from '../../connect/driver-package';
import type { Client } from 'pg';
import { quoteIdentifier } from './quote';
import { connectionError, postgresSessionOn } from './session';
import { SourceError } from '../../errors/errors';
import type { Model } from '../../model';
import { checkPostgresScript } from './check-script';
import { runStatements } from '../run-statements';

/** What a database that should be empty holds, for the message (`table public.users`), or undefined when empty. */
function firstObject(model: Model): string | undefined {
  const named = (kind: string, o: { schema?: string; name: string }) =>
    `${kind} ${o.schema ? `${o.schema}.` : ''}${o.name}`;
  const table = model.tables[0];
  if (table) return named('table', table);
  const view = model.views?.[0];
  if (view) return named('view', view);
  const type = model.enums[0];
  if (type) return named('enum', type);
  const schema = (model.schemas ?? []).find((s) => s !== 'public');
  return schema === undefined ? undefined : `schema ${schema}`;
}

const DEV = 'the dev database';

/** A `pg` client of the dev database (the session wraps it; the raw client asks who we are). */
async function connect(connectionString: string): Promise<Client> {
  const pg = requireDriver<typeof import('pg')>('pg');
  const client = new pg.Client({ connectionString, application_name: 'schemaplan', connectionTimeoutMillis: 15_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectionError(error, connectionString);
  }
}

/**
 * Runs as a throwaway role without rights beyond this database, when the session's role is a superuser; returns that
 * role (`undefined` when the session's role is kept).
 */
async function dropPrivileges(client: Client): Promise<string | undefined> {
  const { rows } = await client.query<{ superuser: boolean; database: string }>(
    'SELECT rolsuper AS superuser, current_database() AS database FROM pg_catalog.pg_roles WHERE rolname = current_user',
  );
  const me = rows[0];
  if (!me?.superuser) return undefined; // already a role of the user's choosing, without superuser rights
  const role = `schemaplan_eval_${process.pid}_${randomBytes(4).toString('hex')}`;
  await client.query(
    [
      `CREATE ROLE ${quoteIdentifier(role)} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS`,
      `GRANT CREATE, TEMPORARY ON DATABASE ${quoteIdentifier(me.database)} TO ${quoteIdentifier(role)}`,
      `GRANT USAGE, CREATE ON SCHEMA public TO ${quoteIdentifier(role)}`,
      `SET LOCAL ROLE ${quoteIdentifier(role)}`,
    ].join(';\n'),
  );
  return role;
}

/**
 * Takes back the throwaway role's grant on `public` (after `RESET ROLE`), so that the schema's privileges read as they
 * were: the grant is this tool's doing, not the source's, and would otherwise be listed as a privilege not managed.
 */
async function revokeThrowawayGrant(client: Client, role: string | undefined): Promise<void> {
  if (role === undefined) return;
  const { rowCount } = await client.query(`SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'public'`);
  if (rowCount) await client.query(`REVOKE USAGE, CREATE ON SCHEMA public FROM ${quoteIdentifier(role)}`);
}

/** Checks `sql` (the text of `file`) and evaluates it in the dev database `devUrl`, leaving that database as it was. */
export async function loadIntoDevDatabase(sql: string, file: string, devUrl: string): Promise<Model> {
  const target = parseDatabaseUrl(devUrl);
  if (target.dialect !== 'postgres')
    throw new SourceError(`the dev database ${target.redacted} is not a PostgreSQL database`);
  const script = await checkPostgresScript(sql, file, { evaluator: DEV });
  const client = await connect(target.connectionString);
  const session = await postgresSessionOn(client, target.redacted).catch(async (error: unknown) => {
    await client.end().catch(() => undefined);
    throw error;
  });
  const inspect = async () => session.introspect({ schemas: await session.listSchemas() });
  const notEmpty = (what: string) =>
    new SourceError(
      `the dev database ${target.redacted} is not empty: ${what}`,
      'Give an empty database as the dev database.',
    );
  try {
    const existing = firstObject(await inspect());
    if (existing) throw notEmpty(`it has ${existing}`);
    await session.runScript('BEGIN');
    let model: Model;
    try {
      const role = await dropPrivileges(client);
      await runStatements(session, script.statements, file, DEV, target.connectionString);
      await session.runScript('RESET ROLE; RESET ALL');
      await revokeThrowawayGrant(client, role);
      model = await inspect();
    } finally {
      await session.runScript('ROLLBACK').catch(() => undefined);
    }
    const left = firstObject(await inspect());
    if (left) throw notEmpty(`${file} left ${left} behind`);
    return model;
  } finally {
    await session.close();
  }
}

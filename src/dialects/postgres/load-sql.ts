import type { Model } from '../../model';
import type { LoadSqlOptions } from '../dialect';
import { runStatements } from '../run-statements';
import { checkPostgresScript } from './check-script';
import { loadIntoDevDatabase } from './dev-database';
import { SANDBOX, sandboxHasExtension, withPgliteSandbox } from './pglite-sandbox';

/**
 * A schema file on PostgreSQL: by default in the sandbox, PGlite (PostgreSQL in WebAssembly, in this process); on a
 * server only when the user names one with `--dev-url` (an empty database, used in a transaction that is rolled back,
 * as a role without superuser rights).
 */
export async function loadPostgresSql(sql: string, file: string, options: LoadSqlOptions): Promise<Model> {
  if (options.devUrl !== undefined) return loadIntoDevDatabase(sql, file, options.devUrl);
  const script = await checkPostgresScript(sql, file, { evaluator: SANDBOX, hasExtension: sandboxHasExtension });
  return withPgliteSandbox({ ...script, cwd: options.cwd }, async (session) => {
    await runStatements(session, script.statements, file, SANDBOX);
    await session.runScript('RESET ALL'); // the file's SET search_path must not change how the catalog is printed
    return session.introspect({ schemas: await session.listSchemas() });
  });
}

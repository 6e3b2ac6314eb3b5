import path from 'node:path';
import { Client } from 'pg';
import { caseSql, discoverCases } from '../scripts/conformance/cases';
import { firstDifference } from '../scripts/conformance/compare';
import { parseDatabaseUrl } from '../src/connect/url';
import type { DatabaseSession } from '../src/dialects/dialect';
import { postgresDialect, quoteIdentifier } from '../src/dialects/postgres';
import { managedPart, type Model } from '../src/model';
import { SANDBOX, sandboxHasExtension, withPgliteSandbox } from '../src/dialects/postgres/pglite-sandbox';
import { checkPostgresScript, type CheckedScript } from '../src/dialects/postgres/check-script';
import { runStatements } from '../src/dialects/run-statements';
import { REPO_ROOT } from './support/cli';
import { adminUrl, createTestDatabase } from './support/postgres';

/**
 * The sandbox is PostgreSQL 19 (PGlite); users' servers are older. Introspecting the same SQL evaluated in PGlite and
 * in the test server (PostgreSQL 15) must give the same model (its managed part: what is not managed, such as
 * privileges, is only listed). Every SQL file of the vendored PostgreSQL conformance suites (pg-schema-diff, migra) is
 * evaluated in both, statement by statement exactly as a `.sql` source is (after the same statement check), and the
 * two models are compared; one sandbox and one database serve all files, emptied between them.
 */
interface Script {
  readonly id: string;
  readonly checked: CheckedScript;
}

const ROOT = path.join(REPO_ROOT, 'conformance', 'suites');

async function empty(session: DatabaseSession): Promise<void> {
  const schemas = await session.listSchemas();
  const drops = schemas.map((schema) => `DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
  await session.runScript(
    [
      'RESET ALL',
      ...drops,
      'DROP EXTENSION IF EXISTS pg_trgm, amcheck, citext, hstore CASCADE',
      'CREATE SCHEMA IF NOT EXISTS public',
    ].join(';\n'),
  );
}

/** Evaluates the script and reads it back; a load failure is returned as its message. */
async function evaluate(session: DatabaseSession, script: Script): Promise<Model | string> {
  await empty(session);
  try {
    await runStatements(session, script.checked.statements, script.id, SANDBOX);
  } catch (error) {
    return (error as Error).message.replace(/^cannot evaluate \S+ in the sandbox \(PGlite\): /, '');
  }
  await session.runScript('RESET ALL');
  return managedPart(await session.introspect({ schemas: await session.listSchemas() }));
}

test('PGlite (PostgreSQL 19) and PostgreSQL 15 introspect every conformance SQL file to the same model', async () => {
  const cases = discoverCases(ROOT).filter((c) => c.dialect === 'postgres');
  const scripts: Script[] = [];
  const refused: string[] = [];
  for (const c of cases) {
    for (const file of ['from.sql', 'to.sql', 'additions.sql'] as const) {
      const sql = caseSql(c, file);
      if (!sql?.trim()) continue;
      const id = `${c.id}/${file}`;
      try {
        scripts.push({ id, checked: await checkPostgresScript(sql, id, { evaluator: SANDBOX, hasExtension: sandboxHasExtension }) });
      } catch (error) {
        refused.push((error as Error).message);
      }
    }
  }
  const roles = [...new Set([...cases.flatMap((c) => c.roles), ...scripts.flatMap((s) => s.checked.roles)])].sort();
  const extensions = [...new Set(scripts.flatMap((s) => s.checked.extensions))].sort();

  const db = await createTestDatabase('pglite-compare');
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  const createdRoles: string[] = [];
  const server = await postgresDialect.connect(parseDatabaseUrl(db.url));
  const differences: string[] = [];
  const bothFail: string[] = [];
  let compared = 0;
  try {
    for (const role of roles) {
      const exists = await admin.query('SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount) continue;
      await admin.query(`CREATE ROLE ${quoteIdentifier(role)}`);
      createdRoles.push(role);
    }
    await withPgliteSandbox({ extensions, roles }, async (sandbox) => {
      for (const script of scripts) {
        const [lite, real] = [await evaluate(sandbox, script), await evaluate(server, script)];
        if (typeof lite === 'string' || typeof real === 'string') {
          if (typeof lite === 'string' && typeof real === 'string') bothFail.push(`${script.id}: ${real}`);
          else differences.push(`${script.id}: loads only on ${typeof lite === 'string' ? `PostgreSQL 15 (PGlite: ${lite})` : `PGlite (PostgreSQL 15: ${real})`}`);
          continue;
        }
        compared++;
        const difference = firstDifference(lite as never, real as never);
        if (difference) differences.push(`${script.id}: ${difference} (PGlite vs PostgreSQL 15)`);
      }
    });
  } finally {
    await server.close();
    for (const role of createdRoles) await admin.query(`DROP ROLE IF EXISTS ${quoteIdentifier(role)}`).catch(() => undefined);
    await admin.end();
    await db.drop();
  }
  process.stdout.write(
    `pglite vs postgres 15: ${compared} SQL files compared, ${differences.length} differ, ${bothFail.length} fail on both, ${refused.length} refused by the statement check\n` +
      [...differences, ...bothFail.map((f) => `both fail: ${f}`), ...refused.map((r) => `refused: ${r}`)].join('\n') +
      '\n',
  );
  expect(differences).toEqual([]);
  expect(compared).toBeGreaterThan(700);
}, 1_800_000);

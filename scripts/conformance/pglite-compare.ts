/**
 * The sandbox is PostgreSQL 19 (PGlite); users' servers are older. Introspecting the same SQL evaluated in PGlite and
 * in a real server must give the same model (its managed part: what is not managed, such as privileges, is only
 * listed). Each SQL file of the PostgreSQL conformance cases is evaluated in both, statement by statement exactly as a
 * `.sql` source is (after the same statement check), and the two models are compared; one sandbox and one scratch
 * database serve all files, emptied between them.
 *
 * `npm run conformance -- --pglite` compares every file (about 840, a few minutes); `test/pglite-introspection.test.ts`
 * a fixed sample of them (`pgliteSample`).
 */
import { Client } from 'pg';
import type { DatabaseSession } from '../../src/dialects/dialect';
import { quoteIdentifier } from '../../src/dialects/postgres';
import { managedPart, type Model } from '../../src/model';
import { SANDBOX, sandboxHasExtension, withPgliteSandbox } from '../../src/dialects/postgres/pglite-sandbox';
import { checkPostgresScript, type CheckedScript } from '../../src/dialects/postgres/check-script';
import { runStatements } from '../../src/dialects/run-statements';
import { withScratchDatabase } from '../../src/sources/scratch-database';
import { caseSql, type ConformanceCase } from './cases';
import { firstDifference } from './compare';
import { stripSql } from './scope';

export interface SqlFile {
  /** `<case id>/<file name>`. */
  readonly id: string;
  readonly sql: string;
}

export interface PgliteComparison {
  /** Files that loaded on both and were compared. */
  readonly compared: number;
  /** Files whose models differ, or that load on one side only, with the first difference. */
  readonly differences: readonly string[];
  /** Files that fail to load on both, with the server's message. */
  readonly bothFail: readonly string[];
  /** Files the statement check refuses (as it would refuse them as a `.sql` source). */
  readonly refused: readonly string[];
}

/**
 * The suites compared: their SQL is written for PostgreSQL itself. psqldef's is written for psqldef's own parser (much
 * of it does not load as written, see `SUITES`), and some of it needs ICU collations, which PGlite does not have.
 */
export const PGLITE_SUITES: readonly string[] = ['pg-schema-diff', 'migra'];

/** Every non-empty SQL file of the cases of `PGLITE_SUITES` (`from.sql`, `to.sql`, `additions.sql`), in case order. */
export function postgresSqlFiles(cases: readonly ConformanceCase[]): SqlFile[] {
  return cases
    .filter((c) => PGLITE_SUITES.includes(c.suite))
    .flatMap((c) =>
      (['from.sql', 'to.sql', 'additions.sql'] as const).flatMap((file) => {
        const sql = caseSql(c, file);
        return sql?.trim() ? [{ id: `${c.id}/${file}`, sql }] : [];
      }),
    );
}

/** Views are where the two versions' catalogs spell things differently (16+ prints no relation prefix...). */
const VIEW = /\bcreate\s+(?:or\s+replace\s+)?(?:materialized\s+)?view\b/i;

/**
 * A fixed, deterministic sample of `files` for the test suite: every `every`-th file, plus every `views`-th of the
 * files that create a view (the spelling PGlite and older servers print differently), in file order.
 */
export function pgliteSample(files: readonly SqlFile[], every = 25, views = 5): SqlFile[] {
  let view = 0;
  return files.filter((file, i) => {
    const isView = VIEW.test(stripSql(file.sql));
    const pickedView = isView && view++ % views === 0;
    return i % every === 0 || pickedView;
  });
}

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

interface Script {
  readonly id: string;
  readonly checked: CheckedScript;
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

/**
 * Evaluates `files` in PGlite and in a scratch database on `serverUrl` (a role that may create databases and roles;
 * the roles the files need are created, and dropped afterwards) and compares the models.
 */
export async function compareWithPglite(
  files: readonly SqlFile[],
  serverUrl: string,
  caseRoles: readonly string[],
  onFile?: (done: number, total: number) => void,
): Promise<PgliteComparison> {
  const scripts: Script[] = [];
  const refused: string[] = [];
  for (const file of files) {
    try {
      scripts.push({ id: file.id, checked: await checkPostgresScript(file.sql, file.id, { evaluator: SANDBOX, hasExtension: sandboxHasExtension }) });
    } catch (error) {
      refused.push((error as Error).message);
    }
  }
  const roles = [...new Set([...caseRoles, ...scripts.flatMap((s) => s.checked.roles)])].sort();
  const extensions = [...new Set(scripts.flatMap((s) => s.checked.extensions))].sort();
  const admin = new Client({ connectionString: serverUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  const createdRoles: string[] = [];
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
    await withScratchDatabase('postgres', { serverUrl }, async (server) => {
      await withPgliteSandbox({ extensions, roles }, async (sandbox) => {
        for (const [i, script] of scripts.entries()) {
          const [lite, real] = [await evaluate(sandbox, script), await evaluate(server.session, script)];
          onFile?.(i + 1, scripts.length);
          if (typeof lite === 'string' || typeof real === 'string') {
            if (typeof lite === 'string' && typeof real === 'string') bothFail.push(`${script.id}: ${real}`);
            else {
              const where = typeof lite === 'string' ? `the server (PGlite: ${lite})` : `PGlite (the server: ${real as string})`;
              differences.push(`${script.id}: loads only on ${where}`);
            }
            continue;
          }
          compared++;
          const difference = firstDifference(lite as never, real as never);
          if (difference) differences.push(`${script.id}: ${difference} (PGlite vs the server)`);
        }
      });
    });
  } finally {
    for (const role of createdRoles) await admin.query(`DROP ROLE IF EXISTS ${quoteIdentifier(role)}`).catch(() => undefined);
    await admin.end();
  }
  return { compared, differences, bothFail, refused };
}

/** The comparison in a few lines: counts, then each difference, file failing on both, and refused file. */
export function describeComparison(result: PgliteComparison, total: number): string {
  const { compared, differences, bothFail, refused } = result;
  return (
    `PGlite vs the server: ${total} SQL files, ${compared} compared, ${differences.length} differ, ` +
    `${bothFail.length} fail on both, ${refused.length} refused by the statement check\n` +
    [...differences, ...bothFail.map((f) => `both fail: ${f}`), ...refused.map((r) => `refused: ${r}`)].map((line) => `  ${line}\n`).join('')
  );
}

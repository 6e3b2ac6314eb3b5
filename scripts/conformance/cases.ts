/**
 * The conformance cases on disk (see conformance/suites/README.md): `<suite>/<group>/<case>/{from,to}.sql` plus
 * `meta.json`, or `<suite>/<case>/` for a flat suite (migra). Discovery is deterministic: sorted by path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DialectName } from '../../src/model';

/** The suites the runner knows, with their dialect and the roles their upstream harness created before every case. */
export const SUITES: Readonly<
  Record<
    string,
    {
      readonly dialect: DialectName;
      readonly roles: readonly string[];
      readonly keepsSchemas?: boolean;
      /**
       * Upstream feeds the SQL to its own parser, never to the server as it is: SQL the server rejects (a bare
       * `DEFAULT now() AT TIME ZONE 'utc'`, a foreign key to a table created further down, a locale the server lacks)
       * is a valid case there. Here such a case cannot load, so it is skipped with the server's message.
       */
      readonly ownParser?: boolean;
    }
  >
> = {
  'pg-schema-diff': { dialect: 'postgres', roles: [] },
  // migra's test_migra.py creates this role before loading any fixture.
  migra: { dialect: 'postgres', roles: ['schemainspect_test_role'] },
  sqlite3def: { dialect: 'sqlite', roles: [] },
  // psqldef_test.go's testRoles, created before any case runs.
  // sqldef applies `desired` to the database `current` built, and never drops a schema: a schema `from.sql` creates
  // exists for `to.sql` too, whether it says so or not.
  psqldef: {
    dialect: 'postgres',
    keepsSchemas: true,
    ownParser: true,
    roles: [
      'readonly_user', 'app_user', 'admin_role', 'user-with-dash', 'user.with.dot', 'user with spaces', 'CamelCaseUser',
      'UPPERCASE_USER', 'user1', 'user2', 'user3', 'user4', 'My User', 'reader', 'writer', 'admin', 'reader1', 'reader2',
      'writer1', 'writer2', 'role1', 'role2', 'power_user', 'user@domain.com',
    ],
  },
};

/** The group of the cases of a flat suite. */
export const FLAT_GROUP = 'fixtures';

export interface CaseExpectation {
  /** pg-schema-diff `expect_empty_plan`: from and to are the same schema; the plan must be empty. */
  readonly emptyPlan: boolean;
  /**
   * pg-schema-diff `expected_plan_error_is` / `_contains`, sqldef `error`: upstream refused the case (what it
   * expected).
   */
  readonly upstreamError?: string;
  /** sqldef `min_version` / `max_version`: the server versions the case is for (upstream skips it on others). */
  readonly minVersion?: string;
  readonly maxVersion?: string;
  /** sqldef `flavor`: a server variant the case needs (`pgvector`), or excludes (`!pgvector`). */
  readonly flavor?: string;
  /** sqldef `offline`: upstream checks the generated DDL without a server (Aurora DSQL syntax and the like). */
  readonly offline?: boolean;
  /** sqldef `user`: upstream runs the case as this role, whose search_path starts with its own schema `foo`. */
  readonly user?: string;
}

export interface ConformanceCase {
  readonly suite: string;
  readonly group: string;
  readonly name: string;
  /** `<suite>/<group>/<case>`, or `<suite>/<case>` for a flat suite: the case's folder under the conformance dir. */
  readonly id: string;
  readonly dir: string;
  readonly dialect: DialectName;
  /** Roles that must exist before loading (suite-wide ones included), as plain names. */
  readonly roles: readonly string[];
  readonly expect: CaseExpectation;
}

/**
 * A role as meta.json lists it: a plain name, or (for the two hostile cases) already written as a quoted SQL
 * identifier (`"evil""role"`, which the SQL then names the same way): that is the name `evil"role`.
 */
export function roleName(listed: string): string {
  return /^"(?:[^"]|"")+"$/.test(listed) ? listed.slice(1, -1).replace(/""/g, '"') : listed;
}

interface Meta {
  roles?: string[] | null;
  expect_empty_plan?: boolean | null;
  expected_plan_error_is?: { go?: string } | null;
  expected_plan_error_contains?: { go?: string } | string | null;
  error?: string | null;
  min_version?: string | null;
  max_version?: string | null;
  flavor?: string | null;
  offline?: boolean | null;
  user?: string | null;
}

function readMeta(dir: string): Meta {
  const file = path.join(dir, 'meta.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Meta;
}

function expectation(meta: Meta): CaseExpectation {
  const describe = (value: unknown) => (typeof value === 'string' ? value : (value as { go?: string }).go ?? JSON.stringify(value));
  const errorIs = meta.expected_plan_error_is ? describe(meta.expected_plan_error_is) : undefined;
  const errorContains = meta.expected_plan_error_contains ? describe(meta.expected_plan_error_contains) : undefined;
  return {
    emptyPlan: meta.expect_empty_plan === true,
    upstreamError: errorIs ?? errorContains ?? (meta.error ? meta.error.trim() : undefined),
    minVersion: meta.min_version ?? undefined,
    maxVersion: meta.max_version ?? undefined,
    flavor: meta.flavor ?? undefined,
    offline: meta.offline === true || undefined,
    user: meta.user ?? undefined,
  };
}

const subdirectories = (dir: string): string[] =>
  readdirSync(dir)
    .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
    .sort();

/** Every case folder (one holding `to.sql`) under `dir`, as paths relative to it, sorted. */
function caseFolders(dir: string, relative = ''): string[] {
  const here = path.join(dir, relative);
  if (existsSync(path.join(here, 'to.sql'))) return [relative];
  return subdirectories(here).flatMap((entry) => caseFolders(dir, relative ? `${relative}/${entry}` : entry));
}

/** The cases of every known suite under `root`; a folder that is not a known suite is an error. */
export function discoverCases(root: string): ConformanceCase[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`conformance suites not found at ${root}: set CONFORMANCE_DIR or pass --dir`);
  }
  const cases: ConformanceCase[] = [];
  for (const suite of subdirectories(root)) {
    const known = SUITES[suite];
    if (!known) throw new Error(`unknown conformance suite ${suite} in ${root} (known: ${Object.keys(SUITES).join(', ')})`);
    for (const folder of caseFolders(path.join(root, suite))) {
      const parts = folder.split('/');
      const name = parts[parts.length - 1]!;
      const group = parts.length > 1 ? parts.slice(0, -1).join('/') : FLAT_GROUP;
      const dir = path.join(root, suite, folder);
      const meta = readMeta(dir);
      cases.push({
        suite,
        group,
        name,
        id: `${suite}/${folder}`,
        dir,
        dialect: known.dialect,
        roles: [...known.roles, ...(meta.roles ?? []).map(roleName)],
        expect: expectation(meta),
      });
    }
  }
  return cases;
}

/** The text of one of a case's SQL files; a missing `from.sql` is an empty database, a missing `additions.sql` none. */
export function caseSql(c: ConformanceCase, file: 'from.sql' | 'to.sql' | 'additions.sql'): string | undefined {
  const full = path.join(c.dir, file);
  if (!existsSync(full)) return file === 'from.sql' ? '' : undefined;
  return readFileSync(full, 'utf8');
}

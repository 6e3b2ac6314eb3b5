/**
 * One conformance case: load `from.sql` into a fresh database and `to.sql` into another, plan from -> to with
 * `createPlan` (measuring live data through the session, as `schema plan` does), apply the plan to the first, then
 * the first must introspect equal to the second, re-planning must be empty, and the engine's own catalog of both must
 * agree (see catalog.ts). A migra case with `additions.sql` then runs that SQL on the migrated database and must pass
 * the same test a second time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { withAnswers } from '../../src/workflow/rename-answers';
import { redactSecrets } from '../../src/connect/url';
import type { DatabaseSession, Dialect } from '../../src/dialects/dialect';
import { ApplyError } from '../../src/errors/errors';
import { NO_RENAMES, type Model, type Renames } from '../../src/model';
import { preparePlan } from '../../src/plan/plan';
import type { Plan } from '../../src/plan/types';
import { withScratchDatabase, type ScratchDatabase } from '../../src/sources/scratch-database';
import { catalogDifference, postgresCatalog, sqliteCatalog } from './catalog';
import { caseSql, SUITES, type ConformanceCase } from './cases';
import { modelDifference } from './compare';
import { unmanagedKinds } from './scope';

export type Status = 'passed' | 'failed' | 'skipped';

/** Where a failed case failed (the failure categories of the report). */
export type Stage =
  | 'load'
  | 'plan'
  | 'empty plan expected'
  | 'apply'
  | 'not converged'
  | 'model differs'
  | 'catalog differs'
  | 'timeout'
  | 'error';

export interface Outcome {
  readonly status: Status;
  readonly stage?: Stage;
  /** One line: why it failed or was skipped, or (passed) a remark such as how an upstream refusal was met. */
  readonly reason?: string;
}

export interface CaseEnvironment {
  /** PostgreSQL: a server URL on which scratch databases may be created (needed for PostgreSQL cases). */
  readonly serverUrl?: string;
  /** A directory for SQLite database files. */
  readonly tempDir: string;
}

const oneLine = (text: string, max = 300): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export const passed = (reason?: string): Outcome => ({ status: 'passed', reason });
export const failed = (stage: Stage, reason: string): Outcome => ({ status: 'failed', stage, reason: oneLine(reason) });
export const skipped = (reason: string): Outcome => ({ status: 'skipped', reason });

export function describeError(error: unknown, serverUrl?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const statement = error instanceof ApplyError ? ` [${oneLine(error.statement, 120)}]` : '';
  return redactSecrets(oneLine(message + statement), serverUrl);
}

/**
 * Plans `from` -> `to` as `schema plan` does, measuring through `session`. The suites declare no renames, so every
 * rename-or-drop question is answered "drop and create" (what the upstream tools do), until none is left.
 */
export async function planWithoutRenames(session: DatabaseSession, dialect: Dialect, from: Model, to: Model): Promise<Plan> {
  let renames: Renames = NO_RENAMES;
  for (let round = 0; ; round++) {
    // `to.sql` is the whole target: schemas and extensions it lacks are dropped.
    const input = { from, to, dialect, renames, targetScope: 'inventory' as const };
    const prepared = preparePlan(input);
    const measurements = prepared.probes.length > 0 ? await session.measure(prepared.probes) : [];
    const plan = prepared.create(measurements);
    if (plan.decisions.length === 0 || round === 10) return plan;
    renames = withAnswers(renames, plan.decisions.map((decision) => ({ decision, rename: false })), to);
  }
}

const kindsOf = (plan: Plan): string =>
  Object.entries(plan.summary.byKind)
    .map(([kind, count]) => `${kind}${count > 1 ? ` x${count}` : ''}`)
    .join(', ') || `${plan.decisions.length} open decision(s)`;

async function catalogOf(db: ScratchDatabase, schemas: readonly string[]): Promise<string[]> {
  return db.dialect.name === 'postgres' ? postgresCatalog(db.url, schemas) : sqliteCatalog(db.name);
}

/** The success test once: plan a -> b, apply to a, compare. */
async function convergence(c: ConformanceCase, a: ScratchDatabase, b: ScratchDatabase, env: CaseEnvironment): Promise<Outcome> {
  const dialect = a.dialect;
  const schemas = [...new Set([...(await a.schemas()), ...(await b.schemas())])].sort();
  const [from, to] = [await a.introspect(schemas), await b.introspect(schemas)];
  const refused = (reason: string): Outcome =>
    c.expect.upstreamError
      ? passed(`refused, as upstream does (${c.expect.upstreamError}): ${oneLine(reason, 200)}`)
      : failed('plan', reason);
  let plan: Plan;
  try {
    plan = await planWithoutRenames(a.session, dialect, from, to);
  } catch (error) {
    return refused(describeError(error, env.serverUrl));
  }
  const errors = plan.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return refused(`${errors[0]!.code}: ${errors[0]!.message}`);
  if (c.expect.emptyPlan && plan.statements.length > 0) {
    return failed('empty plan expected', `from and to are the same schema, but the plan has ${kindsOf(plan)}`);
  }
  try {
    await a.session.apply(plan.statements);
  } catch (error) {
    return failed('apply', describeError(error, env.serverUrl));
  }
  const migrated = await a.introspect(schemas);
  const again = await planWithoutRenames(a.session, dialect, migrated, to);
  if (again.statements.length > 0 || again.decisions.length > 0) {
    return failed('not converged', `re-planning after apply gives ${kindsOf(again)}`);
  }
  const difference = modelDifference(migrated, to, dialect);
  if (difference) return failed('model differs', difference);
  const catalog = catalogDifference(await catalogOf(a, schemas), await catalogOf(b, schemas));
  if (catalog) return failed('catalog differs', catalog);
  return c.expect.upstreamError ? passed(`upstream refused (${c.expect.upstreamError}); schemaplan converges`) : passed();
}

async function load(db: ScratchDatabase, sql: string, file: string, env: CaseEnvironment): Promise<Outcome | undefined> {
  try {
    await db.load(sql, file);
    return undefined;
  } catch (error) {
    return failed('load', describeError(error, env.serverUrl));
  }
}

/** `15.20` -> [15, 20]; a version as sqldef writes it (`18.0`, `9.1`, `12`) likewise. */
const versionParts = (version: string): number[] => (/^\d+(?:\.\d+)*/.exec(version.trim())?.[0] ?? '0').split('.').map(Number);

function compareVersions(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Why a case is not for this server (the version range or flavor upstream gives it), as upstream would skip it. */
export function notForServer(c: ConformanceCase, serverVersion: string | undefined): string | undefined {
  const { minVersion, maxVersion, flavor, offline, user } = c.expect;
  if (offline) return 'upstream runs it without a server (offline: generated DDL text only)';
  if (user !== undefined) return `upstream runs it as role ${user}, whose search_path starts with its own schema foo`;
  if (flavor !== undefined && !flavor.startsWith('!')) return `for ${flavor} servers only (upstream's flavor)`;
  if (serverVersion === undefined) return undefined;
  if (minVersion !== undefined && compareVersions(serverVersion, minVersion) < 0) return `for PostgreSQL ${minVersion} and later (the server is ${serverVersion})`;
  if (maxVersion !== undefined && compareVersions(serverVersion, maxVersion) > 0) return `for PostgreSQL up to ${maxVersion} (the server is ${serverVersion})`;
  return undefined;
}

/** The schemas a script creates (`CREATE SCHEMA [IF NOT EXISTS] name`), as SQL identifiers as written. */
export function schemasCreated(sql: string): string[] {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  return [...text.matchAll(/\bcreate\s+schema\s+(?:if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi)].map((m) => m[1]!);
}

/** Runs one case; never throws for what the case does (an unexpected error is the caller's `error` outcome). */
export async function runCase(c: ConformanceCase, env: CaseEnvironment): Promise<Outcome> {
  const from = caseSql(c, 'from.sql') ?? '';
  const to = caseSql(c, 'to.sql') ?? '';
  const additions = caseSql(c, 'additions.sql');
  const kinds = unmanagedKinds(c.dialect, [from, to, additions ?? '']);
  if (kinds.length > 0) return skipped(`not managed: ${kinds.join(', ')}`);
  const dir = c.dialect === 'sqlite' ? mkdtempSync(path.join(env.tempDir, 'case-')) : undefined;
  const options = (side: string) => ({ serverUrl: env.serverUrl, sqliteFile: dir && path.join(dir, `${side}.sqlite`) });
  try {
    return await withScratchDatabase(c.dialect, options('from'), (a) =>
      withScratchDatabase(c.dialect, options('to'), async (b) => {
        const other = c.dialect === 'postgres' ? notForServer(c, await a.session.serverVersion()) : undefined;
        if (other) return skipped(`not for this server: ${other}`);
        const kept = SUITES[c.suite]?.keepsSchemas ? schemasCreated(from) : [];
        // On the first line, so load errors keep to.sql's line numbers.
        const target = kept.length > 0 ? `${kept.map((s) => `CREATE SCHEMA IF NOT EXISTS ${s};`).join(' ')} ${to}` : to;
        const failure = (await load(a, from, 'from.sql', env)) ?? (await load(b, target, 'to.sql', env));
        if (failure && SUITES[c.suite]?.ownParser) return skipped(`does not load on this server as written (upstream parses it itself): ${failure.reason ?? ''}`);
        if (failure) return failure;
        const first = await convergence(c, a, b, env);
        if (first.status !== 'passed' || additions === undefined || additions.trim() === '') return first;
        const loaded = await load(a, additions, 'additions.sql', env);
        if (loaded) return loaded;
        const second = await convergence(c, a, b, env);
        return second.status === 'passed' ? second : { ...second, reason: `after additions.sql: ${second.reason ?? ''}` };
      }),
    );
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs one fuzz case through the real pipeline (the functions `schema apply` uses: introspect, plan with
 * measurements, apply under the lock after the schema-hash check) and asserts the three promises:
 *   1. the migrated database introspects equal to B (both normalised by the dialect, as `plan` compares them);
 *   2. planning again is empty;
 *   3. every row of A survives in every kept column, converted where the type changed or a label was mapped, except
 *      where the plan declared DATA_LOSS.
 * The same is first asserted for building A from the empty database. A broken promise throws `FuzzFailure`.
 */
import { withAnswers } from '../../src/workflow/rename-answers';
import { applyPlanned, replan, type Declared } from '../../src/workflow/plan-database';
import { parseDatabaseUrl } from '../../src/connect/url';
import type { DatabaseSession, Dialect } from '../../src/dialects/dialect';
import { dialectFor } from '../../src/dialects/registry';
import { managedPart, NO_RENAMES, type Model } from '../../src/model';
import type { Plan } from '../../src/plan/types';
import type { CaseDatabase, CaseDatabases } from './case-database';
import { fuzzType } from './catalog';
import type { FuzzCase, Row } from './resolve';

export class FuzzFailure extends Error {
  constructor(
    readonly stage: string,
    message: string,
  ) {
    super(`${stage}: ${message}`);
    this.name = 'FuzzFailure';
  }
}

const NO_NAMES = { tables: {}, columns: {} };

/**
 * Plain-data equality: keys in any order, a key holding `undefined` the same as no key (as in the JSON a model is
 * written to). Not `util.isDeepStrictEqual`, which also compares prototypes: under Jest, rows and models built in the
 * test's realm and in Node's differ in that alone.
 */
export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)),
        )
      : v,
  );
}

/** Where two values differ (at most `limit` paths), for a readable failure. */
export function differences(a: unknown, b: unknown, at = '$', limit = 8, out: string[] = []): string[] {
  if (out.length >= limit || sameData(a, b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const byName = (v: unknown, k: string) => {
      const item = (v as Record<string, unknown>)[k];
      return item && typeof item === 'object' && 'name' in item
        ? `${k}(${String((item as { name: unknown }).name)})`
        : k;
    };
    for (const k of keys) {
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${at}.${byName(a, k)}`,
        limit,
        out,
      );
    }
    return out;
  }
  out.push(`${at}: ${JSON.stringify(a)} (database) vs ${JSON.stringify(b)} (desired)`);
  return out;
}

/**
 * The one normalisation the comparison adds to the dialect's: columns by name. A column added to an existing table
 * comes last in the database whatever its place in the target (`ADD COLUMN` appends; the diff does not reorder
 * columns, by design), so the order of columns is not compared.
 */
function columnsByName(model: Model): Model {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { ...model, tables: model.tables.map((t) => ({ ...t, columns: [...t.columns].sort(byName) })) };
}

/** Plans towards `desired` as `apply` does, answering every rename question "no" (a drop and an add, as drawn). */
async function planTowards(
  session: DatabaseSession,
  dialect: Dialect,
  desired: Model,
  declared: Declared,
): Promise<{ plan: Plan; declared: Declared }> {
  let current = declared;
  for (let round = 0; ; round++) {
    const plan = await replan(session, dialect, desired, [], current);
    if (plan.decisions.length === 0 || round === 5) return { plan, declared: current };
    const answers = plan.decisions.map((decision) => ({ decision, rename: false }));
    current = { ...current, renames: withAnswers(current.renames, answers, desired) };
  }
}

async function migrate(
  session: DatabaseSession,
  dialect: Dialect,
  desired: Model,
  given: Declared,
  stage: string,
): Promise<Plan> {
  const { plan, declared } = await planTowards(session, dialect, desired, given);
  const errors = plan.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new FuzzFailure(`${stage}/plan`, errors.map((d) => d.message).join('; '));
  if (plan.decisions.length > 0)
    throw new FuzzFailure(`${stage}/plan`, `questions left: ${plan.decisions.map((d) => d.question).join('; ')}`);
  try {
    await applyPlanned({ session, desired, plan, options: {} });
  } catch (error) {
    const sql = plan.statements.map((s) => s.sql).join(';\n');
    throw new FuzzFailure(
      `${stage}/apply`,
      `${error instanceof Error ? error.message : String(error)}\n-- plan:\n${sql}`,
    );
  }
  const read = columnsByName(managedPart(dialect.normalize(await session.introspect({ schemas: ['public'] }))));
  const wanted = columnsByName(dialect.normalize(desired));
  if (!sameData(read, wanted)) {
    throw new FuzzFailure(
      `${stage}/introspect`,
      `the database differs from the target:\n  ${differences(read, wanted).join('\n  ')}`,
    );
  }
  const again = await replan(session, dialect, desired, [], declared);
  if (again.changes.length > 0) {
    throw new FuzzFailure(
      `${stage}/replan`,
      `planning again is not empty: ${again.statements.map((s) => s.sql).join('; ')}`,
    );
  }
  return plan;
}

/** `table` -> lost columns (`*`: the whole table), from the statements the plan marked DATA_LOSS. */
export function declaredLoss(plan: Plan): Map<string, Set<string>> {
  const lost = new Map<string, Set<string>>();
  const add = (table: string, column: string) => lost.set(table, (lost.get(table) ?? new Set()).add(column));
  for (const statement of plan.statements) {
    const hazards = statement.hazards.filter((h) => h.code === 'DATA_LOSS');
    if (hazards.length === 0) continue;
    const change = plan.changes[statement.change]!;
    switch (change.kind) {
      case 'column.drop':
        add(change.table.name, change.column.name);
        break;
      case 'column.alter':
        add(change.table.name, change.to.name);
        break;
      case 'table.rebuild': {
        const named = change.from.columns.filter((c) =>
          hazards.some((h) => new RegExp(`\\b${c.name}\\b`).test(h.message)),
        );
        if (named.length === 0) add(change.from.name, '*');
        for (const c of named) add(change.from.name, c.name);
        break;
      }
      default:
        add(
          'table' in change && typeof change.table === 'object' && change.table && 'name' in change.table
            ? String(change.table.name)
            : '*',
          '*',
        );
    }
  }
  return lost;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows as the database prints each value (NULL as null), only the given columns. */
async function readRows(db: CaseDatabase, table: string, columns: readonly string[]): Promise<Row[]> {
  const list = columns.map((c) =>
    db.dialect === 'postgres' ? `${quote(c)}::text AS ${quote(c)}` : `CAST(${quote(c)} AS TEXT) AS ${quote(c)}`,
  );
  return (await db.query(`SELECT ${list.join(', ')} FROM ${quote(table)}`)) as Row[];
}

const sorted = (rows: readonly Row[], columns: readonly string[]) =>
  rows.map((row) => JSON.stringify(columns.map((c) => row[c] ?? null))).sort();

async function insertRows(db: CaseDatabase, dialect: Dialect, c: FuzzCase): Promise<void> {
  for (const [table, rows] of Object.entries(c.rows)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      const values = columns.map((k) => (row[k] === null ? 'NULL' : dialect.quoteLiteral(row[k]!)));
      const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${values.join(', ')})`;
      try {
        await db.query(sql);
      } catch (error) {
        throw new FuzzFailure(
          'seed',
          `the generator made a row A refuses (${sql}): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}

/** The value a kept column must hold after the plan, from the value it held before. */
function expectedValue(c: FuzzCase, table: string, column: string, value: string | null): string | null {
  if (value === null) return null;
  let result = value;
  const mapping = c.mapped.find((m) => m.table === table && m.column === column && m.from === value);
  if (mapping) result = mapping.to;
  const conversion = c.converted.find((x) => x.table === table && x.column === column);
  if (conversion && !conversion.from.startsWith('enum:')) {
    const step = fuzzType(c.dialect, conversion.from).conversions.find((x) => x.to === conversion.to);
    if (!step) throw new Error(`no conversion ${conversion.from} -> ${conversion.to} in the catalogue`);
    result = step.convert(result);
  }
  return result;
}

export interface CaseResult {
  /** Statements of the A -> B plan. */
  readonly statements: number;
  /** Columns the plan declared lossy, as `table.column`. */
  readonly lossy: readonly string[];
  /** The kinds of the A -> B plan's changes (SQLite rebuilds by the kinds they fold), for coverage statistics. */
  readonly kinds: readonly string[];
  /** Rows seeded into A. */
  readonly rows: number;
  /** Of those, rows compared after the plan. */
  readonly compared: number;
}

/** Runs `c` on a fresh database from `databases`; throws `FuzzFailure` when a promise is broken. */
export async function runCase(c: FuzzCase, databases: CaseDatabases): Promise<CaseResult> {
  const dialect = dialectFor(c.dialect);
  const db = await databases.create(c.dialect);
  const session = await dialect.connect(parseDatabaseUrl(db.url));
  try {
    await migrate(session, dialect, c.from, { renames: NO_RENAMES, entityNames: NO_NAMES }, 'build A');
    await insertRows(db, dialect, c);
    const kept = c.from.tables.flatMap((a) => {
      const b = c.to.tables.find((t) => t.name === a.name);
      if (!b) return [];
      return [
        {
          table: a.name,
          columns: a.columns.filter((x) => b.columns.some((y) => y.name === x.name)).map((x) => x.name),
        },
      ];
    });
    const before = new Map<string, Row[]>();
    for (const { table, columns } of kept) before.set(table, await readRows(db, table, columns));

    const plan = await migrate(session, dialect, c.to, { renames: c.renames, entityNames: NO_NAMES }, 'A -> B');

    const lost = declaredLoss(plan);
    let count = 0;
    for (const { table, columns } of kept) {
      const lossy = lost.get(table);
      if (lossy?.has('*')) continue;
      const compared = columns.filter((col) => !lossy?.has(col));
      const rows = before.get(table)!;
      const after = await readRows(db, table, compared);
      const expected = rows.map((row) =>
        Object.fromEntries(compared.map((col) => [col, expectedValue(c, table, col, row[col] ?? null)])),
      );
      const [got, want] = [sorted(after, compared), sorted(expected, compared)];
      count += rows.length;
      if (!sameData(got, want)) {
        const missing = want.filter((r) => !got.includes(r)).slice(0, 3);
        const extra = got.filter((r) => !want.includes(r)).slice(0, 3);
        throw new FuzzFailure(
          'rows',
          `${table} (${compared.join(', ')}): ${after.length} rows after, ${rows.length} before; ` +
            `expected but missing ${missing.join(' ')}; found instead ${extra.join(' ')}`,
        );
      }
    }
    return {
      statements: plan.statements.length,
      lossy: [...lost].flatMap(([table, columns]) => [...columns].map((column) => `${table}.${column}`)),
      kinds: plan.changes.flatMap((change) =>
        change.kind === 'table.rebuild' ? change.changes.map((inner) => inner.kind) : [change.kind],
      ),
      rows: Object.values(c.rows).reduce((n, rows) => n + rows.length, 0),
      compared: count,
    };
  } finally {
    await session.close();
    await db.drop();
  }
}

/**
 * The SQLite table rebuild (https://www.sqlite.org/lang_altertable.html#otheralter): create the new definition
 * under a temporary name, copy the rows, drop the old table, rename, recreate the indexes and the table's triggers
 * (not managed, but the user's: DROP TABLE drops them). Safe only with foreign key enforcement off (the session's
 * apply does that before BEGIN), otherwise DROP TABLE would run ON DELETE actions on child rows.
 */
import type { EnumValueMapping } from '../../diff/changes';
import type { Column, Table } from '../../model';
import { tableRows, type TableRows } from '../row-counts';
import type { Statement } from '../../model';
import { droppedColumnHazards, duplicateKeyHazardsOfRebuild, notNullHazards, rebuildHazard } from './hazards';
import { quoteIdentifier as q, quoteLiteral } from './quote';
import { createIndexSql, createTableSql } from './render-table';
import { tokenize } from './tokenize';

const statement = (sql: string, hazards: Statement['hazards'] = []): Statement => ({
  sql,
  hazards,
  transactional: true,
});

/** `temporary_<name>`, made unique against the tables that exist on either side. */
export function temporaryName(table: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  let name = `temporary_${table}`;
  for (let i = 2; lower.has(name.toLowerCase()); i++) name = `temporary_${table}_${i}`;
  return name;
}

/**
 * The value copied into a column: the old value, its enum label renamed or mapped as declared, or the new default
 * where a nullable column becomes NOT NULL.
 */
function copyExpression(from: Column, to: Column, mappings: readonly EnumValueMapping[] = []): string {
  let value = q(from.name);
  if (mappings.length > 0) {
    const whens = mappings.map((m) => `WHEN ${quoteLiteral(m.from)} THEN ${quoteLiteral(m.to)}`).join(' ');
    value = `CASE ${value} ${whens} ELSE ${value} END`;
  }
  if (from.nullable && !to.nullable && to.default !== undefined) return `COALESCE(${value}, ${to.default})`;
  return value;
}

/** True if the statement names `table` (an unreadable one is assumed to). */
function mentions(sql: string, table: string): boolean {
  try {
    const name = table.toLowerCase();
    return tokenize(sql).some((t) => (t.kind === 'identifier' || t.kind === 'word') && t.value.toLowerCase() === name);
  } catch {
    return true;
  }
}

/**
 * Triggers on other tables that name the rebuilt table. Once the old table is dropped, SQLite's RENAME re-checks
 * every trigger of the schema and fails on those ("error in trigger ...: no such table"); in legacy mode it renames
 * without checking or rewriting them, and they then name the new table, which is what they meant.
 */
function namedByOtherTriggers(table: string, tables: readonly Table[]): boolean {
  return tables.some(
    (other) =>
      other.name.toLowerCase() !== table.toLowerCase() && (other.triggers ?? []).some((t) => mentions(t.sql, table)),
  );
}

export interface RebuildOptions {
  /** Declared label renames and mappings per target column, applied as rows are copied. */
  readonly valueMaps?: ReadonlyMap<string, readonly EnumValueMapping[]>;
  /** Hazards of the copy beyond the NOT NULL ones (enum labels removed). */
  readonly copyHazards?: Statement['hazards'];
  /** Every table of the database as it is (for the triggers of other tables). */
  readonly tables?: readonly Table[];
  /** What was measured of the rebuilt table's rows (default: planned without a database). */
  readonly rows?: TableRows;
}

export function renderRebuild(
  from: Table,
  to: Table,
  taken: ReadonlySet<string>,
  options: RebuildOptions = {},
): Statement[] {
  const temporary = temporaryName(to.name, taken);
  const before = new Map(from.columns.map((c) => [c.name, c]));
  // A generated column cannot be written: it is computed again in the new table.
  const copied = to.columns.filter((column) => before.has(column.name) && !column.computed);
  const rows = options.rows ?? tableRows(undefined, from);
  const statements: Statement[] = [statement(createTableSql(to, temporary), [rebuildHazard(from, to)])];

  // AUTOINCREMENT promises never to reuse an id, even of deleted rows: carry the table's high-water mark over.
  const increments = (table: Table) => table.columns.some((c) => c.generated === 'increment');
  if (increments(from) && increments(to)) {
    statements.push(
      statement(
        `INSERT INTO "sqlite_sequence" ("name", "seq") SELECT ${quoteLiteral(temporary)}, "seq" FROM "sqlite_sequence" ` +
          `WHERE "name" = ${quoteLiteral(from.name)}`,
      ),
    );
  }
  if (copied.length > 0) {
    const targets = copied.map((column) => q(column.name)).join(', ');
    const sources = copied
      .map((column) => copyExpression(before.get(column.name)!, column, options.valueMaps?.get(column.name)))
      .join(', ');
    statements.push(
      statement(`INSERT INTO ${q(temporary)}(${targets}) SELECT ${sources} FROM ${q(from.name)}`, [
        ...notNullHazards(from, to, rows),
        ...duplicateKeyHazardsOfRebuild(from, to, rows),
        ...(options.copyHazards ?? []),
      ]),
    );
  } else {
    const hazards = notNullHazards(from, to, rows);
    if (hazards.length > 0) statements[0] = statement(statements[0]!.sql, [...statements[0]!.hazards, ...hazards]);
  }
  statements.push(statement(`DROP TABLE ${q(from.name)}`, droppedColumnHazards(from, to, rows)));
  const legacy = namedByOtherTriggers(from.name, options.tables ?? []);
  if (legacy) statements.push(statement('PRAGMA legacy_alter_table = ON'));
  statements.push(statement(`ALTER TABLE ${q(temporary)} RENAME TO ${q(to.name)}`));
  if (legacy) statements.push(statement('PRAGMA legacy_alter_table = OFF'));
  for (const index of to.indexes) statements.push(statement(createIndexSql(to.name, index)));
  for (const trigger of from.triggers ?? []) statements.push(statement(trigger.sql));
  return statements;
}

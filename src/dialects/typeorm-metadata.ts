/**
 * SQL for TypeORM's `typeorm_metadata` table, spelled the way TypeORM 1.x writes it (RdbmsSchemaBuilder
 * `createTypeormMetadataTable`, `insertViewDefinitionSql`, `insertTypeormMetadataSql`...), so that TypeORM's schema
 * builder reads back exactly the records it would have written itself. The table stays unmanaged (never diffed).
 */
import type { MetadataRecords } from '../diff/typeorm-metadata-facts';
import type { QualifiedName, View } from '../model';

export const TYPEORM_METADATA_TABLE = 'typeorm_metadata';

export interface MetadataSqlDialect {
  quoteIdentifier(name: string): string;
  quoteLiteral(value: string): string;
  /** The table, quoted (schema-qualified on PostgreSQL). */
  readonly table: string;
  /** Column types of the table: `[short text, long text]`. */
  readonly types: readonly [string, string];
  /** The schema recorded for an object (PostgreSQL: its schema; SQLite: none). */
  schemaOf(object: QualifiedName): string | undefined;
  /** The `database` recorded for generated columns: PostgreSQL's `current_database()`, SQLite's NULL. */
  readonly columnDatabase: string;
}

export function createMetadataTableSql(d: MetadataSqlDialect): string {
  const [short, long] = d.types;
  const q = d.quoteIdentifier;
  return (
    `CREATE TABLE IF NOT EXISTS ${d.table} (${q('type')} ${short} NOT NULL, ${q('database')} ${short}, ` +
    `${q('schema')} ${short}, ${q('table')} ${short}, ${q('name')} ${short}, ${q('value')} ${long})`
  );
}

const viewType = (view: View): string => (view.materialized ? 'MATERIALIZED_VIEW' : 'VIEW');

/** DELETE then INSERT statements bringing the records in line with a change (see `metadataRecordsOf`). */
export function metadataRecordSql(d: MetadataSqlDialect, records: MetadataRecords): string[] {
  const q = d.quoteIdentifier;
  const literal = (value: string | undefined) => (value === undefined ? 'NULL' : d.quoteLiteral(value));
  const columns = ['database', 'schema', 'table', 'type', 'name', 'value'].map(q).join(', ');
  const insert = (values: string[]) => `INSERT INTO ${d.table} (${columns}) VALUES (${values.join(', ')})`;
  const remove = (conditions: [string, string][]) =>
    `DELETE FROM ${d.table} WHERE ${conditions.map(([column, value]) => `${q(column)} = ${value}`).join(' AND ')}`;
  const schemaCondition = (object: QualifiedName): [string, string][] => {
    const schema = d.schemaOf(object);
    return schema === undefined ? [] : [['schema', literal(schema)]];
  };
  const columnDatabase: [string, string][] = d.columnDatabase === 'NULL' ? [] : [['database', d.columnDatabase]];
  return [
    ...records.deleteViews.map((view) =>
      remove([['type', literal(viewType(view))], ...schemaCondition(view), ['name', literal(view.name)]]),
    ),
    ...records.deleteColumns.map((record) =>
      remove([
        ['type', literal('GENERATED_COLUMN')],
        ...columnDatabase,
        ...schemaCondition(record.table),
        ['table', literal(record.table.name)],
        ['name', literal(record.column)],
      ]),
    ),
    ...records.insertViews.map((view) =>
      insert([
        'NULL',
        literal(d.schemaOf(view)),
        'NULL',
        literal(viewType(view)),
        literal(view.name),
        literal(view.expression),
      ]),
    ),
    ...records.insertColumns.map((record) =>
      insert([
        d.columnDatabase,
        literal(d.schemaOf(record.table)),
        literal(record.table.name),
        literal('GENERATED_COLUMN'),
        literal(record.column),
        literal(record.expression),
      ]),
    ),
  ];
}

/** SQL for one lowered change (see lower.ts: changes SQLite cannot ALTER must arrive as `table.rebuild`). */
import type { Change } from '../../diff/changes';
import { assertNever } from '../../diff/changes';
import { enumColumnRemovals, enumRemovalHazards } from '../measure';
import { indexBuildHazards } from '../measured-hazards';
import { LARGE_TABLE_ROWS, tableRows } from '../row-counts';
import type { Statement } from '../../model';
import type { RenderContext } from '../dialect';
import { canAddColumn, isCommentOnly } from './alter-support';
import { tableDropHazard } from './hazards';
import { quoteIdentifier as q } from './quote';
import { renderRebuild } from './rebuild';
import { columnSql, createIndexSql, createTableSql, dropIndexSql } from './render-table';
import { metadataRecordsOf } from '../../diff/typeorm-metadata-facts';
import {
  createMetadataTableSql,
  metadataRecordSql,
  TYPEORM_METADATA_TABLE,
  type MetadataSqlDialect,
} from '../typeorm-metadata';
import { quoteLiteral } from './quote';

/** TypeORM's metadata table on SQLite: no schema, no database recorded. */
const METADATA: MetadataSqlDialect = {
  quoteIdentifier: q,
  quoteLiteral,
  table: q(TYPEORM_METADATA_TABLE),
  types: ['varchar', 'text'],
  schemaOf: () => undefined,
  columnDatabase: 'NULL',
};

const statement = (sql: string, hazards: Statement['hazards'] = []): Statement => ({
  sql,
  hazards,
  transactional: true,
});

const mustBeLowered = (change: Change): Error =>
  new Error(`internal error: ${change.kind} on SQLite must be lowered into a table rebuild first (Dialect.lower)`);

/** SQL for one lowered change, then the `typeorm_metadata` records it adds or removes. */
export function renderSqlite(change: Change, context: RenderContext): Statement[] {
  const records = metadataRecordSql(METADATA, metadataRecordsOf(change)).map((sql) => statement(sql));
  const statements = renderChange(change, context);
  // TypeORM removes a view's record before dropping it, and records a new one after creating it.
  return change.kind === 'view.drop' ? [...records, ...statements] : [...statements, ...records];
}

function renderChange(change: Change, context: RenderContext): Statement[] {
  switch (change.kind) {
    case 'table.create':
      return [
        statement(createTableSql(change.table, change.table.name, context.oneColumnPerLine)),
        ...change.table.indexes.map((index) => statement(createIndexSql(change.table.name, index))),
      ];
    case 'table.rename':
      // SQLite (3.26+, legacy_alter_table off) rewrites the foreign keys of other tables that reference it.
      return [statement(`ALTER TABLE ${q(change.from.name)} RENAME TO ${q(change.to.name)}`)];
    case 'column.rename':
      // Rewrites indexes, CHECKs and foreign keys (here and in other tables) that mention the column (SQLite 3.25+).
      return [statement(`ALTER TABLE ${q(change.table.name)} RENAME COLUMN ${q(change.from)} TO ${q(change.to)}`)];
    case 'index.rename':
      // SQLite cannot rename an index: it is dropped and created again under its new name.
      return [statement(dropIndexSql(change.from)), statement(createIndexSql(change.table.name, change.to))];
    case 'table.drop':
      // Foreign key enforcement is off during apply, so this never runs ON DELETE actions on child rows.
      return [
        statement(`DROP TABLE ${q(change.table.name)}`, [
          tableDropHazard(change.table, tableRows(context.measurements, change.table)),
        ]),
      ];
    case 'table.rebuild': {
      const taken = new Set([...context.from.tables, ...context.to.tables].map((table) => table.name));
      const valueMaps = new Map(
        change.changes.flatMap((c) =>
          c.kind === 'column.alter' && c.valueMap ? [[c.to.name, c.valueMap] as const] : [],
        ),
      );
      const copyHazards = enumColumnRemovals(change).flatMap((removal) =>
        enumRemovalHazards(removal, context.measurements),
      );
      const rows = tableRows(context.measurements, change.from);
      return renderRebuild(change.from, change.to, taken, {
        valueMaps,
        copyHazards,
        tables: context.from.tables,
        rows,
      });
    }
    case 'table.comment':
    case 'comment.set':
      return []; // SQLite has no comments; lower drops these changes
    case 'column.add':
      if (!canAddColumn(change.column)) throw mustBeLowered(change);
      return [statement(`ALTER TABLE ${q(change.table.name)} ADD COLUMN ${columnSql(change.column, false)}`)];
    case 'column.alter':
      if (isCommentOnly(change)) return [];
      throw mustBeLowered(change);
    case 'column.drop':
    case 'primaryKey.add':
    case 'primaryKey.drop':
    case 'foreignKey.add':
    case 'foreignKey.drop':
    case 'foreignKey.alter':
    case 'unique.add':
    case 'unique.drop':
    case 'check.add':
    case 'check.drop':
    case 'constraint.rename':
    case 'constraint.validate':
      throw mustBeLowered(change);
    case 'index.create': {
      // An index of a table that exists is built inside the apply's write transaction: writers wait meanwhile.
      const exists = context.from.tables.some((table) => table.name.toLowerCase() === change.table.name.toLowerCase());
      const rows = tableRows(context.measurements, change.table);
      const large = context.largeTableRows ?? LARGE_TABLE_ROWS;
      const hazards = exists ? indexBuildHazards(`index ${change.index.name}`, change.table.name, rows, large) : [];
      return [statement(createIndexSql(change.table.name, change.index), hazards)];
    }
    case 'index.drop':
      return [statement(dropIndexSql(change.index))];
    case 'view.create':
      return [statement(`CREATE VIEW ${q(change.view.name)} AS ${change.view.expression}`)];
    case 'view.drop':
      return [statement(`DROP VIEW ${q(change.view.name)}`)];
    case 'typeormMetadata.create':
      return [statement(createMetadataTableSql(METADATA))];
    case 'schema.create':
    case 'schema.drop':
    case 'extension.create':
    case 'extension.drop':
    case 'enum.create':
    case 'enum.drop':
    case 'enum.value.add':
    case 'enum.rename':
    case 'enum.value.rename':
    case 'enum.recreate':
    case 'sequence.create':
    case 'sequence.alter':
    case 'sequence.drop':
    case 'exclusion.add':
    case 'exclusion.drop':
      throw new Error(`internal error: ${change.kind} cannot occur on SQLite`);
    default:
      return assertNever(change);
  }
}

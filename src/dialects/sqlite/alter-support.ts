/** What SQLite's limited ALTER TABLE can do in place; everything else on an existing table is a rebuild. */
import type { Change } from '../../diff/changes';
import { assertNever } from '../../diff/changes';
import type { Column } from '../../model';
import { isKeyword, isPunct, stripOuterParens, tokenize } from './tokenize';

/**
 * A default `ALTER TABLE ADD COLUMN` accepts: a literal, optionally signed and parenthesised. SQLite refuses
 * `CURRENT_TIMESTAMP`, function calls and other expressions ("Cannot add a column with non-constant default").
 */
export function isConstantDefault(expression: string): boolean {
  let tokens;
  try {
    tokens = tokenize(stripOuterParens(expression));
  } catch {
    return false;
  }
  if (tokens.length === 2 && (isPunct(tokens[0], '-') || isPunct(tokens[0], '+')) && tokens[1]!.kind === 'number') {
    return true;
  }
  if (tokens.length !== 1) return false;
  const token = tokens[0]!;
  return (
    token.kind === 'number' ||
    token.kind === 'string' ||
    token.kind === 'blob' ||
    isKeyword(token, 'NULL') ||
    isKeyword(token, 'TRUE') ||
    isKeyword(token, 'FALSE')
  );
}

/**
 * `ALTER TABLE ... ADD COLUMN` works for a column that is not generated (AUTOINCREMENT means PRIMARY KEY), that is
 * nullable or has a default, and whose default is constant; or for a VIRTUAL generated column. Primary key, unique and foreign key membership arrive as
 * their own changes, which rebuild the table anyway.
 */
export function canAddColumn(column: Column): boolean {
  if (column.generated !== undefined) return false;
  // SQLite adds a VIRTUAL generated column in place ("cannot add a STORED column").
  if (column.computed) return !column.computed.stored;
  if (column.default !== undefined && !isConstantDefault(column.default)) return false;
  return column.nullable || column.default !== undefined;
}

/** Column changes SQLite does not store at all (it has no comments). */
export function isCommentOnly(change: Change): boolean {
  return (
    change.kind === 'table.comment' ||
    (change.kind === 'column.alter' && change.fields.every((field) => field === 'comment'))
  );
}

/** Whether a change on an existing table can only be made by recreating the table. */
export function needsRebuild(change: Change): boolean {
  switch (change.kind) {
    case 'column.add':
      return !canAddColumn(change.column);
    case 'column.alter':
      return !isCommentOnly(change);
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
    case 'constraint.rename': // constraint names live in the CREATE TABLE text
    case 'constraint.validate': // PostgreSQL only: SQLite constraints are never NOT VALID
      return true;
    case 'table.rename':
    case 'column.rename':
    case 'index.rename':
    case 'index.create':
    case 'index.drop':
    case 'table.comment':
    case 'table.create':
    case 'table.drop':
    case 'table.rebuild':
    case 'schema.create':
    case 'schema.drop':
    case 'extension.create':
    case 'extension.drop':
    case 'enum.create':
    case 'enum.drop':
    case 'enum.value.add':
    case 'view.create':
    case 'view.drop':
    case 'typeormMetadata.create':
    case 'enum.rename':
    case 'enum.value.rename':
    case 'enum.recreate':
    case 'sequence.create':
    case 'sequence.alter':
    case 'sequence.drop':
    case 'comment.set':
    case 'exclusion.add': // PostgreSQL only: SQLite's normalised models have no exclusion constraints
    case 'exclusion.drop':
      return false;
    default:
      return assertNever(change);
  }
}

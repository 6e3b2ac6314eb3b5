import { createHash } from 'node:crypto';
import { appTypeormLine } from './runtime';

/**
 * The names TypeORM's `DefaultNamingStrategy` gives constraints that have none in the database (SQLite reads them
 * back unnamed), so an introspected constraint compares with the compiled one. The hash is the SHA-1 of
 * `<table>_<sorted columns>` (or `<table>_<expression>`), as in TypeORM, computed here so that introspecting a
 * database needs no TypeORM: for ASCII names the 0.3 and 1.x lines agree. They differ for other characters (0.3
 * hashes the `encodeURIComponent` form, 1.x the UTF-8 bytes): only then is the app's TypeORM asked which line it is.
 * `test/typeorm-default-names.test.ts` checks these against TypeORM's own strategy on both lines.
 */
export const defaultNames = {
  foreignKeyName: (table: string, columns: readonly string[]): string => `FK_${hash(columnsKey(table, columns)).slice(0, 27)}`,
  uniqueConstraintName: (table: string, columns: readonly string[]): string => `UQ_${hash(columnsKey(table, columns)).slice(0, 27)}`,
  checkConstraintName: (table: string, expression: string): string => `CHK_${hash(`${tableKey(table)}_${expression}`).slice(0, 26)}`,
};

/** TypeORM's key: the table name without a schema (`a.b` -> `b`), then the column names sorted, joined by `_`. */
function columnsKey(table: string, columns: readonly string[]): string {
  return `${tableKey(table)}_${[...columns].sort().join('_')}`;
}

function tableKey(table: string): string {
  return (table.split('.').pop() ?? table).replace('.', '_');
}

function hash(key: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(key);
  const input = ascii || appTypeormLine() === '1' ? key : encodeURIComponent(key);
  return createHash('sha1').update(input, 'utf8').digest('hex');
}

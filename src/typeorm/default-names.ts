import { createHash } from 'node:crypto';
import { appTypeormLine } from './runtime';
import type { TypeormLine } from './versions';

/**
 * The names TypeORM's `DefaultNamingStrategy` gives constraints that have none in the database (SQLite reads them
 * back unnamed), so an introspected constraint compares with the compiled one. The hash is the SHA-1 of
 * `<table>_<sorted columns>` (or `<table>_<expression>`), as in TypeORM, computed here so that introspecting a
 * database needs no TypeORM. The lines hash different bytes: 0.3 the `encodeURIComponent` form of the key, 1.x its
 * UTF-8 bytes. For a key of letters, digits and `_` they agree; for any other (a CHECK expression with a space, a
 * name that is not ASCII) the app's TypeORM is asked which line it is (1.x when it has none).
 * `test/typeorm-default-names.test.ts` checks these against TypeORM's own strategy on both lines.
 */
export const defaultNames = {
  foreignKeyName: (table: string, columns: readonly string[]): string =>
    `FK_${hash(columnsKey(table, columns)).slice(0, 27)}`,
  uniqueConstraintName: (table: string, columns: readonly string[]): string =>
    `UQ_${hash(columnsKey(table, columns)).slice(0, 27)}`,
  checkConstraintName: (table: string, expression: string): string =>
    `CHK_${hash(`${tableKey(table)}_${expression}`).slice(0, 26)}`,
};

/** TypeORM's key: the table name without a schema (`a.b` -> `b`), then the column names sorted, joined by `_`. */
function columnsKey(table: string, columns: readonly string[]): string {
  return `${tableKey(table)}_${[...columns].sort().join('_')}`;
}

function tableKey(table: string): string {
  return (table.split('.').pop() ?? table).replace('.', '_');
}

function hash(key: string): string {
  const input = encodeURIComponent(key) === key || lineOfApp() === '1' ? key : encodeURIComponent(key);
  return createHash('sha1').update(input, 'utf8').digest('hex');
}

let appLine: TypeormLine | undefined;
const lineOfApp = (): TypeormLine => (appLine ??= appTypeormLine());

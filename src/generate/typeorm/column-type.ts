/**
 * Column types as TypeORM takes them: the model spells types the way the dialect's catalog does, and TypeORM's
 * drivers accept (and compare) exactly those spellings for the types they support. A type TypeORM does not support is
 * declared as the nearest one it does (`nearestType`), with a comment and a diagnostic: never left out, which would
 * make a plan drop the column and its values.
 */
import type { Column, ColumnType, DialectName } from '../../model';
import { dialectFor } from '../../dialects/registry';
import type { NearestType } from '../../dialects/entity-types';

export type { NearestType };

/** Whether TypeORM can declare a column of this (non-enum) type on the dialect. */
export function isSupportedType(dialect: DialectName, type: string): boolean {
  return dialectFor(dialect).entityTypes.supported.has(type);
}

/** The type TypeORM accepts that is nearest to a column's type it does not accept (see each dialect's `entity-types.ts`). */
export function nearestType(dialect: DialectName, column: Column, isSolePrimaryKey: boolean): NearestType {
  return dialectFor(dialect).entityTypes.nearest(column, isSolePrimaryKey);
}

/** `character varying(3)`, `numeric(10,2)`, `integer[]`: a column type as SQL spells it, for messages. */
export function typeText(type: ColumnType): string {
  const modifiers =
    type.length !== undefined
      ? `(${type.length})`
      : type.precision !== undefined
        ? `(${type.precision}${type.scale !== undefined ? `,${type.scale}` : ''})`
        : '';
  const name =
    type.type === 'enum' && type.enum
      ? `enum ${type.enum.schema ? `${type.enum.schema}.` : ''}${type.enum.name}`
      : type.type || '(no type)';
  return `${name}${modifiers}${type.array ? '[]' : ''}`;
}

/** The property's TypeScript type (without `| null`): `enumType` names the TypeScript enum of an enum column. */
export function tsTypeOf(dialect: DialectName, column: Column, enumType: string | undefined): string {
  const element = enumType ?? dialectFor(dialect).entityTypes.tsTypes[column.type] ?? 'string';
  return column.array ? `${element}[]` : element;
}

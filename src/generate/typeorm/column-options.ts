/**
 * One column as a property with its decorator: `@PrimaryGeneratedColumn` for a generated primary key,
 * `@PrimaryColumn` for another primary-key column, `@Column` otherwise; every option the model sets, stated
 * explicitly (the column's name, type, length, precision, scale, array, enum and enum type name, nullability, default,
 * generation, comment, collation, primary-key constraint name). This is the inverse of compile/metadata-to-model.ts.
 */
import type { Column, DialectName, Table } from '../../model';
import { qualifiedKey } from '../../model';
import type { Diagnostic } from '../../plan/types';
import { defaultCode } from './column-default';
import { isSupportedType, tsTypeOf } from './column-type';
import { decorator, type DecoratorCall } from './decorators';
import { enumMemberCode, tsEnum, type TsEnum } from './enums';
import { tsString, type Code } from './literals';
import type { EntityNames, NamingPlan } from './naming-plan';
import { pascalCase } from './names';

export interface ColumnPlan {
  readonly column: Column;
  readonly property: string;
  /** Absent when the column cannot be declared (see the diagnostics): `skipped` says why. */
  readonly decorator?: DecoratorCall;
  readonly skipped?: string;
  /** The property's type: `number`, `DeckLevel | null`... */
  readonly tsType: string;
  /** A shared PostgreSQL enum the file imports, or a SQLite enum declared in the file. */
  readonly sharedEnum?: TsEnum;
  readonly inlineEnum?: TsEnum;
}

export interface ColumnContext {
  readonly dialect: DialectName;
  readonly table: Table;
  readonly names: EntityNames;
  readonly naming: NamingPlan;
  readonly diagnostics: Diagnostic[];
}

/** TypeORM's own name for an enum type it creates (`PostgresQueryRunner.buildEnumName`), which it wants unstated. */
const typeormEnumName = (table: Table, column: Column) => `${table.name}_${column.name.toLowerCase()}_enum`;

const UUID_GENERATOR = 'uuid_generate_v4()';

type Strategy = 'increment' | 'identity' | 'uuid';

function strategyOf(column: Column, dialect: DialectName): Strategy | undefined {
  if (column.generated === 'increment') return 'increment';
  if (column.generated === 'identity-always' || column.generated === 'identity-by-default') return 'identity';
  // TypeORM reads a uuid column defaulting to uuid_generate_v4() as a generated one (and compiles one to that default).
  if (dialect === 'postgres' && column.type === 'uuid' && !column.array && column.default === UUID_GENERATOR) return 'uuid';
  return undefined;
}

export function planColumn(column: Column, context: ColumnContext): ColumnPlan {
  const { dialect, table, names, naming, diagnostics } = context;
  const property = names.properties.get(column.name)!;
  const where = `${qualifiedKey(table)}.${column.name}`;
  const location = `column ${where}`;
  const inPrimaryKey = table.primaryKey?.columns.includes(column.name) ?? false;

  let type = column.type;
  let sharedEnum: TsEnum | undefined;
  let inlineEnum: TsEnum | undefined;
  let enumName: string | undefined;
  if (dialect === 'postgres' && column.type === 'enum') {
    sharedEnum = column.enum && naming.enumOf(column.enum);
    if (!sharedEnum) {
      const skipped = `its enum type ${column.enum ? qualifiedKey(column.enum) : '(unknown)'} was not read`;
      const message = `${where}: ${skipped}; the column is not declared`;
      diagnostics.push({ severity: 'error', code: 'ENTITY_ENUM_TYPE_MISSING', message, location });
      return { column, property, skipped, tsType: 'unknown' };
    }
    if (column.enum!.schema !== table.schema) {
      diagnostics.push({
        severity: 'warning',
        code: 'ENTITY_ENUM_OTHER_SCHEMA',
        message:
          `${where}: its enum type ${qualifiedKey(column.enum!)} is in another schema; ` +
          "TypeORM creates an enum type in the table's schema",
        location,
        hint: "A plan moves the column to a type of that name in the table's schema: move the enum type there first.",
      });
    }
    enumName = column.enum!.name === typeormEnumName(table, column) ? undefined : column.enum!.name;
  } else if (dialect === 'sqlite' && column.enumValues) {
    type = 'simple-enum';
    inlineEnum = tsEnum(naming.classScope.claim(`${names.className}${pascalCase(property, 'Value')}`), column.enumValues);
  } else if (!isSupportedType(dialect, column.type)) {
    const skipped = `TypeORM cannot declare a column of type ${column.type || '(none)'} on ${dialect}`;
    diagnostics.push({
      severity: 'error',
      code: 'ENTITY_UNSUPPORTED_TYPE',
      message: `${where}: ${skipped}; the column is not declared`,
      location,
      hint: 'Declare it by hand (a plan against entities without it would drop it).',
    });
    return { column, property, skipped, tsType: 'unknown' };
  }
  const tsEnumType = sharedEnum ?? inlineEnum;

  if (inPrimaryKey && column.nullable) {
    diagnostics.push({
      severity: 'warning',
      code: 'ENTITY_PRIMARY_KEY_NULLABLE',
      message: `${where}: a primary-key column that accepts NULL (SQLite allows it); TypeORM declares primary-key columns NOT NULL`,
      location,
    });
  }
  if (dialect === 'postgres' && column.type === 'uuid' && column.default !== undefined && column.default !== UUID_GENERATOR) {
    if (/^(gen_random_uuid|uuid_generate_v\d\w*)\(\)$/.test(column.default)) {
      diagnostics.push({
        severity: 'info',
        code: 'ENTITY_UUID_DEFAULT',
        message: `${where}: declared with default ${column.default}, which TypeORM's schema builder takes for a generated uuid`,
        location,
        hint: "TypeORM's synchronize/migration:generate will want to change it; schemaplan plans nothing.",
      });
    }
  }

  const strategy = strategyOf(column, dialect);
  const identity = { 'identity-always': "'ALWAYS'", 'identity-by-default': "'BY DEFAULT'", increment: undefined }[
    column.generated ?? 'increment'
  ];
  const pkName = inPrimaryKey && dialect === 'postgres' && table.primaryKey?.name ? tsString(table.primaryKey.name) : undefined;
  const comment = column.comment !== undefined ? tsString(column.comment) : undefined;
  const name = tsString(column.name);
  const tsType = `${tsTypeOf(dialect, column, tsEnumType?.name)}${column.nullable && !inPrimaryKey ? ' | null' : ''}`;

  // A generated primary key with nothing but a type: the decorator made for it.
  if (inPrimaryKey && strategy !== undefined && column.collation === undefined) {
    const call = decorator('PrimaryGeneratedColumn', tsString(strategy), {
      entries: [
        ['name', name],
        ['type', strategy === 'uuid' ? undefined : tsString(type)],
        ['generatedIdentity', identity],
        ['comment', comment],
        ['primaryKeyConstraintName', pkName],
      ],
    });
    return { column, property, decorator: call, tsType, sharedEnum, inlineEnum };
  }

  const enumMember = tsEnumType ? (label: string) => enumMemberCode(tsEnumType, label) : undefined;
  const options: [string, Code | undefined][] = [
    ['name', name],
    ['type', tsString(type)],
    ['length', column.length?.toString()],
    ['precision', column.precision?.toString()],
    ['scale', column.precision !== undefined ? column.scale?.toString() : undefined],
    ['array', column.array ? 'true' : undefined],
    ['enum', tsEnumType?.name],
    ['enumName', enumName !== undefined ? tsString(enumName) : undefined],
    ['nullable', column.nullable && !inPrimaryKey ? 'true' : undefined],
    ['default', strategy === 'uuid' ? undefined : defaultCode(column, { dialect, enumMember })],
    ['generatedType', column.computed ? (column.computed.stored ? "'STORED'" : "'VIRTUAL'") : undefined],
    ['asExpression', column.computed ? tsString(column.computed.expression) : undefined],
    ['generated', strategy ? tsString(strategy) : undefined],
    ['generatedIdentity', identity],
    ['comment', comment],
    ['collation', column.collation !== undefined ? tsString(column.collation) : undefined],
    ['primaryKeyConstraintName', pkName],
  ];
  const call = decorator(inPrimaryKey ? 'PrimaryColumn' : 'Column', { entries: options });
  return { column, property, decorator: call, tsType, sharedEnum, inlineEnum };
}

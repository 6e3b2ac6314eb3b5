/**
 * One column as a property with its decorator: `@PrimaryGeneratedColumn` for a generated primary key,
 * `@PrimaryColumn` for another primary-key column, `@Column` otherwise; every option the model sets, stated
 * explicitly (the column's name, type, length, precision, scale, array, enum and enum type name, nullability, default,
 * generation, comment, collation, primary-key constraint name). This is the inverse of compile/metadata-to-model.ts.
 */
import type { Column, DialectName, QualifiedName, Table } from '../../model';
import { asBaseType, qualifiedKey } from '../../model';
import type { Diagnostic } from '../../plan/types';
import { dialectFor } from '../../dialects/registry';
import { defaultCode } from './column-default';
import { isSupportedType, nearestType, tsTypeOf, typeText } from './column-type';
import { decorator, type DecoratorCall } from './decorators';
import { enumMemberCode, tsEnum, type TsEnum } from './enums';
import { tsString, type Code } from './literals';
import type { EntityNames, NamingPlan } from './naming-plan';
import { pascalCase } from './names';

export interface ColumnPlan {
  readonly column: Column;
  readonly property: string;
  /** Comment lines above the declaration: what the database has that the declaration does not say. */
  readonly notes?: readonly string[];
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
  if (
    dialectFor(dialect).capabilities.uuidType &&
    column.type === 'uuid' &&
    !column.array &&
    column.default === UUID_GENERATOR
  )
    return 'uuid';
  return undefined;
}

/**
 * Why a column cannot be declared at all (its enum type was not read), or `undefined`. Every other column can: a type
 * TypeORM does not accept is declared as the nearest one it does.
 */
export function undeclarableColumn(column: Column, enumRead: (type: QualifiedName) => boolean): string | undefined {
  const type = asBaseType(column);
  if (type.type !== 'enum' || (type.enum && enumRead(type.enum))) return undefined;
  return `its enum type ${type.enum ? qualifiedKey(type.enum) : '(unknown)'} was not read`;
}

/**
 * The column as an entity can declare it: a domain's base type instead of the domain, and a type TypeORM accepts
 * instead of one it does not; each substitution is reported and noted above the declaration.
 */
function declarableColumn(original: Column, context: ColumnContext, notes: string[]): Column {
  const { dialect, table, diagnostics } = context;
  const where = `${qualifiedKey(table)}.${original.name}`;
  const location = `column ${where}`;
  let column = original;
  if (original.domain) {
    column = asBaseType(original);
    const domain = qualifiedKey(original.domain);
    const base = typeText(column);
    notes.push(
      `the database type is the domain ${domain} (over ${base}), which TypeORM cannot declare: declared as ${base}`,
    );
    diagnostics.push({
      severity: 'warning',
      code: 'ENTITY_DOMAIN_AS_BASE_TYPE',
      message: `${where}: its type is the domain ${domain}, which TypeORM entities cannot declare; it is declared as its base type ${base}`,
      location,
      hint:
        `Plans against the entities leave the domain on the column (domains are not managed); a database built from them has ` +
        `${base} without the domain's constraints (schema diff between the two shows the type change).`,
    });
  }
  const can = dialectFor(dialect).capabilities;
  const isEnum = column.type === 'enum' || (!can.enumTypes && column.enumValues !== undefined);
  if (isEnum || isSupportedType(dialect, column.type)) return column;
  const pk = table.primaryKey?.columns ?? [];
  const nearest = nearestType(dialect, column, pk.length === 1 && pk[0] === column.name);
  const {
    type: _type,
    length: _length,
    precision: _precision,
    scale: _scale,
    array: _array,
    enum: _enum,
    ...rest
  } = column;
  const before = typeText(column);
  const after = typeText(nearest.type);
  const problem = nearest.problem ?? `TypeORM cannot declare type ${before} on ${dialect}`;
  notes.push(`the database type is ${before}: ${problem}; declared as ${after} (${nearest.because})`);
  diagnostics.push({
    severity: 'warning',
    code: 'ENTITY_TYPE_APPROXIMATED',
    message: `${where}: ${problem}; it is declared as ${after}, the nearest type it accepts (${nearest.because})`,
    location,
    hint: `${nearest.consequence[0]!.toUpperCase()}${nearest.consequence.slice(1)}; declare the column by hand to keep its type.`,
  });
  return { ...rest, ...nearest.type };
}

export function planColumn(original: Column, context: ColumnContext): ColumnPlan {
  const { dialect, table, names, naming, diagnostics } = context;
  const can = dialectFor(dialect).capabilities;
  const property = names.properties.get(original.name)!;
  const where = `${qualifiedKey(table)}.${original.name}`;
  const location = `column ${where}`;
  const inPrimaryKey = table.primaryKey?.columns.includes(original.name) ?? false;

  const skipped = undeclarableColumn(original, (type) => naming.enumOf(type) !== undefined);
  if (skipped !== undefined) {
    const message = `${where}: ${skipped}; the column is not declared`;
    diagnostics.push({ severity: 'error', code: 'ENTITY_ENUM_TYPE_MISSING', message, location });
    return { column: original, property, skipped, tsType: 'unknown' };
  }
  const notes: string[] = [];
  const column = declarableColumn(original, context, notes);

  let type = column.type;
  let sharedEnum: TsEnum | undefined;
  let inlineEnum: TsEnum | undefined;
  let enumName: string | undefined;
  if (can.enumTypes && column.type === 'enum') {
    sharedEnum = naming.enumOf(column.enum!)!;
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
  } else if (!can.enumTypes && column.enumValues) {
    type = 'simple-enum';
    inlineEnum = tsEnum(
      naming.classScope.claim(`${names.className}${pascalCase(property, 'Value')}`),
      column.enumValues,
    );
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
  if (can.uuidType && column.type === 'uuid' && column.default !== undefined && column.default !== UUID_GENERATOR) {
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
  const pkName =
    inPrimaryKey && can.namedPrimaryKeys && table.primaryKey?.name ? tsString(table.primaryKey.name) : undefined;
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
    return { column: original, property, notes, decorator: call, tsType, sharedEnum, inlineEnum };
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
  return { column: original, property, notes, decorator: call, tsType, sharedEnum, inlineEnum };
}

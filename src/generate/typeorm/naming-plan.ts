/**
 * The TypeScript names of everything generated, decided once for the whole model so that they are unique: one
 * class per table and view, one enum per PostgreSQL enum type, one kebab-case file per class, one property per column.
 */
import type { EnumType, QualifiedName, Table, View } from '../../model';
import { qualifiedKey } from '../../model';
import { kebabCase, NameScope, pascalCase, propertyNameFor, RESERVED_PROPERTY_NAMES } from './names';
import { tsEnum, type TsEnum } from './enums';

/** Names a class or enum must not take: TypeORM's decorators (imported into every file) and built-in types. */
const RESERVED_CLASS_NAMES = [
  'Entity',
  'ViewEntity',
  'Column',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'ManyToOne',
  'JoinColumn',
  'Index',
  'Unique',
  'Check',
  'Exclusion',
  'Array',
  'BigInt',
  'Boolean',
  'Buffer',
  'Date',
  'Error',
  'Function',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'Promise',
  'Proxy',
  'Record',
  'Reflect',
  'RegExp',
  'Set',
  'String',
  'Symbol',
];

/** The shared enum file (PostgreSQL). */
export const ENUMS_FILE = 'enums';

/** File names Windows refuses whatever the extension (`con.ts`), and the enum file's. */
const RESERVED_FILE_NAMES = [
  ENUMS_FILE,
  'con',
  'prn',
  'aux',
  'nul',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`]),
];

export interface ClassNames {
  readonly className: string;
  /** Without the `.ts` extension. */
  readonly fileName: string;
}

export interface EntityNames extends ClassNames {
  /** Column name -> property name. */
  readonly properties: ReadonlyMap<string, string>;
  /** The class's property names: relations claim theirs here after the columns. */
  readonly propertyScope: NameScope;
}

export interface NamingPlan {
  readonly classScope: NameScope;
  entity(table: QualifiedName): EntityNames | undefined;
  view(view: QualifiedName): ClassNames;
  /** The TypeScript enum of a PostgreSQL enum type. */
  enumOf(type: QualifiedName): TsEnum | undefined;
  readonly enums: readonly { readonly type: EnumType; readonly tsEnum: TsEnum }[];
}

/**
 * Objects of the default schema are named after themselves (`card_statistics` -> `CardStatistics`); objects of other
 * schemas too, unless that is taken, then after schema and name (`BillingInvoices`). Enums fall back to `...Enum`.
 */
export function planNames(
  tables: readonly Table[],
  views: readonly View[],
  enums: readonly EnumType[],
  defaultSchema: string | undefined,
): NamingPlan {
  const classScope = new NameScope(RESERVED_CLASS_NAMES);
  const fileScope = new NameScope(RESERVED_FILE_NAMES, true);
  const isDefault = (object: QualifiedName) => object.schema === undefined || object.schema === defaultSchema;
  const byDefaultSchemaFirst = <T extends QualifiedName>(objects: readonly T[]): T[] => [
    ...objects.filter(isDefault),
    ...objects.filter((o) => !isDefault(o)),
  ];
  const classFor = (object: QualifiedName, fallback: string, ...extra: string[]): ClassNames => {
    const own = pascalCase(object.name, fallback);
    const qualified = pascalCase(`${object.schema ?? ''} ${object.name}`, fallback);
    const className = classScope.claim(...(isDefault(object) ? [own, ...extra] : [own, qualified, ...extra]));
    return { className, fileName: fileScope.claim(kebabCase(className) || 'entity', `${kebabCase(className)}-entity`) };
  };

  const entities = new Map<string, EntityNames>();
  for (const table of byDefaultSchemaFirst(tables)) {
    const names = classFor(table, 'Table', `${pascalCase(table.name, 'Table')}Entity`);
    const propertyScope = new NameScope(RESERVED_PROPERTY_NAMES);
    const properties = new Map(
      table.columns.map((c) => [c.name, propertyScope.claim(propertyNameFor(c.name), `${propertyNameFor(c.name)}_`)]),
    );
    entities.set(qualifiedKey(table), { ...names, properties, propertyScope });
  }
  const viewNames = new Map<string, ClassNames>();
  for (const view of byDefaultSchemaFirst(views)) {
    viewNames.set(qualifiedKey(view), classFor(view, 'View', `${pascalCase(view.name, 'View')}View`));
  }
  const enumTypes = byDefaultSchemaFirst(enums).map((type) => {
    const own = pascalCase(type.name, 'Enum');
    const names = [own, `${own}Enum`, pascalCase(`${type.schema ?? ''} ${type.name}`, 'Enum')];
    return {
      type,
      tsEnum: tsEnum(classScope.claim(...(isDefault(type) ? names : [own, names[2]!, names[1]!])), type.values),
    };
  });
  const enumByKey = new Map(enumTypes.map((e) => [qualifiedKey(e.type), e.tsEnum]));
  return {
    classScope,
    entity: (table) => entities.get(qualifiedKey(table)),
    view: (view) => viewNames.get(qualifiedKey(view))!,
    enumOf: (type) => enumByKey.get(qualifiedKey(type)),
    enums: enumTypes,
  };
}

import { qualifiedKey, type QualifiedName } from '../model';
import type { ChangeKind, ChangeOf, CommentTarget } from './changes';

/**
 * What is known about each kind of change, in one place: how plans order it, how summaries and reports word it, what
 * object it belongs to. `satisfies` makes a kind without an entry (or an entry for no kind) a compile error, so a new
 * kind of change cannot fall through to a silent default anywhere.
 */
export interface ChangeKindFacts<K extends ChangeKind> {
  /**
   * The reading order when nothing else decides (src/plan/order.ts): prerequisites first, additions before
   * alterations, removals last. Dependencies always win over this rank.
   */
  readonly rank: number;
  /** `+` adds, `-` removes, `~` alters: the summary's sign and the text report's colour. */
  readonly direction: '+' | '-' | '~';
  /** The noun in a one-line summary: singular, plural. */
  readonly words: readonly [one: string, many: string];
  /** The table the change acts on; `undefined` for schema-level objects. */
  readonly table: (change: ChangeOf<K>) => QualifiedName | undefined;
  /**
   * The object a reviewer reads the change under (`table public.users`, `enum public.deck_level`): its table's title
   * when it has a table.
   */
  readonly title: (change: ChangeOf<K>) => string;
  /** The name of the object the change acts on, for ordering and display. */
  readonly object: (change: ChangeOf<K>) => string;
}

/** The name of a comment's object: `public.users.users_pkey`, `public.deck_level`, `billing`. */
export function commentTargetName(target: CommentTarget): string {
  switch (target.kind) {
    case 'index':
    case 'constraint':
      return `${qualifiedKey(target.table)}.${target.name}`;
    case 'schema':
      return target.name;
    default:
      return qualifiedKey(target.object);
  }
}

const tableTitle = (table: QualifiedName): string => `table ${qualifiedKey(table)}`;
const noTable = (): undefined => undefined;
const onTable = (change: { readonly table: QualifiedName }): QualifiedName => change.table;

/** One entry per change kind: a kind without one, or an entry for no kind, does not compile. */
export type ChangeKindTable = { readonly [K in ChangeKind]: ChangeKindFacts<K> };

const FACTS = {
  'schema.create': {
    rank: 0,
    direction: '+',
    words: ['schema', 'schemas'],
    table: noTable,
    title: (c) => `schema ${c.name}`,
    object: (c) => c.name,
  },
  'schema.drop': {
    rank: 18,
    direction: '-',
    words: ['schema', 'schemas'],
    table: noTable,
    title: (c) => `schema ${c.name}`,
    object: (c) => c.name,
  },
  'extension.create': {
    rank: 0,
    direction: '+',
    words: ['extension', 'extensions'],
    table: noTable,
    title: (c) => `extension ${c.name}`,
    object: (c) => c.name,
  },
  // Rank: Last: after everything that may use an extension, or live in a schema, is gone.
  'extension.drop': {
    rank: 17,
    direction: '-',
    words: ['extension', 'extensions'],
    table: noTable,
    title: (c) => `extension ${c.name}`,
    object: (c) => c.name,
  },
  'enum.create': {
    rank: 1,
    direction: '+',
    words: ['enum', 'enums'],
    table: noTable,
    title: (c) => `enum ${qualifiedKey(c.enum)}`,
    object: (c) => qualifiedKey(c.enum),
  },
  'enum.drop': {
    rank: 16,
    direction: '-',
    words: ['enum', 'enums'],
    table: noTable,
    title: (c) => `enum ${qualifiedKey(c.enum)}`,
    object: (c) => qualifiedKey(c.enum),
  },
  'enum.rename': {
    rank: 1,
    direction: '~',
    words: ['enum renamed', 'enums renamed'],
    table: noTable,
    title: (c) => `enum ${qualifiedKey(c.to)}`,
    object: (c) => qualifiedKey(c.to),
  },
  'enum.value.rename': {
    rank: 2,
    direction: '~',
    words: ['enum value renamed', 'enum values renamed'],
    table: noTable,
    title: (c) => `enum ${qualifiedKey(c.enum)}`,
    object: (c) => `${qualifiedKey(c.enum)}.${c.to}`,
  },
  'enum.value.add': {
    rank: 2,
    direction: '+',
    words: ['enum value', 'enum values'],
    table: noTable,
    title: (c) => `enum ${qualifiedKey(c.enum)}`,
    object: (c) => `${qualifiedKey(c.enum)}.${c.value}`,
  },
  'enum.recreate': {
    rank: 8,
    direction: '~',
    words: ['enum swapped', 'enums swapped'],
    table: noTable,
    title: (c) => `enum ${qualifiedKey(c.to)}`,
    object: (c) => qualifiedKey(c.to),
  },
  // Rank: Sequences exist before the tables whose defaults call them; owners are set once the tables exist.
  'sequence.create': {
    rank: 2.5,
    direction: '+',
    words: ['sequence', 'sequences'],
    table: noTable,
    title: (c) => `sequence ${qualifiedKey(c.sequence)}`,
    object: (c) => qualifiedKey(c.sequence),
  },
  'sequence.alter': {
    rank: 13.7,
    direction: '~',
    words: ['sequence', 'sequences'],
    table: noTable,
    title: (c) => `sequence ${qualifiedKey(c.to)}`,
    object: (c) => qualifiedKey(c.to),
  },
  'sequence.drop': {
    rank: 15.5,
    direction: '-',
    words: ['sequence', 'sequences'],
    table: noTable,
    title: (c) => `sequence ${qualifiedKey(c.sequence)}`,
    object: (c) => qualifiedKey(c.sequence),
  },
  // Rank: Renames first: every other change names the renamed objects by their new names.
  'table.rename': {
    rank: 2.1,
    direction: '~',
    words: ['table renamed', 'tables renamed'],
    table: (c) => c.to,
    title: (c) => tableTitle(c.to),
    object: (c) => qualifiedKey(c.to),
  },
  'table.create': {
    rank: 6,
    direction: '+',
    words: ['table', 'tables'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => qualifiedKey(c.table),
  },
  'table.drop': {
    rank: 15,
    direction: '-',
    words: ['table', 'tables'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => qualifiedKey(c.table),
  },
  'table.rebuild': {
    rank: 7,
    direction: '~',
    words: ['table rebuilt', 'tables rebuilt'],
    table: (c) => c.to,
    title: (c) => tableTitle(c.to),
    object: (c) => qualifiedKey(c.to),
  },
  'table.comment': {
    rank: 9,
    direction: '~',
    words: ['table comment', 'table comments'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => qualifiedKey(c.table),
  },
  // Rank: Comments of objects that exist (created ones get theirs with them).
  'comment.set': {
    rank: 13.6,
    direction: '~',
    words: ['comment', 'comments'],
    table: (c) => (c.target.kind === 'index' || c.target.kind === 'constraint' ? c.target.table : undefined),
    title: (c) => (c.target.kind === 'index' || c.target.kind === 'constraint' ? tableTitle(c.target.table) : 'schema'),
    object: (c) => commentTargetName(c.target),
  },
  'column.rename': {
    rank: 2.2,
    direction: '~',
    words: ['column renamed', 'columns renamed'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.to,
  },
  'column.add': {
    rank: 7,
    direction: '+',
    words: ['column', 'columns'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.column.name,
  },
  'column.drop': {
    rank: 14,
    direction: '-',
    words: ['column', 'columns'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.column.name,
  },
  'column.alter': {
    rank: 8,
    direction: '~',
    words: ['column', 'columns'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.to.name,
  },
  'primaryKey.add': {
    rank: 10,
    direction: '+',
    words: ['primary key', 'primary keys'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.primaryKey.name ?? 'primary key',
  },
  'primaryKey.drop': {
    rank: 5,
    direction: '-',
    words: ['primary key', 'primary keys'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.primaryKey.name ?? 'primary key',
  },
  'foreignKey.add': {
    rank: 13,
    direction: '+',
    words: ['foreign key', 'foreign keys'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.foreignKey.name,
  },
  'foreignKey.drop': {
    rank: 3,
    direction: '-',
    words: ['foreign key', 'foreign keys'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.foreignKey.name,
  },
  // Rank: with the foreign keys added (after the keys it references may have been rebuilt).
  'foreignKey.alter': {
    rank: 13.1,
    direction: '~',
    words: ['foreign key', 'foreign keys'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.to.name,
  },
  'unique.add': {
    rank: 11,
    direction: '+',
    words: ['unique', 'uniques'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.unique.name,
  },
  'unique.drop': {
    rank: 4,
    direction: '-',
    words: ['unique', 'uniques'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.unique.name,
  },
  'check.add': {
    rank: 11,
    direction: '+',
    words: ['check', 'checks'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.check.name,
  },
  'check.drop': {
    rank: 4,
    direction: '-',
    words: ['check', 'checks'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.check.name,
  },
  // Rank: After the extensions its operator classes come from (btree_gist), which are created first.
  'exclusion.add': {
    rank: 11,
    direction: '+',
    words: ['exclusion', 'exclusions'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.exclusion.name,
  },
  'exclusion.drop': {
    rank: 4,
    direction: '-',
    words: ['exclusion', 'exclusions'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.exclusion.name,
  },
  'constraint.rename': {
    rank: 2.3,
    direction: '~',
    words: ['constraint renamed', 'constraints renamed'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.to,
  },
  // Rank: After the column changes a NOT VALID constraint may need (a type the existing rows must satisfy).
  'constraint.validate': {
    rank: 13.2,
    direction: '~',
    words: ['constraint validated', 'constraints validated'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.name,
  },
  'index.rename': {
    rank: 2.3,
    direction: '~',
    words: ['index renamed', 'indexes renamed'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.to.name,
  },
  'index.create': {
    rank: 12,
    direction: '+',
    words: ['index', 'indexes'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.index.name,
  },
  'index.drop': {
    rank: 4,
    direction: '-',
    words: ['index', 'indexes'],
    table: onTable,
    title: (c) => tableTitle(c.table),
    object: (c) => c.index.name,
  },
  'view.create': {
    rank: 13.5,
    direction: '+',
    words: ['view', 'views'],
    table: noTable,
    title: (c) => `view ${qualifiedKey(c.view)}`,
    object: (c) => qualifiedKey(c.view),
  },
  'view.drop': {
    rank: 3,
    direction: '-',
    words: ['view', 'views'],
    table: noTable,
    title: (c) => `view ${qualifiedKey(c.view)}`,
    object: (c) => qualifiedKey(c.view),
  },
  'typeormMetadata.create': {
    rank: 0,
    direction: '+',
    words: ['typeorm_metadata table', 'typeorm_metadata tables'],
    table: noTable,
    title: () => 'table typeorm_metadata',
    object: () => 'typeorm_metadata',
  },
} satisfies ChangeKindTable;

/** Every change kind, in summary order (the JSON schema in docs/plan.schema.json lists the same). */
export const CHANGE_KIND_FACTS: ChangeKindTable = FACTS;

/** The facts of one change's kind. */
export function factsOf<K extends ChangeKind>(kind: K): ChangeKindFacts<K> {
  return CHANGE_KIND_FACTS[kind] as ChangeKindFacts<K>;
}

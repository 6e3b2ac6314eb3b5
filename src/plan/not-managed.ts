import type { Change } from '../diff/changes';
import type { Model, NotManaged, NotManagedKind } from '../model';

/**
 * Kinds the plan does not list: TypeORM's own tables (`migrations`, `typeorm_metadata`) are there in every TypeORM
 * database and are always left alone (see `UNMANAGED_TABLES`); they only keep a schema from being dropped.
 */
const UNLISTED: ReadonlySet<NotManagedKind> = new Set(['typeorm table']);

/**
 * What the plan leaves untouched in the database it starts from: `from.notManaged`, with the extensions the target
 * needs (which it manages) and those the plan drops taken out. Absent when nothing is left.
 */
export function notManagedBy(from: Model, to: Model, changes: readonly Change[]): NotManaged[] | undefined {
  const handled = new Set([...to.extensions, ...changes.flatMap((c) => (c.kind === 'extension.drop' ? [c.name] : []))]);
  const left = (from.notManaged ?? [])
    .filter((entry) => !UNLISTED.has(entry.kind))
    .map((entry) =>
      entry.kind === 'extension' ? { ...entry, names: entry.names.filter((name) => !handled.has(name)) } : entry,
    )
    .filter((entry) => entry.names.length > 0);
  return left.length > 0 ? left : undefined;
}

const PLURALS: Readonly<Record<NotManagedKind, string>> = {
  aggregate: 'aggregates',
  domain: 'domains',
  'event trigger': 'event triggers',
  extension: 'extensions',
  'foreign table': 'foreign tables',
  function: 'functions',
  partition: 'partitions',
  policy: 'policies',
  privilege: 'objects with privileges granted',
  procedure: 'procedures',
  publication: 'publications',
  'row level security': 'tables with row level security',
  rule: 'rules',
  sequence: 'standalone sequences',
  trigger: 'triggers',
  type: 'composite or range types',
  'typeorm table': 'TypeORM tables',
  'virtual table': 'virtual tables',
};

const SINGULARS: Readonly<Partial<Record<NotManagedKind, string>>> = {
  privilege: 'object with privileges granted',
  'row level security': 'table with row level security',
  sequence: 'standalone sequence',
  type: 'composite or range type',
  'typeorm table': 'TypeORM table',
};

/** `2 functions, 1 trigger in public; 1 event trigger`: per schema (database-wide objects without `in`). */
export function describeNotManaged(entries: readonly NotManaged[]): string {
  const bySchema = new Map<string, NotManaged[]>();
  for (const entry of entries) bySchema.set(entry.schema ?? '', [...(bySchema.get(entry.schema ?? '') ?? []), entry]);
  return [...bySchema]
    .map(([schema, list]) => {
      const counts = list.map(
        (e) => `${e.names.length} ${e.names.length === 1 ? (SINGULARS[e.kind] ?? e.kind) : PLURALS[e.kind]}`,
      );
      return `${counts.join(', ')}${schema ? ` in ${schema}` : ''}`;
    })
    .join('; ');
}

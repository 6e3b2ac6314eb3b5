import type { Change, ChangeKind } from '../diff/changes';
import type { PlanSummary, PlannedStatement } from './types';

/** How each kind reads in a one-line summary: sign and noun (singular, plural). */
const WORDS: Record<ChangeKind, [string, string, string]> = {
  'schema.create': ['+', 'schema', 'schemas'],
  'schema.drop': ['-', 'schema', 'schemas'],
  'extension.create': ['+', 'extension', 'extensions'],
  'extension.drop': ['-', 'extension', 'extensions'],
  'enum.create': ['+', 'enum', 'enums'],
  'enum.drop': ['-', 'enum', 'enums'],
  'enum.rename': ['~', 'enum renamed', 'enums renamed'],
  'enum.value.rename': ['~', 'enum value renamed', 'enum values renamed'],
  'enum.value.add': ['+', 'enum value', 'enum values'],
  'enum.recreate': ['~', 'enum swapped', 'enums swapped'],
  'sequence.create': ['+', 'sequence', 'sequences'],
  'sequence.alter': ['~', 'sequence', 'sequences'],
  'sequence.drop': ['-', 'sequence', 'sequences'],
  'table.rename': ['~', 'table renamed', 'tables renamed'],
  'table.create': ['+', 'table', 'tables'],
  'table.drop': ['-', 'table', 'tables'],
  'table.rebuild': ['~', 'table rebuilt', 'tables rebuilt'],
  'table.comment': ['~', 'table comment', 'table comments'],
  'comment.set': ['~', 'comment', 'comments'],
  'column.rename': ['~', 'column renamed', 'columns renamed'],
  'column.add': ['+', 'column', 'columns'],
  'column.drop': ['-', 'column', 'columns'],
  'column.alter': ['~', 'column', 'columns'],
  'primaryKey.add': ['+', 'primary key', 'primary keys'],
  'primaryKey.drop': ['-', 'primary key', 'primary keys'],
  'foreignKey.add': ['+', 'foreign key', 'foreign keys'],
  'foreignKey.drop': ['-', 'foreign key', 'foreign keys'],
  'foreignKey.alter': ['~', 'foreign key', 'foreign keys'],
  'unique.add': ['+', 'unique', 'uniques'],
  'unique.drop': ['-', 'unique', 'uniques'],
  'check.add': ['+', 'check', 'checks'],
  'check.drop': ['-', 'check', 'checks'],
  'exclusion.add': ['+', 'exclusion', 'exclusions'],
  'exclusion.drop': ['-', 'exclusion', 'exclusions'],
  'constraint.rename': ['~', 'constraint renamed', 'constraints renamed'],
  'constraint.validate': ['~', 'constraint validated', 'constraints validated'],
  'index.rename': ['~', 'index renamed', 'indexes renamed'],
  'index.create': ['+', 'index', 'indexes'],
  'index.drop': ['-', 'index', 'indexes'],
  'view.create': ['+', 'view', 'views'],
  'view.drop': ['-', 'view', 'views'],
  'typeormMetadata.create': ['+', 'typeorm_metadata table', 'typeorm_metadata tables'],
};

/** Every change kind, in summary order (the JSON schema in docs/plan.schema.json lists the same). */
export const CHANGE_KINDS = Object.keys(WORDS) as ChangeKind[];

/** Counts what a plan does, looking through SQLite rebuilds to the changes they carry. */
export function summarize(changes: readonly Change[], statements: readonly PlannedStatement[]): PlanSummary {
  const byKind: Record<string, number> = {};
  const count = (change: Change): void => {
    byKind[change.kind] = (byKind[change.kind] ?? 0) + 1;
    if (change.kind === 'table.rebuild') change.changes.forEach(count);
  };
  changes.forEach(count);
  const parts = (Object.keys(WORDS) as ChangeKind[])
    .filter((kind) => byKind[kind])
    .map((kind) => {
      const [sign, one, many] = WORDS[kind];
      const n = byKind[kind]!;
      return `${sign}${n} ${n === 1 ? one : many}`;
    });
  return {
    changes: changes.length,
    statements: statements.length,
    byKind,
    hazards: statements.reduce((sum, s) => sum + s.hazards.length, 0),
    text: parts.length === 0 ? 'no changes' : parts.join(', '),
  };
}

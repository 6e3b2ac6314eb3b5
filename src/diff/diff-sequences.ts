import type { Model, Sequence } from '../model';
import { qualifiedKey } from '../model';
import type { Change, SequenceField } from './changes';
import { deepEqual, pairByKey } from './compare-named';

const FIELDS: readonly Exclude<SequenceField, 'ownedBy'>[] = [
  'type',
  'increment',
  'minValue',
  'maxValue',
  'start',
  'cache',
  'cycle',
];

const ownerText = (sequence: Sequence): string =>
  sequence.ownedBy ? `${sequence.ownedBy.table}.${sequence.ownedBy.column}` : 'nothing';

/** Whether `sequence`'s owning column is gone from `to` (its table or the column dropped), which drops the sequence. */
function ownerDropped(sequence: Sequence, to: Model): boolean {
  const owner = sequence.ownedBy;
  if (!owner) return false;
  const key = qualifiedKey({ schema: sequence.schema, name: owner.table });
  const table = to.tables.find((t) => qualifiedKey(t) === key);
  return !table || !table.columns.some((c) => c.name === owner.column);
}

const SEQUENCE_TYPES: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint']);

/**
 * The sequences serial columns imply (`<table>_<column>_seq`, of the column's type, owned by it, default options),
 * by qualified key: a standalone sequence on one side may be a serial's on the other (a column stops or starts
 * being serial but keeps drawing from the same sequence), which is then an ALTER of that sequence, not a create or
 * a drop. Only consulted to pair standalone sequences, so models without sequences (SQLite) never use them.
 */
function impliedSequences(model: Model): Map<string, Sequence> {
  const implied = new Map<string, Sequence>();
  for (const table of model.tables) {
    for (const column of table.columns) {
      if (column.generated !== 'increment' || column.array || !SEQUENCE_TYPES.has(column.type)) continue;
      const sequence: Sequence = {
        schema: table.schema,
        name: `${table.name}_${column.name}_seq`,
        type: column.type as Sequence['type'],
        ownedBy: { table: table.name, column: column.name },
      };
      implied.set(qualifiedKey(sequence), sequence);
    }
  }
  return implied;
}

/**
 * Standalone sequences (PostgreSQL), paired by schema and name. A new sequence is a `sequence.create` without its
 * owner, then a `sequence.alter` setting `OWNED BY` (so a table whose default calls it can be created between the
 * two). A sequence whose owning column or table goes is dropped with it: no `sequence.drop` of its own. `from` is the
 * current model with the declared renames applied (owners follow their tables).
 */
export function diffSequences(from: Model, to: Model): Change[] {
  const changes: Change[] = [];
  const delta = pairByKey(from.sequences ?? [], to.sequences ?? [], qualifiedKey);
  const [wasSerial, becomesSerial] = [impliedSequences(from), impliedSequences(to)];
  const kept = [
    ...delta.kept,
    ...delta.added.flatMap((b) =>
      wasSerial.has(qualifiedKey(b)) ? [{ from: wasSerial.get(qualifiedKey(b))!, to: b }] : [],
    ),
    ...delta.dropped.flatMap((a) =>
      becomesSerial.has(qualifiedKey(a)) ? [{ from: a, to: becomesSerial.get(qualifiedKey(a))! }] : [],
    ),
  ];
  for (const sequence of delta.added) {
    if (wasSerial.has(qualifiedKey(sequence))) continue;
    const { ownedBy, ...unowned } = sequence;
    changes.push({
      kind: 'sequence.create',
      sequence: unowned,
      reason: `sequence ${qualifiedKey(sequence)} is missing`,
    });
    if (ownedBy) {
      changes.push({
        kind: 'sequence.alter',
        from: unowned,
        to: sequence,
        fields: ['ownedBy'],
        reason: `sequence ${qualifiedKey(sequence)} is owned by ${ownerText(sequence)}`,
      });
    }
  }
  for (const sequence of delta.dropped) {
    if (ownerDropped(sequence, to) || becomesSerial.has(qualifiedKey(sequence))) continue;
    changes.push({
      kind: 'sequence.drop',
      sequence,
      reason: `sequence ${qualifiedKey(sequence)} is not in the target schema`,
    });
  }
  for (const { from: a, to: b } of kept) {
    if (a.comment !== b.comment) {
      changes.push({
        kind: 'comment.set',
        target: { kind: 'sequence', object: { schema: b.schema, name: b.name } },
        from: a.comment,
        to: b.comment,
        reason: `comment of sequence ${qualifiedKey(b)} differs`,
      });
    }
    const fields: SequenceField[] = FIELDS.filter((field) => a[field] !== b[field]);
    if (!deepEqual(a.ownedBy, b.ownedBy)) fields.push('ownedBy');
    if (fields.length === 0) continue;
    const what = fields
      .map((field) => (field === 'ownedBy' ? `owner (${ownerText(a)} -> ${ownerText(b)})` : field))
      .join(', ');
    changes.push({
      kind: 'sequence.alter',
      from: a,
      to: b,
      fields,
      reason: `sequence ${qualifiedKey(b)} has a different ${what}`,
    });
  }
  return changes;
}

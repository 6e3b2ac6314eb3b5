import type { Model, Sequence } from '../model';
import { qualifiedKey } from '../model';
import type { Change, SequenceField } from './changes';
import { deepEqual, pairByKey } from './compare-named';

const FIELDS: readonly Exclude<SequenceField, 'ownedBy'>[] = ['type', 'increment', 'minValue', 'maxValue', 'start', 'cache', 'cycle'];

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

/**
 * Standalone sequences (PostgreSQL), paired by schema and name. A new sequence is a `sequence.create` without its
 * owner, then a `sequence.alter` setting `OWNED BY` (so a table whose default calls it can be created between the
 * two). A sequence whose owning column or table goes is dropped with it: no `sequence.drop` of its own. `from` is the
 * current model with the declared renames applied (owners follow their tables).
 */
export function diffSequences(from: Model, to: Model): Change[] {
  const changes: Change[] = [];
  const delta = pairByKey(from.sequences ?? [], to.sequences ?? [], qualifiedKey);
  for (const sequence of delta.added) {
    const { ownedBy, ...unowned } = sequence;
    changes.push({ kind: 'sequence.create', sequence: unowned, reason: `sequence ${qualifiedKey(sequence)} is missing` });
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
    if (ownerDropped(sequence, to)) continue;
    changes.push({ kind: 'sequence.drop', sequence, reason: `sequence ${qualifiedKey(sequence)} is not in the target schema` });
  }
  for (const { from: a, to: b } of delta.kept) {
    const fields: SequenceField[] = FIELDS.filter((field) => a[field] !== b[field]);
    if (!deepEqual(a.ownedBy, b.ownedBy)) fields.push('ownedBy');
    if (fields.length === 0) continue;
    const what = fields.map((field) => (field === 'ownedBy' ? `owner (${ownerText(a)} -> ${ownerText(b)})` : field)).join(', ');
    changes.push({ kind: 'sequence.alter', from: a, to: b, fields, reason: `sequence ${qualifiedKey(b)} has a different ${what}` });
  }
  return changes;
}

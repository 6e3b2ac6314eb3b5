/** PostgreSQL standalone sequences: CREATE, ALTER (type, options, owner; the current value is kept) and DROP. */
import type { ChangeOf } from '../../diff/changes';
import { SchemaplanError } from '../../errors/errors';
import type { Statement } from '../../model';
import { hazard, label } from './hazards';
import { statement } from './render-column';
import { alterSequenceClauses, createSequenceSql, qualifiedSequence } from './sequence';

export function renderSequenceCreate(change: ChangeOf<'sequence.create'>): Statement[] {
  if (change.sequence.ownedBy) {
    throw new SchemaplanError(`internal error: sequence.create of ${label(change.sequence)} carries its owner`);
  }
  return [statement(createSequenceSql(change.sequence))];
}

export function renderSequenceAlter(change: ChangeOf<'sequence.alter'>): Statement[] {
  const clauses = alterSequenceClauses(change.from, change.to);
  if (clauses === '') {
    throw new SchemaplanError(
      `internal error: sequence.alter on ${label(change.to)} changes nothing (${change.fields.join(', ')})`,
    );
  }
  return [statement(`ALTER SEQUENCE ${qualifiedSequence(change.to)} ${clauses}`)];
}

export function renderSequenceDrop(change: ChangeOf<'sequence.drop'>): Statement[] {
  return [
    statement(`DROP SEQUENCE ${qualifiedSequence(change.sequence)}`, [
      hazard.dataLoss(`sequence ${label(change.sequence)} is dropped with its current value`),
    ]),
  ];
}

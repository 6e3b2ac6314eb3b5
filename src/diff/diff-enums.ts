import type { EnumType, Model } from '../model';
import { qualifiedKey } from '../model';
import type { Diagnostic } from '../plan/types';
import type { Change } from './changes';
import { pairByKey } from './compare-named';

export interface PartialDiff {
  readonly changes: readonly Change[];
  readonly diagnostics: readonly Diagnostic[];
}

export function diffExtensions(from: Model, to: Model): Change[] {
  const installed = new Set(from.extensions);
  // Extensions are only ever added: dropping one could take other people's objects with it.
  return to.extensions
    .filter((name) => !installed.has(name))
    .map((name) => ({ kind: 'extension.create' as const, name, reason: `extension ${name} is required by the schema` }));
}

export function diffEnums(from: Model, to: Model): PartialDiff {
  const changes: Change[] = [];
  const diagnostics: Diagnostic[] = [];
  const delta = pairByKey(from.enums, to.enums, qualifiedKey);
  for (const type of delta.added) {
    changes.push({ kind: 'enum.create', enum: type, reason: `enum ${qualifiedKey(type)} is missing` });
  }
  for (const type of delta.dropped) {
    changes.push({ kind: 'enum.drop', enum: type, reason: `enum ${qualifiedKey(type)} is not in the target schema` });
  }
  for (const { from: a, to: b } of delta.kept) {
    const added = addedValues(a, b);
    if (added === undefined) {
      diagnostics.push({
        severity: 'error',
        code: 'ENUM_VALUES_REMOVED_OR_REORDERED',
        message:
          `enum ${qualifiedKey(a)} changes from (${a.values.join(', ')}) to (${b.values.join(', ')}): ` +
          'removing or reordering values needs a type swap, which this version does not plan yet',
        location: `enum ${qualifiedKey(a)}`,
        hint: 'Only add values for now; removal and reordering are tracked in the "Every kind of change" issue.',
      });
      continue;
    }
    for (const { value, before } of added) {
      changes.push({
        kind: 'enum.value.add',
        enum: { schema: a.schema, name: a.name },
        value,
        before,
        reason: `enum ${qualifiedKey(a)} lacks the value '${value}'`,
      });
    }
  }
  return { changes, diagnostics };
}

/**
 * When `to` only inserts labels into `from` (existing labels keep their relative order), the inserted labels with
 * the existing label each goes before (absent: at the end). Otherwise `undefined`: values were removed or reordered.
 */
function addedValues(from: EnumType, to: EnumType): { value: string; before?: string }[] | undefined {
  const existing = new Set(from.values);
  if (!from.values.every((value) => to.values.includes(value))) return undefined;
  const kept = to.values.filter((value) => existing.has(value));
  if (kept.some((value, i) => value !== from.values[i])) return undefined;
  const result: { value: string; before?: string }[] = [];
  to.values.forEach((value, i) => {
    if (existing.has(value)) return;
    const before = to.values.slice(i + 1).find((next) => existing.has(next));
    result.push({ value, before });
  });
  return result;
}

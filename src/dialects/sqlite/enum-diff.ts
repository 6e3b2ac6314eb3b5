import type { Model, Renames } from '../../model';
import type { Decision } from '../../model';
import type { Change } from '../../diff/changes';
import { declarationsFor, labelChanges, valueDecision, type EnumStrategy } from '../../diff/diff-enums';

/**
 * SQLite's enum diff: no named types (the model is carried through); a column whose CHECK labels change carries the
 * declared renames and mappings (`valueMap`) its rebuild copies rows through; a label removed and one added at the
 * same position without a declaration is a decision.
 */
export const sqliteEnums: EnumStrategy = {
  diffTypes: (from: Model) => ({ changes: [], diagnostics: [], decisions: [], from }),
  finishColumns: (tableChanges, _enums, _to, renames: Renames) => finishSqlite(tableChanges, renames),
};

function finishSqlite(tableChanges: readonly Change[], renames: Renames): { changes: Change[]; decisions: Decision[] } {
  const decisions: Decision[] = [];
  const seen = new Set<string>();
  const changes = tableChanges.map((change): Change => {
    if (change.kind !== 'column.alter' || !change.fields.includes('enumValues')) return change;
    const { from, to } = change;
    if (!from.enumValues || !to.enumValues) return change;
    const declared = declarationsFor(renames, (e) =>
      e.columns.some((c) => c.table.name === change.table.name && c.column === to.name),
    );
    const labels = labelChanges(from.enumValues, to.enumValues, declared);
    for (const lookalike of labels.lookalikes) {
      const name = `${change.table.name}.${to.name}`;
      const key = `${name}\u0000${lookalike.from}\u0000${lookalike.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      decisions.push(valueDecision(name, `the enum of ${name}`, lookalike, [{ table: change.table, column: to }]));
    }
    const valueMap = [...labels.renamed, ...labels.mapped];
    return valueMap.length > 0 ? { ...change, valueMap } : change;
  });
  return { changes, decisions };
}

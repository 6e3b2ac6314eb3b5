/** What a SQLite statement risks, in words a reviewer understands. */
import type { Table } from '../../model';
import type { Hazard } from '../../plan/types';

export function tableDropHazard(table: Table): Hazard {
  return { code: 'DATA_LOSS', message: `table "${table.name}" is dropped with all its rows` };
}

export function rebuildHazard(from: Table): Hazard {
  return {
    code: 'SQLITE_REBUILD',
    message:
      `table "${from.name}" is recreated and every row copied (SQLite cannot alter it in place); ` +
      'the database is locked for writes meanwhile and foreign key enforcement is off until the final check',
  };
}

export function droppedColumnHazards(from: Table, to: Table): Hazard[] {
  const kept = new Set(to.columns.map((c) => c.name));
  return from.columns
    .filter((column) => !kept.has(column.name))
    .map((column): Hazard => ({ code: 'DATA_LOSS', message: `column "${from.name}"."${column.name}" is dropped with its data` }));
}

export function notNullHazards(from: Table, to: Table): Hazard[] {
  const before = new Map(from.columns.map((c) => [c.name, c]));
  const hazards: Hazard[] = [];
  for (const column of to.columns) {
    if (column.nullable || column.default !== undefined || column.generated !== undefined || column.computed) continue;
    const old = before.get(column.name);
    if (!old) {
      hazards.push({
        code: 'NOT_NULL_VIOLATION',
        message: `new column "${to.name}"."${column.name}" is NOT NULL without a default: the copy fails if the table has rows`,
      });
    } else if (old.nullable) {
      hazards.push({
        code: 'NOT_NULL_VIOLATION',
        message: `column "${to.name}"."${column.name}" becomes NOT NULL without a default: the copy fails if a row holds NULL`,
      });
    }
  }
  return hazards;
}

import type { Change } from '../../diff/changes';
import type { ScriptFrame } from '../../model';

/**
 * The frame a SQLite script needs when it rebuilds or drops a table, doing what `SqliteSession.apply` does: with
 * foreign keys enforced (`sqlite3 -cmd 'PRAGMA foreign_keys=ON'`, or any app that turns them on), `DROP TABLE` first
 * deletes the table's rows, and `ON DELETE CASCADE` deletes the children's rows with them. The pragma is a no-op
 * inside a transaction, so it comes before `BEGIN`; `PRAGMA foreign_key_check` lists any row left pointing nowhere
 * (it must list none: otherwise roll back instead of committing); enforcement is back on after `COMMIT`.
 */
export function sqliteScriptFrame(changes: readonly Change[]): ScriptFrame | undefined {
  if (!changes.some((change) => change.kind === 'table.rebuild' || change.kind === 'table.drop')) return undefined;
  return {
    before: ['PRAGMA foreign_keys = OFF;', 'BEGIN;'],
    after: [
      '-- lists the rows whose foreign key points nowhere: there must be none, or run ROLLBACK instead of COMMIT',
      'PRAGMA foreign_key_check;',
      'COMMIT;',
      'PRAGMA foreign_keys = ON;',
    ],
  };
}

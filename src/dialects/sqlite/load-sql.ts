import type { Model } from '../../model';
import type { DatabaseTarget } from '../../connect/url';
import type { DatabaseSession } from '../dialect';
import { loadError } from '../load-error';
import { checkSqliteScript } from './check-script';
import { connectSqlite } from './session';

/** A SQLite database file (`:memory:`: one in memory), as a scratch database opens it. */
export const sqliteLocalTarget = (filename: string): DatabaseTarget => ({
  dialect: 'sqlite',
  filename,
  redacted: `sqlite:${filename}`,
});

/** A schema file on SQLite: checked, then run in an in-memory database and read back. */
export async function loadSqliteSql(sql: string, file: string): Promise<Model> {
  checkSqliteScript(sql, file);
  const target = sqliteLocalTarget(':memory:');
  const session: DatabaseSession = await connectSqlite(target);
  try {
    try {
      await session.runScript(sql);
    } catch (error) {
      throw loadError(error, sql, file, 'SQLite', target.redacted);
    }
    return await session.introspect({ schemas: await session.listSchemas() });
  } finally {
    await session.close();
  }
}

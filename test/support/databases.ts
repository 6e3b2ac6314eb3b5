import path from 'node:path';
import type { DialectName } from '../../src/model';
import { createTestDatabase } from './postgres';
import { tempDir } from './temp';
import type { OracleTarget } from './typeorm-oracle';

export const DIALECTS: readonly DialectName[] = ['postgres', 'sqlite'];

/** A fresh, empty, real database of one dialect: its own PostgreSQL database, or a new SQLite file. */
export interface TestDatabase {
  readonly dialect: DialectName;
  readonly url: string;
  readonly oracle: OracleTarget;
  drop(): Promise<void>;
}

export async function freshDatabase(dialect: DialectName, prefix: string): Promise<TestDatabase> {
  if (dialect === 'postgres') {
    const db = await createTestDatabase(prefix);
    return { dialect, url: db.url, oracle: { dialect, url: db.url }, drop: db.drop };
  }
  const dir = tempDir(prefix);
  const file = path.join(dir.dir, 'test.sqlite');
  return { dialect, url: `sqlite://${file}`, oracle: { dialect, file }, drop: async () => dir.remove() };
}

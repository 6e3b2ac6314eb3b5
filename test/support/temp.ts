import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `schemaplan-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh temporary directory set up as an app with the repository's packages installed (`node_modules` links to
 * the repository's): schemaplan takes TypeORM and the drivers from the app, as it does in a real project.
 */
export function tempProject(prefix: string): { dir: string; remove(): void } {
  const temp = tempDir(prefix);
  symlinkSync(path.resolve(__dirname, '..', '..', 'node_modules'), path.join(temp.dir, 'node_modules'), 'dir');
  return temp;
}

import path from 'node:path';
import { requireUserFile } from '../../src/compile/load-entities';

/** The classes a migration file exports, loaded as an app loads them (`.ts` transpiled on the fly). */
export function migrationClasses(files: readonly string[], dir: string): Function[] {
  return files.flatMap((file) =>
    Object.values(requireUserFile(path.join(dir, file), dir, 'migration file')).filter(
      (v): v is Function => typeof v === 'function',
    ),
  );
}

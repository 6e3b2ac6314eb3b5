import 'reflect-metadata';
import { loadEntities } from '../../src/compile/load-entities';
import { REPO_ROOT } from './cli';

/** The entity classes of a folder of entity files (e.g. `schema` or `fixtures/x/to`), relative to the repo root. */
export async function entityClasses(folder: string): Promise<readonly Function[]> {
  return (await loadEntities([`${folder}/**/*.ts`], REPO_ROOT)).classes;
}

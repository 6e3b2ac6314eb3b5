import { appTypeorm } from '../typeorm/runtime';
import { EntityLoadError } from '../errors/errors';

/**
 * Checks that the classes the entity files export are what the user meant: at least one of them is an entity (else
 * the glob most likely points at the wrong files, and a plan would drop every table), and no class carries column or
 * relation decorators without being an entity, an embedded class or the base class of one (a forgotten `@Entity()`).
 * `fileOf` gives the file each class came from, relative to the working directory.
 */
export function checkEntityClasses(
  classes: readonly Function[],
  fileOf: ReadonlyMap<Function, string>,
  globs: readonly string[],
): void {
  const storage = appTypeorm().getMetadataArgsStorage();
  const entityTargets = new Set<Function | string>(storage.tables.map((table) => table.target));
  const isEntity = (target: Function) => entityTargets.has(target);
  const decorated = new Set<Function | string>([
    ...storage.columns.map((column) => column.target),
    ...storage.relations.map((relation) => relation.target),
  ]);
  const embedded = new Set<Function>(
    storage.embeddeds.map((e) => e.type()).filter((t): t is Function => typeof t === 'function'),
  );
  const entityClasses = [...entityTargets].filter((t): t is Function => typeof t === 'function');
  const isBaseOfEntity = (candidate: Function) =>
    entityClasses.some((entity) => entity !== candidate && entity.prototype instanceof candidate);

  for (const cls of classes) {
    if (isEntity(cls) || !decorated.has(cls) || embedded.has(cls) || isBaseOfEntity(cls)) continue;
    const file = fileOf.get(cls);
    throw new EntityLoadError(
      `class ${cls.name}${file ? ` (${file})` : ''} has column decorators but is not an entity: it lacks @Entity()`,
      `Add @Entity() to ${cls.name}, or use it as an embedded type or as the base class of an entity.`,
    );
  }
  if (classes.length > 0 && !classes.some(isEntity)) {
    const files = [...new Set(fileOf.values())];
    const shown = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
    throw new EntityLoadError(
      `no entities in the files matching ${globs.join(', ')}: none of the classes exported by ${shown} has @Entity()`,
      'Point --entities at your TypeORM entity files (an empty schema would plan to drop every table).',
    );
  }
}

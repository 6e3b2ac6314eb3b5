import { compileFiles, type CompileResult } from '../compile/compile';
import type { RenamesFile } from '../hints/renames-file';
import { excludeFromModel, type DialectName } from '../model';
import type { Sources } from './sources';
import { dialectFor } from '../dialects/registry';

/** The entity side of `Sources`: what to compile and how. */
export type EntitySources = Pick<Sources, 'entities' | 'cwd'> &
  Partial<Pick<Sources, 'entityClasses' | 'compile' | 'exclude' | 'schemas'>>;

/**
 * Compiles the entities for a dialect as configured (a data source's classes and naming strategy), without the
 * excluded tables; on PostgreSQL the configured `schemas` belong to the desired model (created when missing).
 */
export async function compileSources(
  sources: EntitySources,
  dialect: DialectName,
  renamesFile?: RenamesFile,
): Promise<CompileResult> {
  const compiled = await compileFiles(sources.entities, dialect, sources.cwd, {
    ...sources.compile,
    classes: sources.entityClasses,
    renamesFile,
  });
  let model = excludeFromModel(compiled.model, sources.exclude ?? []);
  if (dialectFor(dialect).capabilities.schemas && sources.schemas?.length)
    model = { ...model, schemas: [...(model.schemas ?? []), ...sources.schemas] };
  return model === compiled.model ? compiled : { ...compiled, model };
}

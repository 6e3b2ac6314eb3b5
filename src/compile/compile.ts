import type { DialectName } from '../model';
import { buildMetadata, type MetadataOptions } from './build-metadata';
import { loadEntities } from './load-entities';
import { metadataToModel, type CompiledModel } from './metadata-to-model';

export type CompileOptions = MetadataOptions;

export interface CompileResult extends CompiledModel {
  readonly files: readonly string[];
}

/** Entity classes -> canonical model for one dialect. */
export async function compileEntities(
  entities: readonly Function[],
  dialect: DialectName,
  options: CompileOptions = {},
): Promise<CompiledModel> {
  const built = await buildMetadata(entities, dialect, options);
  const compiled = metadataToModel(built.dataSource, built.entityMetadatas, dialect);
  const notes = built.enumsAsSimpleEnum.map((column) => ({
    severity: 'info' as const,
    code: 'ENUM_AS_CHECK',
    message: `${column}: enum compiled as a CHECK constraint for SQLite (TypeORM's simple-enum semantics)`,
    location: `column ${column}`,
  }));
  return { model: compiled.model, diagnostics: [...compiled.diagnostics, ...notes] };
}

/** Entity files (globs relative to `cwd`) -> canonical model for one dialect. */
export async function compileFiles(
  globs: readonly string[],
  dialect: DialectName,
  cwd: string,
  options: CompileOptions = {},
): Promise<CompileResult> {
  const { classes, files } = await loadEntities(globs, cwd);
  return { ...(await compileEntities(classes, dialect, options)), files };
}

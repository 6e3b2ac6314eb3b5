import type { RenamesFile } from '../hints/renames-file';
import type { EntityMetadata } from 'typeorm';
import type { EntityNames } from '../diff/diff-renames';
import type { DialectName, Renames } from '../model';
import { qualifiedKey } from '../model';
import { buildMetadata, type MetadataOptions } from './build-metadata';
import { dialectFor } from '../dialects/registry';
import { checkIdentifierCharacters, checkIdentifierLengths } from './identifier-length';
import path from 'node:path';
import { appTypeorm, locateTypeorm, loadedTypeorm } from '../typeorm/runtime';
import { findEntityFiles, loadEntities } from './load-entities';
import { nodeLoaderInUse, recordLoad } from './load-record';
import { ModelCache } from './model-cache';
import { governedDirectories } from './tsconfig-paths';
import { metadataToModel, type CompiledModel } from './metadata-to-model';
import { resolveRenames } from './resolve-renames';

export interface CompileOptions extends MetadataOptions {
  /** A parsed `schema/renames.json`, merged with the `@RenamedFrom` declarations of the entities. */
  readonly renamesFile?: RenamesFile;
}

export interface CompiledSchema extends CompiledModel {
  /** Declared renames, in database names of this dialect. */
  readonly renames: Renames;
  /** Entity class and property names of the tables and columns, for hints that name them. */
  readonly entityNames: EntityNames;
}

export interface CompileResult extends CompiledSchema {
  readonly files: readonly string[];
}

/** Entity classes -> canonical model for one dialect, with the renames declared for it. */
export async function compileEntities(
  entities: readonly Function[],
  dialect: DialectName,
  options: CompileOptions = {},
): Promise<CompiledSchema> {
  const built = await buildMetadata(entities, dialect, options);
  const compiled = metadataToModel(built.dataSource, built.entityMetadatas, dialect);
  const notes = built.enumsAsSimpleEnum.map((column) => ({
    severity: 'info' as const,
    code: 'ENUM_AS_CHECK',
    message: `${column}: enum compiled as a CHECK constraint for SQLite (TypeORM's simple-enum semantics)`,
    location: `column ${column}`,
  }));
  const spoken = dialectFor(dialect);
  const defaultSchema = spoken.capabilities.schemas ? (options.schema ?? spoken.defaultSchema) : undefined;
  const renames = resolveRenames(
    {
      dataSource: built.dataSource,
      metadatas: built.entityMetadatas,
      dialect,
      defaultSchema,
    },
    options.renamesFile,
  );
  const entityNames = namesOf(built.entityMetadatas, defaultSchema);
  checkIdentifierCharacters(compiled.model, entityNames);
  checkIdentifierLengths(compiled.model, entityNames, spoken);
  return {
    model: compiled.model,
    diagnostics: [...compiled.diagnostics, ...notes],
    unmanaged: compiled.unmanaged,
    renames,
    entityNames,
  };
}

function namesOf(metadatas: readonly EntityMetadata[], defaultSchema: string | undefined): EntityNames {
  const tables: Record<string, string> = {};
  const columns: Record<string, string> = {};
  for (const metadata of metadatas) {
    // A junction has no class or properties to name (its metadata's `targetName` is empty).
    if (metadata.tableType === 'entity-child' || metadata.tableType === 'view' || !metadata.targetName) continue;
    const key = qualifiedKey({ schema: defaultSchema && (metadata.schema ?? defaultSchema), name: metadata.tableName });
    tables[key] = metadata.targetName;
    for (const column of metadata.columns)
      columns[`${key}.${column.databaseName}`] ??= `${metadata.targetName}.${column.propertyPath}`;
  }
  return { tables, columns };
}

export interface CompileFilesOptions extends CompileOptions {
  /** Entity classes compiled with those the files export (a data source's `entities`); `globs` may then be empty. */
  readonly classes?: readonly Function[];
}

/**
 * Entity files (globs relative to `cwd`), and classes given as such, -> canonical model for one dialect. Entity files
 * alone (no classes, no naming strategy object: nothing loaded before that the cache could not see) go through the
 * compiled-model cache (see `ModelCache`): while nothing loading read has changed, neither TypeORM nor the files are
 * loaded again.
 */
export async function compileFiles(
  globs: readonly string[],
  dialect: DialectName,
  cwd: string,
  options: CompileFilesOptions = {},
): Promise<CompileResult> {
  const given = options.classes ?? [];
  if (given.length === 0 && globs.length > 0 && !options.namingStrategy && nodeLoaderInUse()) {
    const cache = ModelCache.forProject(cwd);
    const files = cache.enabled ? await findEntityFiles(globs, cwd) : [];
    if (files.length > 0) return compileCached(cache, globs, files, dialect, cwd, options);
  }
  const { classes, files } =
    globs.length > 0 || given.length === 0 ? await loadEntities(globs, cwd) : { classes: [], files: [] };
  return { ...(await compileEntities([...new Set([...given, ...classes])], dialect, options)), files };
}

async function compileCached(
  cache: ModelCache,
  globs: readonly string[],
  files: readonly string[],
  dialect: DialectName,
  cwd: string,
  options: CompileOptions,
): Promise<CompileResult> {
  let typeorm: { version: string; packageDir: string };
  try {
    // As the entity files' `import 'typeorm'` will find it (see `shareModules`).
    typeorm = locateTypeorm(path.dirname(files[0]!));
  } catch {
    // No usable TypeORM: loading says so.
    const { classes, files: loaded } = await loadEntities(globs, cwd);
    return { ...(await compileEntities(classes, dialect, options)), files: loaded };
  }
  const key = {
    cwd,
    globs,
    files,
    dialect,
    typeorm: [typeorm.version, typeorm.packageDir],
    schema: options.schema ?? null,
    uuidExtension: options.uuidExtension ?? null,
    entityPrefix: options.entityPrefix ?? null,
    renamesFile: options.renamesFile ?? null,
  };
  const hit = cache.lookup(key) as CompiledSchema | undefined;
  if (hit) return { ...hit, files };
  // TypeORM (and its dependencies, one of which lists the environment) is loaded before recording: the key covers it.
  appTypeorm(path.dirname(files[0]!));
  const { value, record } = await recordLoad(async () => {
    const { classes } = await loadEntities(globs, cwd);
    return compileEntities(classes, dialect, options);
  });
  const loaded = loadedTypeorm();
  if (loaded?.packageDir === typeorm.packageDir)
    cache.store(key, record, governedDirectories(), typeorm.packageDir, value);
  return { ...value, files };
}

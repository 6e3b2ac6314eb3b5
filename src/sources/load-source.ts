import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MetadataOptions } from '../compile/build-metadata';
import { compileSources } from '../config/compile-sources';
import { parseDatabaseUrl } from '../connect/url';
import type { ConnectOptions, DatabaseSession } from '../dialects/dialect';
import { dialectFor } from '../dialects/registry';
import type { EntityNames } from '../diff/diff-renames';
import { SourceError, UsageError } from '../errors/errors';
import { modelOf, parseModelDocument } from '../generate/model-document';
import { validateModelJson } from '../generate/model-schema';
import type { RenamesFile } from '../hints/renames-file';
import {
  excludeFromModel,
  type DialectName,
  type Model,
  type ModelDocument,
  type Renames,
  type TargetScope,
} from '../model';
import type { Diagnostic } from '../plan/types';
import type { SourceSpec } from './source-spec';
import { loadSqlFile } from './sql-file';

/** One side of a diff, read into a model. */
export interface LoadedSource {
  readonly spec: SourceSpec;
  readonly model: Model;
  /** Entities: the renames they declare and their class names (for hints). */
  readonly renames?: Renames;
  readonly entityNames?: EntityNames;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * What the model lists, as a diff's TO side: `needs` when it was compiled from entities (directly, or a
   * `generated/model.json` document), which name only the schemas and extensions they use; `inventory` for a database,
   * a `.sql` file or a raw model (`inspect --format json`), which list everything (see `TargetScope`).
   */
  readonly scope: TargetScope;
  /** A database: the open session (for measuring rows) and its version. The caller closes it. */
  readonly session?: DatabaseSession;
  readonly serverVersion?: string;
}

/**
 * The dialect both sides are read in: a database says it; otherwise `--dialect`, else a raw model file's own, else
 * `--dev-url` (PostgreSQL's: `.sql` sides are evaluated there). `options.missingHint`: what to do when nothing says
 * (the CLI gives the whole command again, with `--dialect`).
 */
export function diffDialect(
  from: SourceSpec,
  to: SourceSpec,
  flag: DialectName | undefined,
  cwd: string,
  options: { readonly devUrl?: string; readonly missingHint?: string } = {},
): DialectName {
  const said = [from, to].flatMap((spec) => {
    if (spec.kind === 'database') return [{ dialect: spec.dialect, by: spec.label }];
    if (spec.kind === 'model' || spec.kind === 'modelData') {
      const own = rawModelDialect(modelData(spec, cwd), spec.label);
      return own ? [{ dialect: own, by: spec.label }] : [];
    }
    return [];
  });
  if (flag) said.unshift({ dialect: flag, by: '--dialect' });
  if (options.devUrl !== undefined) said.push({ dialect: 'postgres', by: '--dev-url' });
  const first = said[0];
  if (!first) {
    throw new UsageError(
      'cannot tell which dialect to compare in: no side is a database',
      options.missingHint ?? 'Name it with --dialect postgres or --dialect sqlite.',
    );
  }
  const other = said.find((s) => s.dialect !== first.dialect);
  if (other) {
    const hint =
      other.by === '--dev-url'
        ? '--dev-url is a PostgreSQL database to evaluate .sql sides in; SQLite evaluates them in memory: drop --dev-url.'
        : 'Both sides of a diff must be of one dialect.';
    throw new UsageError(`${first.by} is ${first.dialect} but ${other.by} is ${other.dialect}`, hint);
  }
  return first.dialect;
}

function readJson(file: string, cwd: string): unknown {
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new SourceError(
      `cannot read model file ${file}: ${(error as Error).message}`,
      'Check the path of the .json file.',
      { cause: error },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SourceError(
      `${file}: not valid JSON: ${(error as Error).message}`,
      'Write it with `schema generate` or `schema inspect --format json`.',
    );
  }
}

/** A model file holds either a model document (`generated/model.json`) or one model (`inspect --format json`). */
function isRawModel(data: unknown): data is Model {
  return typeof data === 'object' && data !== null && 'dialect' in data && 'tables' in data;
}

/**
 * The JSON of a model side: the file's, or the data given, through JSON (so it is checked and read exactly as the same
 * file would be, and the caller's objects are never shared with the plan).
 */
function modelData(spec: Extract<SourceSpec, { kind: 'model' | 'modelData' }>, cwd: string): unknown {
  if (spec.kind === 'model') return readJson(spec.file, cwd);
  try {
    return JSON.parse(JSON.stringify(spec.data)) as unknown;
  } catch (error) {
    throw new SourceError(
      `${spec.label}: not JSON data: ${(error as Error).message}`,
      'Give a model as inspect() returns it, or a model document as generated/model.json holds it.',
    );
  }
}

function rawModelDialect(data: unknown, label: string): DialectName | undefined {
  if (!isRawModel(data)) return undefined;
  validateModelJson(data, 'model', label);
  return data.dialect;
}

/**
 * A model side: a raw model (checked against the model's JSON Schema, then used as it is: an inventory) or a model
 * document (its model for `dialect`: what the entities need).
 */
function modelSide(data: unknown, label: string, dialect: DialectName): { model: Model; scope: TargetScope } {
  if (isRawModel(data)) {
    validateModelJson(data, 'model', label);
    return { model: data, scope: 'inventory' };
  }
  const document: ModelDocument = parseModelDocument(JSON.stringify(data), label);
  return { model: modelOf(document, dialect, label), scope: 'needs' };
}

export interface LoadOptions {
  readonly cwd: string;
  /** PostgreSQL schemas to read from a database side (default: all user schemas). */
  readonly schemas?: readonly string[];
  /**
   * PostgreSQL: where a `.sql` side is evaluated instead of the sandbox (PGlite): an empty dev database (`--dev-url`),
   * used in a rolled-back transaction. Never the other side's server: a schema file does not run with its credentials.
   */
  readonly devUrl?: string;
  readonly renamesFile?: RenamesFile;
  /** How entity sides are compiled: the project's naming strategy, entity prefix and PostgreSQL schema (a data source's). */
  readonly compile?: MetadataOptions;
  /** Tables (names or simple globs) left out of every side, as the project's config excludes them. */
  readonly exclude?: readonly string[];
  /** PostgreSQL schemas an entity side manages besides those its entities name (the config's `schemas`). */
  readonly extraSchemas?: readonly string[];
  /** How a database side is opened (read-only, cancellation, timeouts). */
  readonly connect?: ConnectOptions;
}

/**
 * Reads one side, without the excluded tables. A database side stays connected (see `LoadedSource.session`);
 * everything else is closed.
 */
export async function loadSource(spec: SourceSpec, dialect: DialectName, options: LoadOptions): Promise<LoadedSource> {
  const loaded = await loadSide(spec, dialect, options);
  const exclude = options.exclude ?? [];
  return exclude.length > 0 && spec.kind !== 'entities'
    ? { ...loaded, model: excludeFromModel(loaded.model, exclude) }
    : loaded;
}

async function loadSide(spec: SourceSpec, dialect: DialectName, options: LoadOptions): Promise<LoadedSource> {
  switch (spec.kind) {
    case 'entities': {
      const sources = {
        entities: spec.globs,
        cwd: options.cwd,
        compile: options.compile,
        exclude: options.exclude,
        schemas: options.extraSchemas,
      };
      const compiled = await compileSources(sources, dialect, options.renamesFile);
      return {
        spec,
        model: compiled.model,
        renames: compiled.renames,
        entityNames: compiled.entityNames,
        diagnostics: compiled.diagnostics,
        scope: 'needs',
      };
    }
    case 'model':
    case 'modelData':
      return { spec, ...modelSide(modelData(spec, options.cwd), spec.label, dialect), diagnostics: [] };
    case 'sql': {
      const model = await loadSqlFile(spec.file, dialect, { cwd: options.cwd, devUrl: options.devUrl });
      return { spec, model, diagnostics: [], scope: 'inventory' };
    }
    case 'database': {
      const target = parseDatabaseUrl(spec.url, options.cwd);
      const session = await dialectFor(target.dialect).connect(target, { create: false, ...options.connect });
      try {
        const schemas = options.schemas ?? (await session.listSchemas());
        const model = await session.introspect({ schemas });
        return {
          spec,
          model,
          diagnostics: [],
          scope: 'inventory',
          session,
          serverVersion: await session.serverVersion(),
        };
      } catch (error) {
        await session.close();
        throw error;
      }
    }
  }
}

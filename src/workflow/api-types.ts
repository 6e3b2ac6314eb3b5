/**
 * Options and results of the library API (`plan`, `apply`, `diff`, `inspect`): the CLI's flags in camelCase, plus
 * what only code can give (a DataSource, entity classes, answers, a signal, a progress callback).
 */
import type { DataSource } from 'typeorm';
import type { LockRetry } from '../dialects/dialect';
import type { DialectName, Model, ModelDocument } from '../model';
import type { HazardCode } from '../plan/types';
import type { PlanDocument } from './plan-document';

/** Where the schema and the database come from; every field defaults as the CLI's flag does. */
export interface SourceOptions {
  /**
   * Database URL (`postgres://...`, `sqlite://file.db`). Default: `DATABASE_URL` from `env`, else from the project's
   * `.env`, else the config file's `url`, else the data source's connection, else `sqlite://dev.db`.
   */
  readonly url?: string;
  /**
   * The entities, as TypeORM's DataSource takes them: globs of their files (absolute, or relative to `cwd`) and/or
   * entity classes. Default: `SCHEMA_ENTITIES`, else the config file's, else the data source's, else `schema/**\/*.ts`.
   */
  readonly entities?: readonly (string | Function)[];
  /** Config file (`--config`). Default: `SCHEMA_CONFIG`, else `schema.config.json|ts|js` in `cwd` if present. */
  readonly config?: string;
  /** A TypeORM DataSource file, or a DataSource itself (it is not initialized): entities, naming strategy, connection. */
  readonly dataSource?: string | DataSource;
  /** Declared renames file (`--renames`). Default: `SCHEMA_RENAMES`, else the config's, else `schema/renames.json` if it exists. */
  readonly renames?: string;
  /** PostgreSQL: build and drop indexes of existing tables CONCURRENTLY (`--concurrently`). */
  readonly concurrently?: boolean;
  /** The project root, which relative paths resolve against. Default: `process.cwd()`. */
  readonly cwd?: string;
  /** The environment settings are read from (`DATABASE_URL`, `SCHEMA_*`). Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Cancels the call: the running statement is cancelled and rolled back; the call rejects with `CancelledError`. */
  readonly signal?: AbortSignal;
  /** Called as the work goes on (see `ProgressEvent`); it must not throw. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** An answer to an open question of the plan (`PlanDocument.decisions`): is `to` renamed from `from`? */
export interface RenameAnswer {
  /** `Decision.from`, e.g. `users.name`. */
  readonly from: string;
  /** `Decision.to`, e.g. `users.full_name`. */
  readonly to: string;
  /** true: renamed (data kept); false: `from` is dropped and `to` created. */
  readonly rename: boolean;
  /** `Decision.object`, when `from`/`to` alone are ambiguous. */
  readonly object?: 'table' | 'column' | 'enum' | 'enumValue';
}

export interface PlanOptions extends SourceOptions {
  /** Seconds any statement waits for a lock (`--lock-timeout`, default 5). */
  readonly lockTimeout?: number;
  /** Seconds any statement may run (`--statement-timeout`, default: no limit). */
  readonly statementTimeout?: number;
  /** Answers to open questions, for this call only (the renames file is not written). */
  readonly answers?: readonly RenameAnswer[];
}

export interface ApplyOptions extends PlanOptions {
  /**
   * Hazards the plan may have (`--allow-hazards`, `--allow-all-hazards`: `'all'`). Hazards the counted rows make fail
   * are refused whatever this says (`FailingHazardsError`). Default: none.
   */
  readonly allowHazards?: readonly HazardCode[] | 'all';
}

/**
 * One side of `diff()`: a database URL, `entities:GLOB[,GLOB]`, a model `.json` file or a `.sql` file (as
 * `schema diff --from/--to` take them), or the same data in memory: a model (as `inspect()` returns it) or a model
 * document (as `generated/model.json` holds it). Data is checked as a file would be (`SourceError` if it is not one).
 */
export type DiffSource = string | Model | ModelDocument;

export interface DiffOptions {
  /** The current state. */
  readonly from: DiffSource;
  /** The desired state. */
  readonly to: DiffSource;
  /** When neither side is a database (nor `devUrl` given): the dialect to compare in. */
  readonly dialect?: DialectName;
  /** PostgreSQL: an empty database to evaluate `.sql` sides in (default: the built-in sandbox, PGlite). */
  readonly devUrl?: string;
  readonly renames?: string;
  readonly config?: string;
  readonly dataSource?: string | DataSource;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly signal?: AbortSignal;
}

export interface InspectOptions extends Omit<SourceOptions, 'renames' | 'concurrently' | 'onProgress'> {
  /** The model of the entities compiled for this dialect (no database is read). Default: the database's model. */
  readonly dialect?: DialectName;
}

/** What `apply` did. */
export interface ApplyResult {
  /** The plan that was applied (as `plan()` returns it). */
  readonly plan: PlanDocument;
  /** The statements run, in order, with how long each took; empty when there was nothing to do. */
  readonly applied: readonly AppliedStatement[];
  /** Milliseconds from taking the lock to the last commit. */
  readonly ms: number;
  /** The database re-planned after apply: nothing is left to do (apply throws `ConvergenceError` otherwise). */
  readonly verification: { readonly inLine: true; readonly remainingChanges: 0; readonly schemaHash: string };
}

export interface AppliedStatement {
  readonly sql: string;
  readonly ms: number;
}

/** Progress of a call (`onProgress`). Indexes count from 0. */
export type ProgressEvent =
  | { readonly kind: 'connecting'; readonly target: string }
  | { readonly kind: 'planned'; readonly statements: number; readonly decisions: number }
  | { readonly kind: 'phase'; readonly index: number; readonly count: number; readonly transactional: boolean }
  | { readonly kind: 'statement'; readonly sql: string; readonly index: number; readonly count: number }
  | {
      readonly kind: 'statementDone';
      readonly sql: string;
      readonly index: number;
      readonly count: number;
      readonly ms: number;
    }
  | { readonly kind: 'retry'; readonly retry: LockRetry }
  | { readonly kind: 'verifying' };

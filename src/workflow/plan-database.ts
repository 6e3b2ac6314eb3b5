import { compileSources } from '../config/compile-sources';
import type { Sources } from '../config/sources';
import { parseDatabaseUrl, type DatabaseTarget } from '../connect/url';
import type { ApplyOptions, ConnectOptions, DatabaseSession, Dialect } from '../dialects/dialect';
import { dialectFor } from '../dialects/registry';
import type { EntityNames } from '../diff/diff-renames';
import { readRenamesFile } from '../hints/renames-file';
import { anySignal } from '../dialects/abort';
import { CancelledError, StalePlanError } from '../errors/errors';
import {
  declarableByEntities,
  excludeFromModel,
  hashModel,
  type Model,
  type QualifiedName,
  type Renames,
} from '../model';
import { planModels } from './plan-models';
import type { Diagnostic, Plan } from '../plan/types';

export type { Sources };

/** What the user declared besides the entities' shapes: renames, and the entity names hints refer to. */
export interface Declared {
  readonly renames: Renames;
  readonly entityNames: EntityNames;
}

/** How the plan is made, beyond what is compared (the public `PlanOptions` of the API are in api-types.ts). */
export interface PlanScope {
  /** PostgreSQL: indexes of existing tables are built and dropped CONCURRENTLY. */
  readonly concurrently?: boolean;
  /** Tables (names or simple globs) left out of both sides before diffing: never read, planned or dropped. */
  readonly exclude?: readonly string[];
  /** PostgreSQL schemas read besides those the desired model names. */
  readonly schemas?: readonly string[];
  /** Tables and views of entities with `synchronize: false`, left out of the database side as TypeORM leaves them. */
  readonly unmanaged?: readonly QualifiedName[];
}

export interface PlannedTarget {
  readonly target: DatabaseTarget;
  readonly dialect: Dialect;
  readonly session: DatabaseSession;
  /** The database's schema as introspected for `plan` (before any apply). */
  readonly current: Model;
  readonly desired: Model;
  readonly declared: Declared;
  readonly options: PlanScope;
  /** The renames file hints point at (as the user named it, or the default). */
  readonly renamesFile: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly plan: Plan;
  readonly serverVersion: string;
}

/**
 * PostgreSQL schemas the desired model lives in, and those configured (`schemas`): only these are read, so other
 * schemas are never touched.
 */
export function managedSchemas(model: Pick<Model, 'tables' | 'enums'>, extra: readonly string[] = []): string[] {
  const schemas = new Set<string>(['public', ...extra]);
  for (const table of model.tables) if (table.schema) schemas.add(table.schema);
  for (const type of model.enums) if (type.schema) schemas.add(type.schema);
  return [...schemas].sort();
}

/** How `planAgainstDatabase` connects. */
export interface PlanConnectOptions extends ConnectOptions {
  /**
   * Called with the database once the entities have compiled, before the connection (opened meanwhile) is used: a
   * connection error follows it, an entity error comes without it (the CLI names the database then).
   */
  readonly connecting?: (target: DatabaseTarget) => void;
}

/** A cancellation while planning, as the one line the CLI prints: planning changes nothing. */
function cancelledPlanning(error: unknown): unknown {
  return error instanceof CancelledError
    ? new CancelledError('cancelled while planning; nothing was applied', { cause: error })
    : error;
}

/**
 * Compiles the entities (with the declared renames), connects, introspects and plans. The caller closes `session`.
 * `sources` may be given as the promise `resolveSources` returns. `create: false` (plan): a database that does not
 * exist is planned against as an empty one, not created, and the plan says so. `connect` also bounds the session's
 * waits and carries the signal that cancels planning (`CancelledError`); the session keeps both.
 *
 * The connection is opened, and the schemas known before compiling are read, while the entities compile (see
 * `readEarly`): a first run loads and transpiles every entity file, seconds at a thousand entities, and the server
 * answers meanwhile. Errors come in the order they would without it: the entities' first, then the connection's.
 */
export async function planAgainstDatabase(
  given: Sources | Promise<Sources>,
  connect: PlanConnectOptions = {},
): Promise<PlannedTarget> {
  const sources = await given;
  const target = parseDatabaseUrl(sources.url, sources.cwd);
  const dialect = dialectFor(target.dialect);
  const renames = sources.renames;
  const renamesFile = renames ? readRenamesFile(renames.file, sources.cwd, renames.required) : undefined;
  const { connecting, ...connectOptions } = connect;
  // Not when connecting would create the database (SQLite's file, on apply): an entity error must leave nothing.
  const early =
    !connect.signal?.aborted && (connect.create === false || !dialect.capabilities.connectingCreates)
      ? readEarly(
          (signal) => dialect.connect(target, { ...connectOptions, signal }),
          connect.signal,
          knownSchemas(sources),
        )
      : undefined;
  let compiled: Awaited<ReturnType<typeof compileSources>>;
  try {
    compiled = await compileSources(sources, dialect.name, renamesFile);
  } catch (error) {
    early?.abandon();
    throw error;
  }
  const declared = { renames: compiled.renames, entityNames: compiled.entityNames };
  if (connect.signal?.aborted) {
    early?.abandon();
    throw cancelledPlanning(new CancelledError('cancelled'));
  }
  connecting?.(target);
  const session = await (early?.session ?? dialect.connect(target, connectOptions)).catch((error: unknown) => {
    throw cancelledPlanning(error);
  });
  try {
    const options = {
      concurrently: sources.concurrently,
      exclude: sources.exclude,
      schemas: sources.schemas,
      unmanaged: compiled.unmanaged,
    };
    // The plan normalises the desired model, which the dialect remembers: done while the server may still answer.
    if (early) dialect.normalize(compiled.model);
    const read = await early?.read;
    const serverVersion = read?.serverVersion ?? (await session.serverVersion());
    const diagnostics = [...compiled.diagnostics];
    if (session.missing) {
      diagnostics.push({
        severity: 'info',
        code: 'DATABASE_MISSING',
        message: `${target.redacted} does not exist: planned against an empty database, which plan does not create (apply does)`,
      });
    }
    if (sources.concurrently && !dialect.capabilities.concurrentIndexBuilds) {
      diagnostics.push({
        severity: 'info',
        code: 'CONCURRENTLY_IGNORED',
        message: `--concurrently has no effect on ${dialect.name}: indexes are built in the transaction`,
      });
    }
    // The early read serves when it read the schemas the compiled entities live in (it did unless an entity names a
    // schema of its own); else the schema is read again.
    const introspected =
      read && sameSchemas(read.schemas, managedSchemas(compiled.model, options.schemas)) ? read.current : undefined;
    const { plan, current } = await planFrom(
      session,
      dialect,
      compiled.model,
      diagnostics,
      declared,
      options,
      introspected,
    );
    return {
      target,
      dialect,
      session,
      current,
      desired: compiled.model,
      declared,
      options,
      renamesFile: renames?.file ?? 'schema/renames.json',
      diagnostics,
      plan,
      serverVersion,
    };
  } catch (error) {
    await session.close();
    throw cancelledPlanning(error);
  }
}

/** What is read of the database while the entities compile. */
interface EarlyRead {
  readonly session: Promise<DatabaseSession>;
  /**
   * The server's version and the schemas known before compiling (see `knownSchemas`), as introspected; rejects as
   * the reads do (the caller awaits it after `session`).
   */
  readonly read: Promise<{ serverVersion: string; schemas: readonly string[]; current: Model }>;
  /** Closes the session once open, the reads' outcome ignored (the entities failed to compile, or a cancel). */
  abandon(): void;
}

/**
 * Opens the session and reads `schemas` on it, in the order planning would (`serverVersion`, then introspection).
 * The connection attempt is abandoned at once when planning gives up on it (an unreachable host that drops packets
 * must not hold the process until the connect timeout); an open session is closed once its reads end.
 */
function readEarly(
  connect: (signal: AbortSignal) => Promise<DatabaseSession>,
  given: AbortSignal | undefined,
  schemas: readonly string[],
): EarlyRead {
  const abandoning = new AbortController();
  // The session keeps this signal: the caller's cancels it as before (its listener is left for the session's life).
  const joined = anySignal([given, abandoning.signal]);
  let open: DatabaseSession | undefined;
  const opening = connect(joined.signal).then((session) => (open = session));
  const read = opening.then(async (session) => {
    const serverVersion = await session.serverVersion();
    return { serverVersion, schemas, current: await session.introspect({ schemas }) };
  });
  // Awaited by whoever uses it; an unused one (its session's failure is the caller's) must not go unhandled.
  read.catch(() => undefined);
  opening.catch(() => undefined);
  return {
    session: opening,
    read,
    abandon: () => {
      if (open) void read.catch(() => undefined).then(() => open!.close());
      else {
        abandoning.abort();
        void opening.then(
          (session) => session.close(),
          () => undefined,
        );
      }
      joined.dispose();
    },
  };
}

/**
 * The PostgreSQL schemas planning will read, as far as they are known before the entities compile: the default one,
 * the data source's `schema` and the configured `schemas` (`managedSchemas` of a model with its tables there).
 */
function knownSchemas(sources: Sources): string[] {
  const schema = sources.compile?.schema;
  return managedSchemas({ tables: [], enums: [] }, [...(sources.schemas ?? []), ...(schema ? [schema] : [])]);
}

const sameSchemas = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((schema, i) => schema === b[i]);

/** Introspects the database and plans it towards `desired`, measuring the live data the changes depend on. */
export async function replan(
  session: DatabaseSession,
  dialect: Dialect,
  desired: Model,
  diagnostics: readonly Diagnostic[] = [],
  declared?: Declared,
  options: PlanScope = {},
): Promise<Plan> {
  return (await planFrom(session, dialect, desired, diagnostics, declared, options)).plan;
}

/** Plans towards `desired` from the database as `introspected` (read before, for the same schemas) or read now. */
async function planFrom(
  session: DatabaseSession,
  dialect: Dialect,
  desired: Model,
  diagnostics: readonly Diagnostic[],
  declared: Declared | undefined,
  options: PlanScope,
  introspected?: Model,
): Promise<{ plan: Plan; current: Model }> {
  const { exclude: _exclude, schemas: _schemas, unmanaged: _unmanaged, ...planOptions } = options;
  const current = introspected ? inScope(introspected, options) : await readCurrent(session, desired, options, dialect);
  const input = { from: current, to: desired, dialect, diagnostics, ...declared, ...planOptions };
  const plan = await planModels(input, { session, reread: () => readCurrent(session, desired, options) });
  return { plan, current };
}

/**
 * The database's managed schema, as planning sees it: the managed PostgreSQL schemas, without excluded tables, and
 * as entities can declare it: standalone sequences, partitioning and domains, which entities cannot declare, are left
 * alone (never dropped or changed by the plan; see `declarableByEntities`).
 */
async function readCurrent(
  session: DatabaseSession,
  desired: Model,
  options: PlanScope,
  dialect?: Dialect,
): Promise<Model> {
  const current = await session.introspect({
    schemas: managedSchemas(desired, options.schemas),
    // The plan normalises the desired model, which the dialect remembers: done while the server answers.
    meanwhile: dialect && (() => void dialect.normalize(desired)),
  });
  return inScope(current, options);
}

/** The introspected model without what planning leaves alone (see `readCurrent`). */
function inScope(current: Model, options: PlanScope): Model {
  return declarableByEntities(excludeFromModel(current, options.exclude ?? [], options.unmanaged ?? []));
}

/**
 * Throws `StalePlanError` unless the database still has the schema the plan was made from (same `fromHash`). Apply
 * calls it under its lock, right before the first statement.
 */
export async function verifyUnchanged(
  planned: Pick<PlannedTarget, 'session' | 'desired' | 'plan' | 'options'>,
): Promise<void> {
  const planHash = planned.plan.fromHash;
  if (planHash === undefined) throw new Error('a plan made without a database cannot be applied to one');
  const now = hashModel(await readCurrent(planned.session, planned.desired, planned.options));
  if (now !== planHash) {
    throw new StalePlanError(
      `the database changed since the plan was made (schema hash ${short(planHash)} then, ${short(now)} now); nothing was applied`,
      'Someone or something changed the schema meanwhile: run apply again to plan against the database as it is now.',
    );
  }
}

const short = (hash: string) => hash.replace(/^sha256:/, '').slice(0, 12);

/** Applies the plan under the session's lock, after checking that the database is still the one planned against. */
export async function applyPlanned(
  planned: Pick<PlannedTarget, 'session' | 'desired' | 'plan' | 'options'>,
  options: Omit<ApplyOptions, 'verify'> = {},
): Promise<void> {
  await planned.session.apply(planned.plan.statements, { ...options, verify: () => verifyUnchanged(planned) });
}

import type { Argv } from 'yargs';
import { dialectFor } from '../../dialects/registry';
import { DEFAULT_SCHEMA } from '../../dialects/postgres';
import { readRenamesFile } from '../../hints/renames-file';
import { renamesForModel } from '../../hints/renames-for-model';
import { declarableByEntities, type DialectName, type Model } from '../../model';
import type { DatabaseSession } from '../../dialects/dialect';
import { createPlan, planProbes } from '../../plan/plan';
import type { Diagnostic, Measurement } from '../../plan/types';
import { diffDialect, loadSource, type LoadedSource } from '../../sources/load-source';
import { parseSourceSpec } from '../../sources/source-spec';
import { renderDatabaseOrigin } from '../../report/database-origin';
import { colourEnabled, type CliIo } from '../io';
import { resolveProject, withRenames } from '../options';
import { managedSchemas } from '../workflow';
import { checkDiffFormat, ddlDiffSection, planExitCode, renderPlan, type PlanFormat } from './plan';

export interface DiffArgs {
  from: string;
  to: string;
  dialect?: DialectName;
  'dev-url'?: string;
  format: PlanFormat;
  'exit-code': boolean;
  diff: boolean;
  renames?: string;
  config?: string;
  'data-source'?: string;
  color?: boolean;
}

export function diffOptions<T>(yargs: Argv<T>) {
  return withRenames(yargs)
    .option('from', { type: 'string', demandOption: true, describe: 'the current state: a database URL, entities:GLOB, a model .json or a .sql file' })
    .option('to', { type: 'string', demandOption: true, describe: 'the desired state, as --from' })
    .option('dialect', { choices: ['postgres', 'sqlite'] as const, describe: 'when neither side is a database (nor --dev-url given): the dialect to compare in' })
    .option('dev-url', {
      type: 'string',
      describe:
        'PostgreSQL (so it implies --dialect postgres): an empty database to evaluate .sql sides in, inside a transaction that is rolled back (default: the built-in sandbox, PGlite)',
    })
    .option('format', { choices: ['text', 'json', 'sql', 'markdown'] as const, default: 'text' as const, describe: 'output format' })
    .option('exit-code', { type: 'boolean', default: false, describe: 'exit 2 when the sides differ, 0 when they do not' })
    .option('diff', { type: 'boolean', default: false, describe: 'also show a unified diff of the schema DDL, from vs to' });
}

/** `argv` word as a POSIX shell reads it back: as is when plain, else in single quotes. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * Counts the rows the plan's hazards depend on. A role that may not read a table (a read-only role of the catalog
 * only) gets the plan without counts, as one made without a database, and a warning saying so.
 */
async function measureIfAllowed(
  session: DatabaseSession,
  probes: Parameters<DatabaseSession['measure']>[0],
): Promise<{ measurements?: Measurement[]; diagnostics: Diagnostic[] }> {
  try {
    return { measurements: await session.measure(probes), diagnostics: [] };
  } catch (error) {
    if ((error as { code?: unknown }).code !== '42501') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        {
          severity: 'warning',
          code: 'ROWS_NOT_COUNTED',
          message: `rows were not counted (${reason}): hazards do not say how many rows they touch`,
          hint: 'Grant the role SELECT on the tables the plan changes to see the counts.',
        },
      ],
    };
  }
}

/**
 * `schema diff --from SRC --to SRC`: the plan that turns FROM into TO, in every format `plan` has. Non-database
 * sides are read first, so a database side reads the PostgreSQL schemas entities name (all user schemas against any
 * other side). A TO side other than entities (or a model document compiled from them) is a full inventory: schemas and extensions it lacks are dropped (see
 * `TargetScope`). Rows of a database FROM side are measured as for `plan`. The project's configuration applies as
 * for `plan` (config file, data source): entity sides are compiled with its naming strategy, entity prefix and
 * schema; its excluded tables are left out of every side; its `schemas` are managed with the entities'.
 */
export async function runDiff(args: DiffArgs, io: CliIo, argv: readonly string[] = ['diff', '--from', args.from, '--to', args.to]): Promise<number> {
  checkDiffFormat(args);
  const specs = [parseSourceSpec(args.from, io.cwd), parseSourceSpec(args.to, io.cwd)] as const;
  const again = (dialect: DialectName) => ['schema', ...argv, '--dialect', dialect].map(shellWord).join(' ');
  const missingHint = `Name it with --dialect: ${again('postgres')} (or --dialect sqlite)`;
  const dialectName = diffDialect(specs[0], specs[1], args.dialect, io.cwd, { devUrl: args['dev-url'], missingHint });
  const dialect = dialectFor(dialectName);
  const project = await resolveProject({ config: args.config, 'data-source': args['data-source'] }, io);
  const renamesFile = args.renames ? readRenamesFile(args.renames, io.cwd, true) : undefined;
  const connect = { readOnly: true, signal: io.signal };
  const options = {
    cwd: io.cwd,
    devUrl: args['dev-url'],
    renamesFile,
    connect,
    compile: project.compile,
    exclude: project.exclude,
    extraSchemas: project.schemas,
  };
  const loaded: (LoadedSource | undefined)[] = [undefined, undefined];
  try {
    specs.forEach((spec, i) => {
      if (spec.kind === 'database') io.stderr.write(renderDatabaseOrigin(spec.label, { kind: 'flag', flag: i === 0 ? '--from' : '--to' }));
    });
    const order = specs[0].kind === 'database' ? [1, 0] : [0, 1];
    for (const i of order) {
      const other = loaded[1 - i];
      // Entities name only the schemas they need: a database side reads those. Any other side is a full inventory,
      // against which every user schema is read (and those it lacks are dropped).
      const schemas = other && other.scope === 'needs' ? managedSchemas(other.model, project.schemas) : undefined;
      loaded[i] = await loadSource(specs[i]!, dialectName, { ...options, schemas });
    }
    const [from, to] = loaded as [LoadedSource, LoadedSource];
    // Entities (or a model document compiled from them) cannot declare standalone sequences, partitioning or domains:
    // against them, those of the other side are left alone, and listed as not managed.
    const fromEntities = loaded.some((side) => side?.scope === 'needs');
    const side = (model: Model) => (fromEntities ? declarableByEntities(model) : model);
    const input = {
      from: side(from.model),
      to: side(to.model),
      dialect,
      diagnostics: [...from.diagnostics, ...to.diagnostics],
      // Entities resolve the renames file while compiling; any other TO side resolves it against its model.
      renames: to.renames ?? (renamesFile ? renamesForModel(renamesFile, to.model, dialect.capabilities.schemas ? DEFAULT_SCHEMA : undefined) : undefined),
      entityNames: to.entityNames,
      targetScope: to.scope,
    };
    const probes = from.session ? planProbes(input) : [];
    const measured = from.session && probes.length > 0 ? await measureIfAllowed(from.session, probes) : undefined;
    const plan = createPlan({ ...input, diagnostics: [...input.diagnostics, ...(measured?.diagnostics ?? [])], measurements: measured?.measurements });
    const colour = colourEnabled(io, args.color);
    const target = { redacted: `${from.spec.label} -> ${to.spec.label}` };
    const serverVersion = from.serverVersion ?? to.serverVersion;
    io.stdout.write(renderPlan({ plan, target, serverVersion, renamesFile: args.renames ?? 'schema/renames.json' }, args.format, colour));
    if (args.diff) {
      const names = { before: from.spec.label, after: to.spec.label };
      io.stdout.write(ddlDiffSection({ current: input.from, desired: input.to, dialect, names }, args.format, colour));
    }
    return planExitCode(plan, args['exit-code']);
  } finally {
    for (const side of loaded) await side?.session?.close();
  }
}

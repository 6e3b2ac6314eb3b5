import type { Argv } from 'yargs';
import { dialectFor } from '../../dialects/registry';
import { readRenamesFile } from '../../hints/renames-file';
import { withoutSequences, type DialectName, type Model } from '../../model';
import { createPlan, planProbes } from '../../plan/plan';
import { diffDialect, loadSource, type LoadedSource } from '../../sources/load-source';
import { parseSourceSpec, type SourceSpec } from '../../sources/source-spec';
import { colourEnabled, type CliIo } from '../io';
import { withRenames } from '../options';
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
  color?: boolean;
}

export function diffOptions<T>(yargs: Argv<T>) {
  return withRenames(yargs)
    .option('from', { type: 'string', demandOption: true, describe: 'the current state: a database URL, entities:GLOB, a model .json or a .sql file' })
    .option('to', { type: 'string', demandOption: true, describe: 'the desired state, as --from' })
    .option('dialect', { choices: ['postgres', 'sqlite'] as const, describe: 'when neither side is a database: the dialect to compare in' })
    .option('dev-url', {
      type: 'string',
      describe: 'PostgreSQL: an empty database to load .sql sides into (default: a temporary database on the server of a database side)',
    })
    .option('format', { choices: ['text', 'json', 'sql', 'markdown'] as const, default: 'text' as const, describe: 'output format' })
    .option('exit-code', { type: 'boolean', default: false, describe: 'exit 2 when the sides differ, 0 when they do not' })
    .option('diff', { type: 'boolean', default: false, describe: 'also show a unified diff of the schema DDL, from vs to' });
}

/** A PostgreSQL server a `.sql` side can get a temporary database on: that of a database side. */
function serverOf(specs: readonly SourceSpec[]): string | undefined {
  return specs.flatMap((spec) => (spec.kind === 'database' && spec.dialect === 'postgres' ? [spec.url] : []))[0];
}

/**
 * `schema diff --from SRC --to SRC`: the plan that turns FROM into TO, in every format `plan` has. Non-database
 * sides are read first, so a database side reads the PostgreSQL schemas entities name (all user schemas against any
 * other side). A TO side other than entities (or a model document compiled from them) is a full inventory: schemas and extensions it lacks are dropped (see
 * `TargetScope`). Rows of a database FROM side are measured as for `plan`.
 */
export async function runDiff(args: DiffArgs, io: CliIo): Promise<number> {
  checkDiffFormat(args);
  const specs = [parseSourceSpec(args.from, io.cwd), parseSourceSpec(args.to, io.cwd)] as const;
  const dialectName = diffDialect(specs[0], specs[1], args.dialect, io.cwd);
  const dialect = dialectFor(dialectName);
  const renamesFile = args.renames ? readRenamesFile(args.renames, io.cwd, true) : undefined;
  const connect = { readOnly: true, signal: io.signal };
  const options = { cwd: io.cwd, devUrl: args['dev-url'], serverUrl: serverOf(specs), renamesFile, connect };
  const loaded: (LoadedSource | undefined)[] = [undefined, undefined];
  try {
    const order = specs[0].kind === 'database' ? [1, 0] : [0, 1];
    for (const i of order) {
      const other = loaded[1 - i];
      // Entities name only the schemas they need: a database side reads those. Any other side is a full inventory,
      // against which every user schema is read (and those it lacks are dropped).
      const schemas = other && other.scope === 'needs' ? managedSchemas(other.model) : undefined;
      loaded[i] = await loadSource(specs[i]!, dialectName, { ...options, schemas });
    }
    const [from, to] = loaded as [LoadedSource, LoadedSource];
    // Entities (or a model document compiled from them) cannot declare standalone sequences: against them, those of
    // the other side are left alone, and listed as not managed.
    const fromEntities = loaded.some((side) => side?.scope === 'needs');
    const side = (model: Model) => (fromEntities ? withoutSequences(model) : model);
    const input = {
      from: side(from.model),
      to: side(to.model),
      dialect,
      diagnostics: [...from.diagnostics, ...to.diagnostics],
      renames: to.renames,
      entityNames: to.entityNames,
      targetScope: to.scope,
    };
    const probes = from.session ? planProbes(input) : [];
    const measurements = from.session && probes.length > 0 ? await from.session.measure(probes) : undefined;
    const plan = createPlan({ ...input, measurements });
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

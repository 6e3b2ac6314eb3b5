import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { Dialect } from '../../dialects/dialect';
import type { Model } from '../../model';
import { UsageError } from '../../errors/errors';
import { hasErrors } from '../../plan/plan';
import type { Plan } from '../../plan/types';
import { paint } from '../../report/colors';
import { renderJson } from '../../report/json';
import { columnOrderNote, renderDdlDiff } from '../../report/ddl-diff';
import { fenced, renderMarkdown } from '../../report/markdown';
import { renderSql } from '../../report/sql';
import { renderText } from '../../report/text';
import { EXIT } from '../exit-codes';
import { partlyManagedDiffers } from '../../plan/partly-managed';
import { colourEnabled, type CliIo } from '../io';
import { renderDecisions } from '../../report/decisions';
import { askDecisions, canAsk } from '../decisions';
import {
  announceDatabase,
  resolveSources,
  timeoutsOf,
  withEntities,
  withConcurrently,
  withRenames,
  withTimeouts,
  withUrl,
  type SourceArgs,
  type TimeoutArgs,
} from '../options';
import type { Timeouts } from '../../report/text';
import { planAgainstDatabase, type PlannedTarget } from '../../workflow/plan-database';
import { writeMigration } from '../../workflow/write-migration';
import { DEFAULT_MIGRATIONS_DIR } from '../../config/settings';
import type { Sources } from '../../config/sources';

export type PlanFormat = 'text' | 'json' | 'sql' | 'markdown';

export interface PlanArgs extends SourceArgs, TimeoutArgs {
  format: PlanFormat;
  out?: string;
  'exit-code': boolean;
  diff: boolean;
  migration?: string;
  'migrations-dir'?: string;
  color?: boolean;
}

export function planOptions<T>(yargs: Argv<T>) {
  return withTimeouts(withConcurrently(withRenames(withEntities(withUrl(yargs)))))
    .option('format', {
      choices: ['text', 'json', 'sql', 'markdown'] as const,
      default: 'text' as const,
      describe: 'output format',
    })
    .option('exit-code', {
      type: 'boolean',
      default: false,
      describe: 'exit 2 when changes are pending, 0 when the database is in line',
    })
    .option('diff', {
      type: 'boolean',
      default: false,
      describe: 'also show a unified diff of the schema DDL, current vs desired (text and markdown formats)',
    })
    .option('migration', {
      alias: 'm',
      type: 'string',
      describe: `also write the plan as a TypeORM migration and a SQL script named after this description (into the migrations dir)`,
    })
    .option('migrations-dir', {
      type: 'string',
      describe: `where --migration writes (default: the config's migrations.dir, else the folder of the data source's migrations, else ${DEFAULT_MIGRATIONS_DIR})`,
    })
    .option('out', {
      type: 'string',
      describe:
        'also write the plan (JSON) to this file, for review; `schema apply --plan FILE` then applies exactly that plan, or nothing',
    })
    .check((args) => {
      checkDiffFormat(args);
      if (args.migration !== undefined && !args.migration.trim())
        throw new UsageError('--migration needs a description', 'For example: schema plan -m "add deck level".');
      if (args.out !== undefined && !args.out.trim())
        throw new UsageError('--out needs a file name', 'For example: schema plan --out plan.json.');
      return true;
    });
}

/** `--diff` shows DDL, which only the text and markdown formats have a place for. */
export function checkDiffFormat(args: { readonly diff: boolean; readonly format: PlanFormat }): void {
  if (args.diff && (args.format === 'json' || args.format === 'sql')) {
    throw new UsageError(
      `--diff has no place in --format ${args.format}`,
      'Use --diff with the text or markdown format.',
    );
  }
}

/** The DDL diff for `--diff`, as the format shows it (a fenced, collapsible block in markdown). */
export function ddlDiffSection(
  sides: {
    readonly current: Model;
    readonly desired: Model;
    readonly dialect: Dialect;
    readonly names?: { before: string; after: string };
  },
  format: PlanFormat,
  colour: boolean,
): string {
  const p = paint(format === 'text' && colour);
  const { text, reordered } = renderDdlDiff(sides.current, sides.desired, sides.dialect, p, sides.names);
  const diff = text.trimEnd();
  const note = columnOrderNote(reordered, sides.names);
  if (format === 'markdown') {
    if (!diff) return note ? `\n${note}\n` : '';
    return `\n<details><summary>Schema DDL diff (current vs desired)</summary>\n\n${fenced('diff', diff)}\n${note ? `\n${note}\n` : ''}\n</details>\n`;
  }
  return `\n${diff || 'Schema DDL: no differences.'}\n${note ? `${p.dim(note)}\n` : ''}`;
}

export function renderPlan(
  planned: Pick<PlannedTarget, 'plan' | 'renamesFile'> & {
    readonly target: { readonly redacted: string };
    readonly serverVersion?: string;
    /** Apply's timeouts, shown by the text format (plan and apply against a database). */
    readonly timeouts?: Timeouts;
  },
  format: PlanFormat,
  colour: boolean,
): string {
  const context = {
    target: planned.target.redacted,
    serverVersion: planned.serverVersion,
    renamesFile: planned.renamesFile,
    timeouts: planned.timeouts,
  };
  switch (format) {
    case 'json':
      return renderJson(planned.plan, context);
    case 'sql':
      return renderSql(planned.plan);
    case 'markdown':
      return renderMarkdown(planned.plan, context);
    case 'text':
      return renderText(planned.plan, paint(colour), context);
  }
}

/**
 * Errors first (1), then open questions (3, with or without --exit-code), then pending changes (2 with --exit-code);
 * a database that differs only in attributes schemaplan does not manage differs all the same (2).
 */
export function planExitCode(plan: Plan, exitCodeFlag: boolean): number {
  if (hasErrors(plan)) return EXIT.error;
  if (plan.decisions.length > 0) return EXIT.decisions;
  return exitCodeFlag && (plan.changes.length > 0 || partlyManagedDiffers(plan)) ? EXIT.changes : EXIT.ok;
}

/** `--migration`: written only for a plan that can be applied as it stands (no errors, no open questions, changes). */
function writeMigrationFor(planned: PlannedTarget, sources: Sources, args: PlanArgs, io: CliIo, code: number): number {
  if (code === EXIT.error || code === EXIT.decisions) {
    io.stderr.write('No migration written: the plan above cannot be applied as it stands.\n');
    return code;
  }
  if (planned.plan.changes.length === 0) {
    io.stderr.write('No migration written: there are no changes.\n');
    return code;
  }
  const dir = args['migrations-dir'] ?? sources.migrations.dir;
  if (args['migrations-dir'] === undefined && sources.migrations.note) {
    io.stderr.write(
      `note: ${sources.migrations.note}: writing to ${dir} (set "migrations.dir" in the config, or pass --migrations-dir)\n`,
    );
  }
  const written = writeMigration(planned, {
    description: args.migration!,
    dir,
    template: sources.migrations.template,
    cwd: io.cwd,
  });
  io.stderr.write(`Wrote ${written.join(' and ')}\n`);
  return code;
}

/**
 * `--out`: the plan document (`--format json`, with the database's identity and how it was planned), written only for
 * a plan that can be applied as it stands. `apply --plan` applies it only if it is still exactly the plan.
 */
async function writePlanFile(planned: PlannedTarget, file: string, io: CliIo, code: number): Promise<number> {
  if (code === EXIT.error || code === EXIT.decisions) {
    io.stderr.write(`No plan written to ${file}: the plan above cannot be applied as it stands.\n`);
    return code;
  }
  const document = renderJson(planned.plan, {
    target: planned.target.redacted,
    serverVersion: planned.serverVersion,
    database: await planned.session.identity(),
    concurrently: Boolean(planned.options.concurrently),
  });
  writeFileSync(path.resolve(io.cwd, file), document);
  io.stderr.write(`Wrote ${file}: schema apply --plan ${file} applies exactly this plan, or nothing.\n`);
  return code;
}

export async function runPlan(args: PlanArgs, io: CliIo): Promise<number> {
  const sources = await resolveSources(args, io);
  const { lockTimeout, statementTimeout } = timeoutsOf(args);
  let planned = await planAgainstDatabase(sources, {
    create: false,
    connecting: announceDatabase(sources, io),
    signal: io.signal,
    readOnly: true,
    lockTimeout,
    statementTimeout,
  });
  try {
    // A plan written for review (--out) must be made again alike by apply: answers given here would not be.
    const ask = canAsk(io) && args.out === undefined;
    if (planned.plan.decisions.length > 0 && !hasErrors(planned.plan) && ask) planned = await askDecisions(planned, io);
    const colour = colourEnabled(io, args.color);
    io.stdout.write(renderPlan({ ...planned, timeouts: timeoutsOf(args, planned.dialect) }, args.format, colour));
    if (args.diff) io.stdout.write(ddlDiffSection(planned, args.format, colour));
    // The text plan lists open questions itself; JSON carries them as data and SQL cannot: say them on stderr too.
    if (args.format !== 'text' && planned.plan.decisions.length > 0) {
      io.stderr.write(
        `${renderDecisions(planned.plan.decisions, planned.renamesFile, paint(false)).join('\n').trimStart()}\n`,
      );
    }
    let code = planExitCode(planned.plan, args['exit-code']);
    if (args.out !== undefined) code = await writePlanFile(planned, args.out, io, code);
    if (args.migration !== undefined) return writeMigrationFor(planned, sources, args, io, code);
    return code;
  } finally {
    await planned.session.close();
  }
}

import type { Argv } from 'yargs';
import type { Dialect } from '../../dialects/dialect';
import type { Model } from '../../model';
import { UsageError } from '../../errors/errors';
import { hasErrors } from '../../plan/plan';
import type { Plan } from '../../plan/types';
import { paint } from '../../report/colors';
import { renderJson } from '../../report/json';
import { renderDdlDiff } from '../../report/ddl-diff';
import { fenced, renderMarkdown } from '../../report/markdown';
import { renderSql } from '../../report/sql';
import { renderText } from '../../report/text';
import { EXIT } from '../exit-codes';
import { partlyManagedDiffers } from '../../plan/partly-managed';
import { colourEnabled, type CliIo } from '../io';
import { renderDecisions } from '../../report/decisions';
import { askDecisions, canAsk } from '../decisions';
import { resolveSources, withEntities, withConcurrently, withRenames, withUrl, type SourceArgs } from '../options';
import { planAgainstDatabase, type PlannedTarget } from '../workflow';
import { writeMigration } from '../write-migration';
import { DEFAULT_MIGRATIONS_DIR } from '../../config/settings';
import type { Sources } from '../../config/sources';

export type PlanFormat = 'text' | 'json' | 'sql' | 'markdown';

export interface PlanArgs extends SourceArgs {
  format: PlanFormat;
  'exit-code': boolean;
  diff: boolean;
  migration?: string;
  'migrations-dir'?: string;
  color?: boolean;
}

export function planOptions<T>(yargs: Argv<T>) {
  return withConcurrently(withRenames(withEntities(withUrl(yargs))))
    .option('format', { choices: ['text', 'json', 'sql', 'markdown'] as const, default: 'text' as const, describe: 'output format' })
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
    .option('migrations-dir', { type: 'string', describe: `where --migration writes (default: the config's migrations.dir, else ${DEFAULT_MIGRATIONS_DIR})` })
    .check((args) => {
      checkDiffFormat(args);
      if (args.migration !== undefined && !args.migration.trim()) throw new UsageError('--migration needs a description', 'For example: schema plan -m "add deck level".');
      return true;
    });
}

/** `--diff` shows DDL, which only the text and markdown formats have a place for. */
export function checkDiffFormat(args: { readonly diff: boolean; readonly format: PlanFormat }): void {
  if (args.diff && (args.format === 'json' || args.format === 'sql')) {
    throw new UsageError(`--diff has no place in --format ${args.format}`, 'Use --diff with the text or markdown format.');
  }
}

/** The DDL diff for `--diff`, as the format shows it (a fenced, collapsible block in markdown). */
export function ddlDiffSection(
  sides: { readonly current: Model; readonly desired: Model; readonly dialect: Dialect; readonly names?: { before: string; after: string } },
  format: PlanFormat,
  colour: boolean,
): string {
  const diff = renderDdlDiff(sides.current, sides.desired, sides.dialect, paint(format === 'text' && colour), sides.names).trimEnd();
  if (!diff) return format === 'markdown' ? '' : '\nSchema DDL: no differences.\n';
  if (format === 'markdown') return `\n<details><summary>Schema DDL diff (current vs desired)</summary>\n\n${fenced('diff', diff)}\n\n</details>\n`;
  return `\n${diff}\n`;
}

export function renderPlan(
  planned: Pick<PlannedTarget, 'plan' | 'renamesFile'> & { readonly target: { readonly redacted: string }; readonly serverVersion?: string },
  format: PlanFormat,
  colour: boolean,
): string {
  const context = { target: planned.target.redacted, serverVersion: planned.serverVersion, renamesFile: planned.renamesFile };
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
  const written = writeMigration(planned, {
    description: args.migration!,
    dir: args['migrations-dir'] ?? sources.migrations.dir,
    template: sources.migrations.template,
    cwd: io.cwd,
  });
  io.stderr.write(`Wrote ${written.join(' and ')}\n`);
  return code;
}

export async function runPlan(args: PlanArgs, io: CliIo): Promise<number> {
  const sources = await resolveSources(args, io);
  let planned = await planAgainstDatabase(sources);
  try {
    if (planned.plan.decisions.length > 0 && !hasErrors(planned.plan) && canAsk(io)) planned = await askDecisions(planned, io);
    const colour = colourEnabled(io, args.color);
    io.stdout.write(renderPlan(planned, args.format, colour));
    if (args.diff) io.stdout.write(ddlDiffSection(planned, args.format, colour));
    // The text plan lists open questions itself; JSON carries them as data and SQL cannot: say them on stderr too.
    if (args.format !== 'text' && planned.plan.decisions.length > 0) {
      io.stderr.write(`${renderDecisions(planned.plan.decisions, planned.renamesFile, paint(false)).join('\n').trimStart()}\n`);
    }
    const code = planExitCode(planned.plan, args['exit-code']);
    if (args.migration !== undefined) return writeMigrationFor(planned, sources, args, io, code);
    return code;
  } finally {
    await planned.session.close();
  }
}

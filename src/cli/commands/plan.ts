import type { Argv } from 'yargs';
import { hasErrors } from '../../plan/plan';
import type { Plan } from '../../plan/types';
import { paint } from '../../report/colors';
import { renderJson } from '../../report/json';
import { renderMarkdown } from '../../report/markdown';
import { renderSql } from '../../report/sql';
import { renderText } from '../../report/text';
import { EXIT } from '../exit-codes';
import { colourEnabled, type CliIo } from '../io';
import { renderDecisions } from '../../report/decisions';
import { askDecisions, canAsk } from '../decisions';
import { resolveSources, withEntities, withConcurrently, withRenames, withUrl, type SourceArgs } from '../options';
import { planAgainstDatabase, type PlannedTarget } from '../workflow';

export type PlanFormat = 'text' | 'json' | 'sql' | 'markdown';

export interface PlanArgs extends SourceArgs {
  format: PlanFormat;
  'exit-code': boolean;
  color?: boolean;
}

export function planOptions<T>(yargs: Argv<T>) {
  return withConcurrently(withRenames(withEntities(withUrl(yargs))))
    .option('format', { choices: ['text', 'json', 'sql', 'markdown'] as const, default: 'text' as const, describe: 'output format' })
    .option('exit-code', {
      type: 'boolean',
      default: false,
      describe: 'exit 2 when changes are pending, 0 when the database is in line',
    });
}

export function renderPlan(
  planned: Pick<PlannedTarget, 'plan' | 'target' | 'serverVersion' | 'renamesFile'>,
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

/** Errors first (1), then open questions (3, with or without --exit-code), then pending changes (2 with --exit-code). */
export function planExitCode(plan: Plan, exitCodeFlag: boolean): number {
  if (hasErrors(plan)) return EXIT.error;
  if (plan.decisions.length > 0) return EXIT.decisions;
  return exitCodeFlag && plan.changes.length > 0 ? EXIT.changes : EXIT.ok;
}

export async function runPlan(args: PlanArgs, io: CliIo): Promise<number> {
  let planned = await planAgainstDatabase(resolveSources(args, io));
  try {
    if (planned.plan.decisions.length > 0 && !hasErrors(planned.plan) && canAsk(io)) planned = await askDecisions(planned, io);
    const colour = colourEnabled(io, args.color);
    io.stdout.write(renderPlan(planned, args.format, colour));
    // The text plan lists open questions itself; JSON carries them as data and SQL cannot: say them on stderr too.
    if (args.format !== 'text' && planned.plan.decisions.length > 0) {
      io.stderr.write(`${renderDecisions(planned.plan.decisions, planned.renamesFile, paint(false)).join('\n').trimStart()}\n`);
    }
    return planExitCode(planned.plan, args['exit-code']);
  } finally {
    await planned.session.close();
  }
}

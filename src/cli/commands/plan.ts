import type { Argv } from 'yargs';
import { hasErrors } from '../../plan/plan';
import type { Plan } from '../../plan/types';
import { paint } from '../../report/colors';
import { renderJson } from '../../report/json';
import { renderSql } from '../../report/sql';
import { renderText } from '../../report/text';
import { EXIT } from '../exit-codes';
import { colourEnabled, type CliIo } from '../io';
import { resolveSources, withConcurrently, withEntities, withUrl, type SourceArgs } from '../options';
import { planAgainstDatabase, type PlannedTarget } from '../workflow';

export type PlanFormat = 'text' | 'json' | 'sql';

export interface PlanArgs extends SourceArgs {
  format: PlanFormat;
  'exit-code': boolean;
  color?: boolean;
}

export function planOptions<T>(yargs: Argv<T>) {
  return withConcurrently(withEntities(withUrl(yargs)))
    .option('format', { choices: ['text', 'json', 'sql'] as const, default: 'text' as const, describe: 'output format' })
    .option('exit-code', {
      type: 'boolean',
      default: false,
      describe: 'exit 2 when changes are pending, 0 when the database is in line',
    });
}

export function renderPlan(planned: Pick<PlannedTarget, 'plan' | 'target' | 'serverVersion'>, format: PlanFormat, colour: boolean): string {
  const context = { target: planned.target.redacted, serverVersion: planned.serverVersion };
  switch (format) {
    case 'json':
      return renderJson(planned.plan, context);
    case 'sql':
      return renderSql(planned.plan);
    case 'text':
      return renderText(planned.plan, paint(colour), context);
  }
}

export function planExitCode(plan: Plan, exitCodeFlag: boolean): number {
  if (hasErrors(plan)) return EXIT.error;
  return exitCodeFlag && plan.changes.length > 0 ? EXIT.changes : EXIT.ok;
}

export async function runPlan(args: PlanArgs, io: CliIo): Promise<number> {
  const planned = await planAgainstDatabase(resolveSources(args, io));
  try {
    io.stdout.write(renderPlan(planned, args.format, colourEnabled(io, args.color)));
    return planExitCode(planned.plan, args['exit-code']);
  } finally {
    await planned.session.close();
  }
}

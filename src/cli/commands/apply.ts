import type { Argv } from 'yargs';
import { ConvergenceError, UsageError } from '../../errors/errors';
import { hasErrors } from '../../plan/plan';
import { paint } from '../../report/colors';
import { renderDiagnostics, renderText } from '../../report/text';
import { EXIT } from '../exit-codes';
import { colourEnabled, type CliIo } from '../io';
import { askDecisions, canAsk } from '../decisions';
import { resolveSources, withEntities, withConcurrently, withRenames, withUrl, type SourceArgs } from '../options';
import { planAgainstDatabase, replan } from '../workflow';

export interface ApplyArgs extends SourceArgs {
  yes: boolean;
  'dry-run': boolean;
  color?: boolean;
}

export function applyOptions<T>(yargs: Argv<T>) {
  return withConcurrently(withRenames(withEntities(withUrl(yargs))))
    .option('yes', { alias: 'y', type: 'boolean', default: false, describe: 'apply without asking (required without a TTY)' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'print the plan, change nothing' });
}

/**
 * Plans, asks the plan's open questions on a terminal (anywhere else it refuses with exit 3 before touching
 * anything), shows the plan, asks (or requires --yes without a TTY), applies it atomically, then re-plans and fails
 * if anything is left to do.
 */
export async function runApply(args: ApplyArgs, io: CliIo): Promise<number> {
  let planned = await planAgainstDatabase(resolveSources(args, io));
  const p = paint(colourEnabled(io, args.color));
  const context = { target: planned.target.redacted, serverVersion: planned.serverVersion, renamesFile: planned.renamesFile };
  try {
    if (hasErrors(planned.plan)) {
      io.stderr.write(`${renderDiagnostics(planned.plan.diagnostics, p).join('\n')}\n`);
      return EXIT.error;
    }
    if (planned.plan.decisions.length > 0 && canAsk(io)) planned = await askDecisions(planned, io);
    const { plan } = planned;
    io.stdout.write(renderText(plan, p, context));
    if (plan.decisions.length > 0) {
      io.stderr.write(
        `error: ${plan.decisions.length} open question(s) must be answered before apply; nothing was applied\n` +
          `hint: Declare the answers in ${planned.renamesFile} or with @RenamedFrom (see above), or run on a terminal to answer them.\n`,
      );
      return EXIT.decisions;
    }
    if (plan.changes.length === 0) return EXIT.ok;
    if (args['dry-run']) {
      io.stdout.write(p.dim('Dry run: nothing was applied.\n'));
      return EXIT.ok;
    }
    if (!args.yes) {
      if (!io.stdinIsTTY) {
        throw new UsageError('refusing to apply without confirmation: stdin is not a terminal', 'Pass --yes to apply non-interactively.');
      }
      if (!(await io.confirm(`Apply ${plan.statements.length} statement(s) to ${planned.target.redacted}?`))) {
        io.stdout.write('Nothing applied.\n');
        return EXIT.ok;
      }
    }
    await planned.session.apply(plan.statements);
    const after = await replan(planned.session, planned.dialect, planned.desired, [], planned.declared, planned.options);
    if (after.changes.length > 0) {
      throw new ConvergenceError(
        `applied, but the database still differs: ${after.summary.text}`,
        'This is a bug in schemaplan; please report it with `schema plan --format json`.',
      );
    }
    io.stdout.write(p.green(`Applied ${plan.statements.length} statement(s); the database is in line with the schema.\n`));
    return EXIT.ok;
  } finally {
    await planned.session.close();
  }
}

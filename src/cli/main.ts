import 'reflect-metadata';
import yargs from 'yargs/yargs';
import { UsageError } from '../errors/errors';
import { applyOptions, runApply, type ApplyArgs } from './commands/apply';
import { diffOptions, runDiff, type DiffArgs } from './commands/diff';
import { checkOptions, runCheck, type CheckArgs } from './commands/check';
import { generateOptions, runGenerate } from './commands/generate';
import { inspectOptions, runInspect, type InspectArgs } from './commands/inspect';
import { planOptions, runPlan, type PlanArgs } from './commands/plan';
import { EXIT } from './exit-codes';
import { processIo, type CliIo } from './io';
import { withConfig } from './options';
import { cancelledExitCode, reportError } from './report-error';

/** Runs the CLI on `argv` (without `node schema`) and resolves to the exit code; never exits the process. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const urls = [...argv.filter((a) => a.includes('://')), io.env.DATABASE_URL];
  const run: CliIo = { ...io, noteSecret: (url) => urls.push(url) };
  try {
    await withConfig(yargs([...argv]))
      .scriptName('schema')
      .usage('$0 <command> [options]\n\nSchema-as-code for TypeORM: plan and apply database changes from your entities.')
      .option('debug', { type: 'boolean', default: false, describe: 'print stack traces on errors' })
      .option('color', { type: 'boolean', describe: 'colour output (default: on a TTY; --no-color, NO_COLOR to disable)' })
      .command('plan', 'show the changes that bring the database in line with the entities', planOptions, async (args) => {
        exitCode = await runPlan(args as unknown as PlanArgs, run);
      })
      .command('apply', 'apply the plan to the database, atomically, then verify', applyOptions, async (args) => {
        exitCode = await runApply(args as unknown as ApplyArgs, run);
      })
      .command('diff', 'show the plan that turns one schema source into another (databases, entities, model .json, .sql)', diffOptions, async (args) => {
        exitCode = await runDiff(args as unknown as DiffArgs, io);
      })
      .command('inspect', 'print the model of a database or of the entities', inspectOptions, async (args) => {
        exitCode = await runInspect(args as unknown as InspectArgs, run);
      })
      .command('generate', 'rewrite generated/ (model.json, schema.<dialect>.sql) from the entities', generateOptions, async (args) => {
        exitCode = await runGenerate(args, run);
      })
      .command('check', 'exit 2 when generated/ is stale for the entities (no database needed)', checkOptions, async (args) => {
        exitCode = await runCheck(args as unknown as CheckArgs, run);
      })
      .demandCommand(1, 'name a command: plan, apply, diff, inspect, generate or check')
      .strict()
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new UsageError(message, 'Run `schema --help` for the commands and options.');
      })
      .help()
      .version()
      .wrap(Math.min(110, process.stdout.columns ?? 110))
      .parseAsync();
  } catch (error) {
    return reportError(error, run, { debug, urls });
  }
  // A signal that came when the work was done (or could not be stopped) still ends the run as cancelled.
  return io.signal?.aborted ? cancelledExitCode(io.signal) : exitCode;
}

/**
 * Entry point of bin/schema.js, and the only place that knows the process's signals. The first SIGINT or SIGTERM
 * aborts the run's signal: the running statement is cancelled and rolled back, one line says what was applied, and
 * the exit code is 130 (SIGINT) or 143 (SIGTERM). A second one exits at once (the server rolls back what runs when
 * the connection closes).
 */
export function run(): void {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  void main(process.argv.slice(2), processIo(controller.signal)).then((code) => {
    process.exitCode = code;
    // Cancelled: nothing is left to wait for; do not let a stray handle (a paused stdin) keep the process up.
    if (controller.signal.aborted) setTimeout(() => process.exit(code), 200).unref();
  });
}

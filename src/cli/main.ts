import 'reflect-metadata';
import type { Argv } from 'yargs';
import yargs from 'yargs/yargs';
import { applyOptions, runApply, type ApplyArgs } from './commands/apply';
import { diffOptions, runDiff, type DiffArgs } from './commands/diff';
import { checkOptions, runCheck, type CheckArgs } from './commands/check';
import { generateOptions, runGenerate } from './commands/generate';
import { inspectOptions, runInspect, type InspectArgs } from './commands/inspect';
import { planOptions, runPlan, type PlanArgs } from './commands/plan';
import { EXIT } from './exit-codes';
import { COMMAND_NAMES, EXAMPLES, exitCodesHelp, type CommandName } from './help';
import { processIo, type CliIo } from './io';
import { withConfig } from './options';
import { cancelledExitCode, reportError } from './report-error';
import { usageErrorFor, type KnownArguments } from './suggest';

/** Columns the help is laid out in: the terminal's, up to 110. */
const HELP_WIDTH = Math.min(110, process.stdout.columns ?? 110);

/** Options every command takes, listed after the command's own in its help. */
const COMMON_OPTIONS = ['config', 'data-source', 'debug', 'color', 'help', 'version'];

interface CommandSpec {
  readonly describe: string;
  readonly options: (yargs: Argv) => Argv;
  /** `argv` as given, for messages that show the command again. */
  readonly run: (args: unknown, io: CliIo, argv: readonly string[]) => Promise<number>;
}

/** The commands; `run` gets the parsed arguments and the run's io (see `main`). */
const COMMANDS: Record<CommandName, CommandSpec> = {
  plan: {
    describe: 'show the changes that bring the database in line with the entities',
    options: (y) => planOptions(y) as unknown as Argv,
    run: (args, io) => runPlan(args as PlanArgs, io),
  },
  apply: {
    describe: 'apply the plan to the database, atomically, then verify',
    options: (y) => applyOptions(y) as unknown as Argv,
    run: (args, io) => runApply(args as ApplyArgs, io),
  },
  diff: {
    describe: 'show the plan that turns one schema source into another (databases, entities, model .json, .sql)',
    options: (y) => diffOptions(y) as unknown as Argv,
    run: (args, io, argv) => runDiff(args as DiffArgs, io, argv),
  },
  inspect: {
    describe: 'print the model of a database or of the entities',
    options: (y) => inspectOptions(y) as unknown as Argv,
    run: (args, io) => runInspect(args as InspectArgs, io),
  },
  generate: {
    describe: 'rewrite generated/ (model.json, schema.<dialect>.sql) from the entities',
    options: (y) => generateOptions(y) as unknown as Argv,
    run: (args, io) => runGenerate(args as Parameters<typeof runGenerate>[0], io),
  },
  check: {
    describe: 'compare generated/ with the entities, without a database: exit 2 when it is stale',
    options: (y) => checkOptions(y) as unknown as Argv,
    run: (args, io) => runCheck(args as CheckArgs, io),
  },
};

/** The options a yargs instance was given so far (yargs 17's `getOptions()`, which its typings leave out). */
function optionsOf(yargs: Argv): YargsOptions {
  return (yargs as unknown as { getOptions(): YargsOptions }).getOptions();
}

interface YargsOptions {
  readonly key: Record<string, unknown>;
  readonly alias: Record<string, string[]>;
  readonly string: readonly string[];
  readonly number: readonly string[];
}

/** Options that take a value must be given one: `--url` alone is "--url needs a value", not an empty URL. */
function valuesRequired(yargs: Argv): Argv {
  const { string, number } = optionsOf(yargs);
  return yargs.requiresArg([...string, ...number]);
}

/** A command's help: usage, its own options before the common ones, examples, and its exit codes. */
function documented(name: CommandName, yargs: Argv): Argv {
  const built = valuesRequired(COMMANDS[name].options(yargs));
  const { key, alias } = optionsOf(built);
  const aliases = new Set(Object.values(alias).flat());
  const own = Object.keys(key).filter((option) => !COMMON_OPTIONS.includes(option) && !aliases.has(option));
  let help = built
    .usage(`$0 ${name} [options]\n\n${COMMANDS[name].describe}`)
    .group(own, 'Options:')
    .group(COMMON_OPTIONS, 'Common options:');
  for (const [command, description] of EXAMPLES[name]) help = help.example(command, description);
  return help.epilogue(exitCodesHelp(name, HELP_WIDTH));
}

/** Every command's options (long names and aliases), for "did you mean" (see suggest.ts). */
function knownArguments(): KnownArguments {
  const options: Record<string, string[]> = {};
  for (const name of COMMAND_NAMES) {
    const parsed = optionsOf(COMMANDS[name].options(yargs([])));
    const aliases = Object.values(parsed.alias ?? {}).flat();
    options[name] = [...Object.keys(parsed.key), ...aliases].filter((key) => !COMMON_OPTIONS.includes(key));
  }
  return { commands: COMMAND_NAMES, common: COMMON_OPTIONS, options };
}

/** Runs the CLI on `argv` (without `node schema`) and resolves to the exit code; never exits the process. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const urls = [...argv.filter((a) => a.includes('://')), io.env.DATABASE_URL];
  const run: CliIo = { ...io, noteSecret: (url) => urls.push(url) };
  try {
    let cli = withConfig(yargs([...argv]))
      .scriptName('schema')
      .usage(
        '$0 <command> [options]\n\nSchema-as-code for TypeORM: plan and apply database changes from your entities.',
      )
      .option('debug', { type: 'boolean', default: false, describe: 'print stack traces on errors' })
      .option('color', {
        type: 'boolean',
        describe: 'colour output (default: on a TTY; --no-color, NO_COLOR to disable)',
      });
    cli = valuesRequired(cli as unknown as Argv) as unknown as typeof cli;
    for (const name of COMMAND_NAMES) {
      cli = cli.command(
        name,
        COMMANDS[name].describe,
        (y) => documented(name, y as unknown as Argv),
        async (args) => {
          // diff resolves no database URL from files (its databases are --from and --to): nothing to note as a secret.
          exitCode = await COMMANDS[name].run(args, name === 'diff' ? io : run, argv);
        },
      ) as typeof cli;
    }
    let output = '';
    await cli
      .demandCommand(
        1,
        `name a command: ${COMMAND_NAMES.slice(0, -1).join(', ')} or ${COMMAND_NAMES[COMMAND_NAMES.length - 1]}`,
      )
      .example('$0 plan', 'the plan for the entities against $DATABASE_URL')
      .example('$0 apply', 'apply it, after asking')
      .example('$0 plan --exit-code', 'CI: exit 2 when changes are pending')
      .epilogue(exitCodesHelp('all', HELP_WIDTH))
      .strict()
      .exitProcess(false)
      .fail((message, error) => {
        // yargs' own errors (a missing value...) are usage errors too; ours (from a `.check`) are thrown as they are.
        if (error && error.name !== 'YError') throw error;
        throw usageErrorFor(error?.message ?? message, argv, knownArguments());
      })
      .help()
      .version()
      .wrap(HELP_WIDTH)
      // --help and --version: their text goes to the run's stdout (a test's, or the guarded process stream).
      .parseAsync([...argv], {}, (_error, _args, text) => {
        output = text;
      });
    if (output) io.stdout.write(`${output}\n`);
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
  // With --debug, a stack trace through an entity file names its TypeScript lines (transpiled with a source map then).
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
  void main(process.argv.slice(2), processIo(controller.signal)).then((code) => {
    process.exitCode = code;
    // Cancelled: nothing is left to wait for; do not let a stray handle (a paused stdin) keep the process up.
    if (controller.signal.aborted) setTimeout(() => process.exit(code), 200).unref();
  });
}

/**
 * yargs' usage failures as one clear line and a hint: an unknown command or option with the nearest known one ("did
 * you mean"), an option of another command said to be one, a value outside the choices with the nearest choice.
 */
import { distance } from 'fastest-levenshtein';
import { UsageError } from '../errors/errors';

/** What the CLI knows: its commands and, for each, the options it takes (the common ones included), by long name. */
export interface KnownArguments {
  readonly commands: readonly string[];
  /** Options every command takes (`--config`, `--debug`, ...). */
  readonly common: readonly string[];
  /** Per command, its own options (aliases included: `y`, `m`). */
  readonly options: Readonly<Record<string, readonly string[]>>;
}

/**
 * The candidate nearest to `word`, if it is near enough to be what was meant: at most one edit in three letters (at
 * least one), or a unique candidate `word` begins (`--exit` for `--exit-code`).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; edits: number } | undefined;
  for (const candidate of candidates) {
    const edits = distance(lower, candidate.toLowerCase());
    if (!best || edits < best.edits) best = { candidate, edits };
  }
  if (best && best.edits <= Math.max(1, Math.floor(best.candidate.length / 3))) return best.candidate;
  const started = lower.length >= 3 ? candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower)) : [];
  return started.length === 1 ? started[0] : undefined;
}

const flag = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);

/** The command argv names (the first known command word), else the first word that is not an option. */
function commandOf(argv: readonly string[], known: KnownArguments): { name?: string; unknown?: string } {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const name = words.find((word) => known.commands.includes(word));
  return name ? { name } : { unknown: words[0] };
}

/** Whether argv gave `name` as an option (`--name`, `--name=...`, `--no-name`, `-n`), rather than as a word. */
function givenAsOption(name: string, argv: readonly string[]): boolean {
  return argv.some(
    (arg) =>
      arg === `--${name}` ||
      arg.startsWith(`--${name}=`) ||
      arg === `--no-${name}` ||
      (name.length === 1 && /^-[^-]/.test(arg) && arg.slice(1).includes(name)),
  );
}

/** `unknown option --exitcode for schema plan (did you mean --exit-code?)`, and the like, for each unknown argument. */
function unknownArguments(names: readonly string[], argv: readonly string[], known: KnownArguments): UsageError {
  const command = commandOf(argv, known);
  if (!command.name) {
    const word = command.unknown ?? names[0] ?? '';
    const guess = nearest(word, known.commands);
    return new UsageError(
      `unknown command "${word}"${guess ? `; did you mean schema ${guess}?` : ''}`,
      `The commands are ${known.commands.slice(0, -1).join(', ')} and ${known.commands[known.commands.length - 1]}: run schema --help.`,
    );
  }
  const own = [...(known.options[command.name] ?? []), ...known.common];
  const options = names.filter((name) => givenAsOption(name, argv));
  const words = names.filter((name) => !givenAsOption(name, argv));
  const help = `Run schema ${command.name} --help for its options.`;
  if (options.length === 0) {
    const word = words[0]!;
    const url = /^[a-z][a-z0-9+.-]*:/i.test(word) && command.name !== 'diff';
    return new UsageError(
      `unexpected argument "${word}" for schema ${command.name}`,
      url
        ? `Pass a database URL with --url: schema ${command.name} --url ${word}`
        : `schema ${command.name} takes options only. ${help}`,
    );
  }
  const described = options.map((name) => {
    const elsewhere = Object.entries(known.options)
      .filter(([other, list]) => other !== command.name && list.includes(name))
      .map(([other]) => `schema ${other}`);
    if (elsewhere.length > 0)
      return `${flag(name)} (an option of ${elsewhere.join(' and ')}, not of schema ${command.name})`;
    const guess = nearest(
      name,
      own.filter((option) => option.length > 1),
    );
    return guess ? `${flag(name)} (did you mean ${flag(guess)}?)` : flag(name);
  });
  const plural = options.length > 1 ? 's' : '';
  return new UsageError(`unknown option${plural} for schema ${command.name}: ${described.join(', ')}`, help);
}

/**
 * The `UsageError` for a yargs failure message: unknown commands and options with suggestions, values outside their
 * choices with the nearest one; other messages as yargs words them, on one line.
 */
export function usageErrorFor(message: string, argv: readonly string[], known: KnownArguments): UsageError {
  const command = commandOf(argv, known).name;
  const help = command
    ? `Run schema ${command} --help for its options and examples.`
    : 'Run schema --help for the commands and options.';
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (unknown) return unknownArguments(unknown[1]!.split(', '), argv, known);
  const invalid = /Argument: (\S+), Given: "([^"]*)", Choices: (.*)$/m.exec(message);
  if (invalid) {
    const [, name, given, list] = invalid;
    const choices = [...list!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    const guess = nearest(given!, choices);
    return new UsageError(
      `--${name} ${given} is not one of ${choices.join(', ')}${guess ? `; did you mean --${name} ${guess}?` : ''}`,
      help,
    );
  }
  const missing = /^Missing required arguments?: (.*)$/.exec(message);
  if (missing) {
    const names = missing[1]!.split(', ').map(flag);
    return new UsageError(`missing required option${names.length > 1 ? 's' : ''} ${names.join(' and ')}`, help);
  }
  const noValue = /^Not enough arguments following: (.*)$/.exec(message);
  if (noValue) return new UsageError(`${flag(noValue[1]!)} needs a value`, help);
  return new UsageError(message.replace(/\s*\n\s*/g, ' '), help);
}

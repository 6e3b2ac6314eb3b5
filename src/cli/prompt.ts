import type { CliIo } from './io';

/** How many answers a question takes before it gives up (a person answers in one or two; a stream of junk does not). */
const MAX_TRIES = 5;

/**
 * Asks a yes/no question on the terminal until it is answered: `y`/`yes` or `n`/`no`, in any case. With a default
 * (`[y/N]`), an empty answer takes it; without one (`[y/n]`, for answers that decide what happens to data), it asks
 * again, as for any other answer, saying what it expects. `undefined` when no answer came (end of input, the run was
 * cancelled, or too many answers that were neither): the caller treats the question as unanswered.
 */
export async function askYesNo(
  io: CliIo,
  question: string,
  options: { readonly default?: boolean } = {},
): Promise<boolean | undefined> {
  const choices = options.default === undefined ? '[y/n]' : options.default ? '[Y/n]' : '[y/N]';
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const answer = await io.ask(`${question} ${choices} `);
    if (answer === undefined) return undefined;
    const word = answer.trim().toLowerCase();
    if (word === 'y' || word === 'yes') return true;
    if (word === 'n' || word === 'no') return false;
    if (word === '' && options.default !== undefined) return options.default;
    io.stderr.write(
      `Please answer y (yes) or n (no)${options.default === undefined ? '' : `, or press Enter for ${options.default ? 'yes' : 'no'}`}.\n`,
    );
  }
  return undefined;
}

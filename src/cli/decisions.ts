/**
 * Open questions (rename or drop?) at the CLI: on a terminal they are asked, one by one, and the plan is made again
 * with the answers (for this run only; the renames file that keeps them, with what it already holds, is printed).
 * Anywhere else they are printed with the declarations that answer them, and the command exits 3 without applying
 * anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renamesFileFor } from '../report/decisions';
import type { PlannedTarget } from '../workflow/plan-database';
import { answerDecisions, type Answer } from '../workflow/rename-answers';
import type { CliIo } from './io';
import { askYesNo } from './prompt';

/** Questions are asked only when a person is at a terminal: stdin and stdout are TTYs and this is not CI. */
export function canAsk(io: CliIo): boolean {
  return io.stdinIsTTY && Boolean(io.stdout.isTTY) && io.env.CI !== 'true';
}

/**
 * The renames file as it is, for the answers to be added to: `undefined` when it does not exist (or cannot be read as
 * a JSON object any more: then only the answers are printed, with a note).
 */
function existingRenames(
  file: string,
  cwd: string,
): { readonly content?: Record<string, unknown>; readonly unreadable?: boolean } {
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) return {};
  try {
    const data: unknown = JSON.parse(readFileSync(absolute, 'utf8'));
    if (typeof data === 'object' && data !== null && !Array.isArray(data))
      return { content: data as Record<string, unknown> };
  } catch {
    // said below
  }
  return { unreadable: true };
}

/** How to keep the answers: the renames file with them added to what it holds, never a file that would replace it. */
function keepAnswers(answers: readonly Answer[], file: string, io: CliIo): void {
  const existing = existingRenames(file, io.cwd);
  const intro = 'These answers count for this run only. To keep them (or declare the yeses with @RenamedFrom),';
  if (existing.content) {
    io.stderr.write(
      `${intro} add them to ${file}, which then reads (what it holds is kept):\n${renamesFileFor(answers, existing.content)}`,
    );
  } else if (existing.unreadable) {
    io.stderr.write(
      `${intro} add these entries to the sections of ${file} (it is not a JSON object now):\n${renamesFileFor(answers)}`,
    );
  } else {
    io.stderr.write(`${intro} create ${file} with:\n${renamesFileFor(answers)}`);
  }
}

/**
 * Asks every open question, re-plans with the answers until none is left, and tells how to keep the answers. An
 * answer must be yes or no: anything else asks again (no drops data, so there is no default). A question left
 * without an answer (end of input, cancelled) stays open, with those after it: the plan then says so (exit 3).
 */
export async function askDecisions(planned: PlannedTarget, io: CliIo): Promise<PlannedTarget> {
  const ask = (decision: PlannedTarget['plan']['decisions'][number]) =>
    askYesNo(io, `${decision.question} (no: ${decision.from} is dropped and ${decision.to} created)`);
  const { planned: answered, answers } = await answerDecisions(planned, ask);
  if (answers.length > 0) keepAnswers(answers, planned.renamesFile, io);
  return answered;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { ApplyOptions } from '../../dialects/dialect';
import { CancelledError, PlanFileError, UsageError } from '../../errors/errors';
import {
  blockedHazards,
  failingHazards,
  HAZARD_CODES,
  parseAllowedHazards,
  type AllowedHazards,
} from '../../plan/hazard-gate';
import { hasErrors } from '../../plan/plan';
import { checkPlanFile, parsePlanFile, type PlanFile } from '../../plan/plan-file';
import {
  renderApplied,
  renderBlockedHazards,
  renderBlockedNote,
  renderFailingHazards,
  renderFailingNote,
  renderLockRetry,
  renderPhaseProgress,
  renderStatementDone,
  renderStatementStart,
  renderStatementStopped,
} from '../../report/apply-progress';
import { paint, type Paint } from '../../report/colors';
import { renderDiagnostics, renderText } from '../../report/text';
import { EXIT } from '../exit-codes';
import { colourEnabled, type CliIo } from '../io';
import { askDecisions, canAsk } from '../decisions';
import { askYesNo } from '../prompt';
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
import { applyAndVerify } from '../../workflow/apply-verified';
import { planAgainstDatabase } from '../../workflow/plan-database';

export interface ApplyArgs extends SourceArgs, TimeoutArgs {
  yes: boolean;
  'dry-run': boolean;
  'allow-hazards'?: string[];
  'allow-all-hazards': boolean;
  plan?: string;
  color?: boolean;
}

export function applyOptions<T>(yargs: Argv<T>) {
  return withTimeouts(withConcurrently(withRenames(withEntities(withUrl(yargs)))))
    .option('yes', {
      alias: 'y',
      type: 'boolean',
      default: false,
      describe: 'apply without asking (required without a TTY)',
    })
    .option('dry-run', { type: 'boolean', default: false, describe: 'print the plan, change nothing' })
    .option('allow-hazards', {
      type: 'string',
      array: true,
      describe:
        `apply a plan with these hazards (comma-separated, repeatable): ${HAZARD_CODES.join(', ')}; not those the ` +
        'counted rows make fail ("apply will fail"), which no flag allows',
    })
    .option('allow-all-hazards', {
      type: 'boolean',
      default: false,
      describe: 'apply a plan whatever its hazards, but for those the counted rows make fail ("apply will fail")',
    })
    .option('plan', {
      type: 'string',
      describe:
        'apply the plan `schema plan --out FILE` wrote, only if it is still exactly the plan for this database (else nothing)',
    });
}

/** `--allow-hazards` / `--allow-all-hazards`; an unknown code is a usage error, before anything is read. */
function allowedHazards(args: ApplyArgs): AllowedHazards {
  const allowed = parseAllowedHazards(args['allow-hazards'] ?? [], args['allow-all-hazards']);
  if (allowed !== 'all' && 'unknown' in allowed) {
    throw new UsageError(
      `unknown hazard code${allowed.unknown.length > 1 ? 's' : ''} in --allow-hazards: ${allowed.unknown.join(', ')}`,
      `Known codes: ${HAZARD_CODES.join(', ')} (or --allow-all-hazards).`,
    );
  }
  return allowed;
}

/** `--plan FILE`: the reviewed plan, read and validated before anything else (`PlanFileError`). */
function readReviewedPlan(file: string, io: CliIo): PlanFile {
  let text: string;
  try {
    text = readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new PlanFileError(
      `cannot read the plan file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'Write it with schema plan --out FILE.',
    );
  }
  return parsePlanFile(text, file);
}

/**
 * Progress on stdout, after the plan: a line per statement, `[2/3] ALTER TABLE ... (12 ms)`, its headline written as it
 * starts and its time as it ends, and the phases when several; on stderr, each retry after a lock timeout. `stop()`
 * ends the line of a statement apply stopped in (failed, gave up, cancelled), so the error starts on a line of its own.
 */
function progress(
  io: CliIo,
  p: Paint,
): { hooks: Pick<ApplyOptions, 'onPhase' | 'onStatement' | 'onStatementDone' | 'onRetry'>; stop(): void } {
  let started: number | undefined;
  const stop = () => {
    if (started === undefined) return;
    io.stdout.write(renderStatementStopped(performance.now() - started, p));
    started = undefined;
  };
  return {
    stop,
    hooks: {
      onRetry: (retry) => {
        stop();
        io.stderr.write(renderLockRetry(retry, p));
      },
      onPhase: (phase, index, count) => {
        stop();
        if (count > 1) io.stdout.write(renderPhaseProgress(phase, index, count, p));
      },
      onStatement: (statement, index, count) => {
        stop();
        io.stdout.write(renderStatementStart(statement.sql, index, count, p));
        started = performance.now();
      },
      onStatementDone: () => {
        if (started === undefined) return;
        io.stdout.write(renderStatementDone(performance.now() - started, p));
        started = undefined;
      },
    },
  };
}

const nStatements = (n: number): string => `${n} statement${n === 1 ? '' : 's'}`;

/**
 * Plans, asks the plan's open questions on a terminal (anywhere else it refuses with exit 3 before touching
 * anything), shows the plan, refuses a plan the rows as counted make fail (whatever is allowed) and hazards that were
 * not allowed, asks (or requires --yes without a TTY; no is exit 1), then applies it under the database's apply lock,
 * once the database is verified to be the one planned against, with progress and timings, and finally re-plans and
 * fails if anything is left to do.
 */
export async function runApply(args: ApplyArgs, io: CliIo): Promise<number> {
  const allowed = allowedHazards(args);
  const { lockTimeout, statementTimeout } = timeoutsOf(args);
  const reviewed = args.plan !== undefined ? readReviewedPlan(args.plan, io) : undefined;
  const sources = await resolveSources(args, io);
  // A reviewed plan is made again as it was made (--concurrently as recorded), so that it can be compared.
  const connect = { signal: io.signal, lockTimeout, statementTimeout, connecting: announceDatabase(sources, io) };
  let planned = await planAgainstDatabase(
    reviewed ? { ...sources, concurrently: reviewed.concurrently } : sources,
    connect,
  );
  const p = paint(colourEnabled(io, args.color));
  const context = {
    target: planned.target.redacted,
    serverVersion: planned.serverVersion,
    renamesFile: planned.renamesFile,
    timeouts: timeoutsOf(args, planned.dialect),
  };
  try {
    if (hasErrors(planned.plan)) {
      io.stderr.write(`${renderDiagnostics(planned.plan.diagnostics, p).join('\n')}\n`);
      return EXIT.error;
    }
    if (reviewed) checkPlanFile(reviewed, { plan: planned.plan, database: await planned.session.identity() });
    // Answers given now would change a reviewed plan: with --plan, open questions stop apply as without a terminal.
    const ask = canAsk(io) && !reviewed;
    if (planned.plan.decisions.length > 0 && ask) planned = await askDecisions(planned, io);
    const { plan } = planned;
    io.stdout.write(renderText(plan, p, context));
    if (plan.decisions.length > 0) {
      const n = plan.decisions.length;
      const where = `in ${planned.renamesFile} or with @RenamedFrom (see above)`;
      io.stderr.write(
        `error: ${n} open question${n === 1 ? '' : 's'} must be answered before apply; nothing was applied\n` +
          `hint: ${
            ask
              ? `Answer ${n === 1 ? 'it' : 'them'} yes or no at the prompt, or declare the answers ${where}.`
              : reviewed
                ? `Declare the answers ${where} (a reviewed plan asks nothing), then write the plan again with schema plan --out.`
                : `Declare the answers ${where}, or run on a terminal to answer them.`
          }\n`,
      );
      return EXIT.decisions;
    }
    if (plan.changes.length === 0) return EXIT.ok;
    const failing = failingHazards(plan);
    const blocked = blockedHazards(plan, allowed);
    if (args['dry-run']) {
      io.stdout.write(p.dim('Dry run: nothing was applied.\n'));
      if (failing) io.stdout.write(renderFailingNote(failing, p));
      if (blocked) io.stdout.write(renderBlockedNote(blocked, p));
      return EXIT.ok;
    }
    // Counted rows that make a statement fail: running it would only fail and roll back. No flag allows it.
    if (failing) {
      io.stderr.write(renderFailingHazards(failing, p));
      return EXIT.error;
    }
    if (blocked) {
      io.stderr.write(renderBlockedHazards(blocked, p));
      return EXIT.error;
    }
    if (!args.yes) {
      if (!io.stdinIsTTY) {
        throw new UsageError(
          'refusing to apply without confirmation: stdin is not a terminal',
          'Pass --yes to apply non-interactively.',
        );
      }
      const confirmed = await askYesNo(
        io,
        `Apply ${nStatements(plan.statements.length)} to ${planned.target.redacted}?`,
        { default: false },
      );
      if (io.signal?.aborted) throw new CancelledError('cancelled; nothing was applied');
      if (confirmed !== true) {
        io.stderr.write(`${confirmed === false ? 'Not confirmed' : 'No answer'}: nothing was applied.\n`);
        return EXIT.declined;
      }
    }
    if (io.signal?.aborted) throw new CancelledError('cancelled; nothing was applied');
    const shown = progress(io, p);
    io.stdout.write('\n');
    // Verified once applied: the database is planned again and must have nothing left to do.
    const { ms } = await applyAndVerify(planned, {
      lockTimeout,
      statementTimeout,
      signal: io.signal,
      ...shown.hooks,
    }).finally(() => shown.stop());
    io.stdout.write(renderApplied(plan.statements.length, ms, p));
    return EXIT.ok;
  } finally {
    await planned.session.close();
  }
}

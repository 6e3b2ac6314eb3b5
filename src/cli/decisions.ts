/**
 * Open questions (rename or drop?) at the CLI: on a terminal they are asked, one by one, and the plan is made again
 * with the answers (for this run only; the renames file entries that keep them are printed). Anywhere else they are
 * printed with the declarations that answer them, and the command exits 3 without applying anything.
 */
import type { DialectName, QualifiedName, Renames } from '../model';
import type { Decision } from '../plan/types';
import { renamesFileFor } from '../report/decisions';
import type { CliIo } from './io';
import { replan, type PlannedTarget } from './workflow';

/** Questions are asked only when a person is at a terminal: stdin and stdout are TTYs and this is not CI. */
export function canAsk(io: CliIo): boolean {
  return io.stdinIsTTY && Boolean(io.stdout.isTTY) && io.env.CI !== 'true';
}

interface Answer {
  readonly decision: Decision;
  readonly rename: boolean;
}

/** A table key of a decision (`public.users` on PostgreSQL, where model tables are always schema-qualified). */
function tableName(key: string, dialect: DialectName): QualifiedName {
  const dot = key.indexOf('.');
  return dialect === 'postgres' && dot > 0 ? { schema: key.slice(0, dot), name: key.slice(dot + 1) } : { name: key };
}

/** The declared renames plus the user's answers (answers count only for pairs nothing else declared). */
export function withAnswers(renames: Renames, answers: readonly Answer[], dialect: DialectName): Renames {
  const source = 'your answer on the terminal';
  const tables = [...renames.tables];
  const columns = [...renames.columns];
  for (const { decision, rename } of answers) {
    const value = decision.entry.value;
    if (decision.entry.section === 'tables') {
      tables.push({ from: tableName(value.from!, dialect), to: tableName(value.to!, dialect), rename, source });
    } else if (decision.entry.section === 'columns') {
      columns.push({ table: tableName(value.table!, dialect), from: value.from!, to: value.to!, rename, source });
    }
  }
  return { ...renames, tables, columns };
}

/** Asks every open question, re-plans with the answers until none is left, and tells how to keep the answers. */
export async function askDecisions(planned: PlannedTarget, io: CliIo): Promise<PlannedTarget> {
  const answers: Answer[] = [];
  let current = planned;
  // A "no" can reveal another look-alike for the same object; every pair is asked at most once, so this ends.
  const asked = new Set<string>();
  const key = (d: Decision) => `${d.object} ${d.from} -> ${d.to}`;
  for (;;) {
    const open = current.plan.decisions.filter((d) => !asked.has(key(d)));
    if (open.length === 0) break;
    for (const decision of open) {
      asked.add(key(decision));
      const prompt = `${decision.question} (no: ${decision.from} is dropped and ${decision.to} created)`;
      answers.push({ decision, rename: await io.confirm(prompt) });
    }
    const declared = { ...planned.declared, renames: withAnswers(planned.declared.renames, answers, planned.dialect.name) };
    const plan = await replan(planned.session, planned.dialect, planned.desired, planned.diagnostics, declared, planned.options);
    current = { ...current, declared, plan };
  }
  if (answers.length > 0) {
    io.stderr.write(
      `These answers count for this run only. To keep them, add to ${planned.renamesFile} ` +
        `(or declare yes with @RenamedFrom):\n${renamesFileFor(answers)}`,
    );
  }
  return current;
}

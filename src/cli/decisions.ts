/**
 * Open questions (rename or drop?) at the CLI: on a terminal they are asked, one by one, and the plan is made again
 * with the answers (for this run only; the renames file that keeps them, with what it already holds, is printed).
 * Anywhere else they are printed with the declarations that answer them, and the command exits 3 without applying
 * anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertNever } from '../diff/changes';
import { qualifiedKey, type DialectName, type EnumValueRename, type Model, type QualifiedName, type Renames } from '../model';
import type { Decision } from '../plan/types';
import { renamesFileFor } from '../report/decisions';
import type { CliIo } from './io';
import { askYesNo } from './prompt';
import { replan, type PlannedTarget } from './workflow';

/** Questions are asked only when a person is at a terminal: stdin and stdout are TTYs and this is not CI. */
export function canAsk(io: CliIo): boolean {
  return io.stdinIsTTY && Boolean(io.stdout.isTTY) && io.env.CI !== 'true';
}

interface Answer {
  readonly decision: Decision;
  readonly rename: boolean;
}

/** A qualified key of a decision (`public.users` on PostgreSQL, where model objects are always schema-qualified). */
function parseKey(key: string, dialect: DialectName): QualifiedName {
  const dot = key.indexOf('.');
  return dialect === 'postgres' && dot > 0 ? { schema: key.slice(0, dot), name: key.slice(dot + 1) } : { name: key };
}

/**
 * The columns an enum label answer applies to: on PostgreSQL every column of the desired model using the type; on
 * SQLite, where an enum has no name, the question names the one column (`decks.level`).
 */
function enumColumns(desired: Model, key: string): EnumValueRename['columns'] {
  if (desired.dialect === 'sqlite') {
    const dot = key.lastIndexOf('.');
    return [{ table: { name: key.slice(0, dot) }, column: key.slice(dot + 1) }];
  }
  return desired.tables.flatMap((table) =>
    table.columns
      .filter((c) => c.enum && qualifiedKey(c.enum) === key)
      .map((c) => ({ table: { schema: table.schema, name: table.name }, column: c.name })),
  );
}

/** The declared renames plus the user's answers, in the same terms a renames file would give. */
export function withAnswers(renames: Renames, answers: readonly Answer[], desired: Model): Renames {
  const source = 'your answer on the terminal';
  const dialect = desired.dialect;
  const result = {
    tables: [...renames.tables],
    columns: [...renames.columns],
    enums: [...renames.enums],
    enumValues: [...renames.enumValues],
  };
  for (const { decision, rename } of answers) {
    const value = decision.entry.value;
    switch (decision.entry.section) {
      case 'tables':
        result.tables.push({ from: parseKey(value.from!, dialect), to: parseKey(value.to!, dialect), rename, source });
        break;
      case 'columns':
        result.columns.push({ table: parseKey(value.table!, dialect), from: value.from!, to: value.to!, rename, source });
        break;
      case 'enums':
        result.enums.push({ from: parseKey(value.from!, dialect), to: parseKey(value.to!, dialect), rename, source });
        break;
      case 'enumValues':
        result.enumValues.push({
          enum: parseKey(value.enum!, dialect),
          from: value.from!,
          to: value.to!,
          rename,
          source,
          columns: enumColumns(desired, value.enum!),
        });
        break;
      default:
        return assertNever(decision.entry.section);
    }
  }
  return result;
}

/**
 * The renames file as it is, for the answers to be added to: `undefined` when it does not exist (or cannot be read as
 * a JSON object any more: then only the answers are printed, with a note).
 */
function existingRenames(file: string, cwd: string): { readonly content?: Record<string, unknown>; readonly unreadable?: boolean } {
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) return {};
  try {
    const data: unknown = JSON.parse(readFileSync(absolute, 'utf8'));
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return { content: data as Record<string, unknown> };
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
    io.stderr.write(`${intro} add them to ${file}, which then reads (what it holds is kept):\n${renamesFileFor(answers, existing.content)}`);
  } else if (existing.unreadable) {
    io.stderr.write(`${intro} add these entries to the sections of ${file} (it is not a JSON object now):\n${renamesFileFor(answers)}`);
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
  const answers: Answer[] = [];
  let current = planned;
  // A "no" can reveal another look-alike for the same object; every pair is asked at most once, so this ends.
  const asked = new Set<string>();
  const key = (d: Decision) => `${d.object} ${d.from} -> ${d.to}`;
  let unanswered = false;
  while (!unanswered) {
    const open = current.plan.decisions.filter((d) => !asked.has(key(d)));
    if (open.length === 0) break;
    const before = answers.length;
    for (const decision of open) {
      asked.add(key(decision));
      const rename = await askYesNo(io, `${decision.question} (no: ${decision.from} is dropped and ${decision.to} created)`);
      if (rename === undefined) {
        unanswered = true;
        break;
      }
      answers.push({ decision, rename });
    }
    if (answers.length === before) break;
    const declared = { ...planned.declared, renames: withAnswers(planned.declared.renames, answers, planned.desired) };
    const plan = await replan(planned.session, planned.dialect, planned.desired, planned.diagnostics, declared, planned.options);
    current = { ...current, declared, plan };
  }
  if (answers.length > 0) keepAnswers(answers, planned.renamesFile, io);
  return current;
}

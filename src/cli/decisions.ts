/**
 * Open questions (rename or drop?) at the CLI: on a terminal they are asked, one by one, and the plan is made again
 * with the answers (for this run only; the renames file entries that keep them are printed). Anywhere else they are
 * printed with the declarations that answer them, and the command exits 3 without applying anything.
 */
import { assertNever } from '../diff/changes';
import { qualifiedKey, type DialectName, type EnumValueRename, type Model, type QualifiedName, type Renames } from '../model';
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
    const declared = { ...planned.declared, renames: withAnswers(planned.declared.renames, answers, planned.desired) };
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

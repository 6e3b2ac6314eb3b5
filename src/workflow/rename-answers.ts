/**
 * Answers to a plan's open questions (rename or drop?), given by the caller: at the CLI typed at the terminal, from
 * code as the `answers` option. The plan is made again with them, as if they had been declared in the renames file.
 */
import { assertNever } from '../diff/changes';
import type { Dialect } from '../dialects/dialect';
import { dialectFor } from '../dialects/registry';
import { qualifiedKey, type EnumValueRename, type Model, type QualifiedName, type Renames } from '../model';
import type { Decision } from '../plan/types';
import { replan, type PlannedTarget } from './plan-database';

/** One open question and its answer: `rename` true (renamed, data kept) or false (dropped and created). */
export interface Answer {
  readonly decision: Decision;
  readonly rename: boolean;
}

/** How the CLI's answers are named in the plan's reasons ("declared by ..."). */
export const TERMINAL_ANSWER = 'your answer on the terminal';

/** A qualified key of a decision (`public.users` where model objects are schema-qualified). */
function parseKey(key: string, dialect: Dialect): QualifiedName {
  const dot = key.indexOf('.');
  return dialect.capabilities.schemas && dot > 0
    ? { schema: key.slice(0, dot), name: key.slice(dot + 1) }
    : { name: key };
}

/**
 * The columns an enum label answer applies to: where enums are named types, every column of the desired model using
 * the type; where an enum has no name (a CHECK), the question names the one column (`decks.level`).
 */
function enumColumns(desired: Model, key: string, dialect: Dialect): EnumValueRename['columns'] {
  if (!dialect.capabilities.enumTypes) {
    const dot = key.lastIndexOf('.');
    return [{ table: { name: key.slice(0, dot) }, column: key.slice(dot + 1) }];
  }
  return desired.tables.flatMap((table) =>
    table.columns
      .filter((c) => c.enum && qualifiedKey(c.enum) === key)
      .map((c) => ({ table: { schema: table.schema, name: table.name }, column: c.name })),
  );
}

/** The declared renames plus the answers, in the same terms a renames file would give; `source` names who answered. */
export function withAnswers(
  renames: Renames,
  answers: readonly Answer[],
  desired: Model,
  source: string = TERMINAL_ANSWER,
): Renames {
  const dialect = dialectFor(desired.dialect);
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
        result.columns.push({
          table: parseKey(value.table!, dialect),
          from: value.from!,
          to: value.to!,
          rename,
          source,
        });
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
          columns: enumColumns(desired, value.enum!, dialect),
        });
        break;
      default:
        return assertNever(decision.entry.section);
    }
  }
  return result;
}

/** The plan made again with `answers` added to the declared renames (for this run only). */
export async function replanWithAnswers(
  planned: PlannedTarget,
  answers: readonly Answer[],
  source?: string,
): Promise<PlannedTarget> {
  const declared = {
    ...planned.declared,
    renames: withAnswers(planned.declared.renames, answers, planned.desired, source),
  };
  const plan = await replan(
    planned.session,
    planned.dialect,
    planned.desired,
    planned.diagnostics,
    declared,
    planned.options,
  );
  return { ...planned, declared, plan };
}

/** A decision's identity: a "no" can reveal another look-alike for the same object, a new question. */
export const decisionKey = (d: Pick<Decision, 'object' | 'from' | 'to'>): string => `${d.object} ${d.from} -> ${d.to}`;

/**
 * Answers the plan's open questions with `answer` (undefined: left open), re-planning until none it can answer is
 * left; each question is put at most once, so this ends. Returns the plan and the answers given. A question left
 * without an answer stays open in the plan, with those after it.
 */
export async function answerDecisions(
  planned: PlannedTarget,
  answer: (decision: Decision) => Promise<boolean | undefined> | boolean | undefined,
  source?: string,
): Promise<{ planned: PlannedTarget; answers: Answer[] }> {
  const answers: Answer[] = [];
  let current = planned;
  const asked = new Set<string>();
  let unanswered = false;
  while (!unanswered) {
    const open = current.plan.decisions.filter((d) => !asked.has(decisionKey(d)));
    if (open.length === 0) break;
    const before = answers.length;
    for (const decision of open) {
      asked.add(decisionKey(decision));
      const rename = await answer(decision);
      if (rename === undefined) {
        unanswered = true;
        break;
      }
      answers.push({ decision, rename });
    }
    if (answers.length === before) break;
    const again = await replanWithAnswers(planned, answers, source);
    current = { ...current, declared: again.declared, plan: again.plan };
  }
  return { planned: current, answers };
}

/** How answers given in code are named in the plan's reasons ("declared by ..."). */
export const OPTION_ANSWER = 'the answers option';

/**
 * Answers the plan's open questions from a list (`from`, `to`, `rename`, optionally `object`), re-planning until no
 * open question has an answer in it; questions it does not answer stay open in the plan.
 */
export async function answerFromList(
  planned: PlannedTarget,
  list: readonly {
    readonly from: string;
    readonly to: string;
    readonly rename: boolean;
    readonly object?: Decision['object'];
  }[],
): Promise<PlannedTarget> {
  if (list.length === 0) return planned;
  const given: Answer[] = [];
  const used = new Set<string>();
  let current = planned;
  for (;;) {
    const matched = current.plan.decisions.flatMap((decision): Answer[] => {
      if (used.has(decisionKey(decision))) return [];
      const answer = list.find(
        (a) =>
          a.from === decision.from && a.to === decision.to && (a.object === undefined || a.object === decision.object),
      );
      return answer ? [{ decision, rename: answer.rename }] : [];
    });
    if (matched.length === 0) return current;
    for (const answer of matched) used.add(decisionKey(answer.decision));
    given.push(...matched);
    current = await replanWithAnswers(planned, given, OPTION_ANSWER);
  }
}

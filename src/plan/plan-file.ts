/**
 * A reviewed plan (`schema plan --out plan.json`), applied with `schema apply --plan plan.json` only if it is still
 * exactly what would be applied. The file is untrusted input: no SQL is ever taken from it. Apply plans again from
 * the entities and the database as they are, and runs its own statements only when
 * - the file is a plan document of ours (validated here),
 * - for the same dialect and the same database (`DatabaseSession.identity`: the PostgreSQL cluster's identifier and
 *   the database's name; the SQLite file),
 * - made from the same schema (`fromHash` equals the database's hash now),
 * - with the very same statements, in the same order, each inside or outside the transaction as reviewed.
 * Anything else refuses with one line and applies nothing. Hazards are checked on the new plan as usual
 * (`--allow-hazards`): the counts behind them are today's.
 */
import { PlanFileError, StalePlanError } from '../errors/errors';
import type { DialectName } from '../model';
import type { Plan } from './types';
import { isDialectName } from '../dialects/registry';

/** What `apply --plan` needs from the file. */
export interface PlanFile {
  /** The path as given, for messages. */
  readonly file: string;
  readonly dialect: DialectName;
  readonly database: string;
  readonly fromHash: string;
  readonly concurrently: boolean;
  readonly statements: readonly { readonly sql: string; readonly transactional: boolean }[];
}

const HASH = /^sha256:[0-9a-f]{64}$/;

/** Validates the text of a plan file; `PlanFileError` with the first thing wrong. */
export function parsePlanFile(text: string, file: string): PlanFile {
  const fail = (what: string): never => {
    throw new PlanFileError(
      `${file} is not a plan written by \`schema plan --out\`: ${what}`,
      'Write it with schema plan --out FILE against the database to apply it to.',
    );
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('not a JSON object');
  const doc = data as Record<string, unknown>;
  if (doc.version !== 1) return fail(`version ${JSON.stringify(doc.version)}, expected 1`);
  if (!isDialectName(doc.dialect)) return fail(`unknown dialect ${JSON.stringify(doc.dialect)}`);
  if (typeof doc.database !== 'string' || !doc.database)
    return fail('it names no database (was it written by plan --format json instead of --out?)');
  if (typeof doc.fromHash !== 'string' || !HASH.test(doc.fromHash)) return fail('no schema hash (fromHash)');
  if (doc.concurrently !== undefined && typeof doc.concurrently !== 'boolean')
    return fail('"concurrently" is not true or false');
  if (!Array.isArray(doc.statements)) return fail('no statements list');
  const statements = doc.statements.map((statement: unknown, index) => {
    const s = statement as Record<string, unknown> | null;
    if (typeof s !== 'object' || s === null || typeof s.sql !== 'string' || typeof s.transactional !== 'boolean') {
      return fail(`statement ${index + 1} is not {"sql": ..., "transactional": ...}`);
    }
    return { sql: s.sql, transactional: s.transactional };
  });
  return {
    file,
    dialect: doc.dialect,
    database: doc.database,
    fromHash: doc.fromHash,
    concurrently: doc.concurrently === true,
    statements,
  };
}

/** The first line of a statement, cut, for a one-line message. */
const gist = (sql: string): string => {
  const line = sql.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

/**
 * Refuses the reviewed plan unless the plan made now (`now`, against `database`) is the same plan (see the top of
 * this file): `PlanFileError`, or `StalePlanError` when only the database's schema changed since.
 */
export function checkPlanFile(reviewed: PlanFile, now: { readonly plan: Plan; readonly database: string }): void {
  const { file } = reviewed;
  const hint = `Review the new plan (schema plan --out ${file}) and apply that.`;
  if (reviewed.dialect !== now.plan.dialect) {
    throw new PlanFileError(
      `${file} is a ${reviewed.dialect} plan, and this is a ${now.plan.dialect} database; nothing was applied`,
      hint,
    );
  }
  if (reviewed.database !== now.database) {
    throw new PlanFileError(
      `${file} was made for database ${reviewed.database}, and this is ${now.database}; nothing was applied`,
      hint,
    );
  }
  if (reviewed.fromHash !== now.plan.fromHash) {
    const short = (hash: string | undefined) => (hash ?? '?').replace(/^sha256:/, '').slice(0, 12);
    throw new StalePlanError(
      `the database changed since ${file} was made (schema hash ${short(reviewed.fromHash)} then, ${short(now.plan.fromHash)} now); nothing was applied`,
      hint,
    );
  }
  const planned = now.plan.statements;
  const differs = reviewed.statements.findIndex(
    (s, i) => planned[i]?.sql !== s.sql || planned[i]?.transactional !== s.transactional,
  );
  if (differs >= 0 || reviewed.statements.length !== planned.length) {
    const at = differs >= 0 ? differs : Math.min(reviewed.statements.length, planned.length);
    const was = reviewed.statements[at];
    const is = planned[at];
    const detail = !was
      ? `the entities now plan more: statement ${at + 1} ${gist(is!.sql)}`
      : !is
        ? `the entities now plan less: statement ${at + 1} ${gist(was.sql)} is gone`
        : was.sql !== is.sql
          ? `statement ${at + 1} was ${gist(was.sql)}, now ${gist(is.sql)}`
          : `statement ${at + 1} now runs ${is.transactional ? 'inside' : 'outside'} the transaction`;
    throw new PlanFileError(`${file} is not the plan the entities give now (${detail}); nothing was applied`, hint);
  }
}

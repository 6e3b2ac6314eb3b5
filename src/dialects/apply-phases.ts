import type { Statement } from '../model';

/** Statements that run together: in one transaction, or (a single statement) outside any transaction. */
export interface ApplyPhase<S extends Statement = Statement> {
  readonly transactional: boolean;
  /** Index in the plan of the phase's first statement. */
  readonly start: number;
  readonly statements: readonly S[];
}

/**
 * How apply runs a plan: consecutive transactional statements share one transaction; a statement that cannot run in
 * a transaction (`CREATE INDEX CONCURRENTLY`, an enum label a later statement uses) is a phase of its own, committed
 * when it ends. A plan without such statements is one phase.
 */
export function applyPhases<S extends Statement>(statements: readonly S[]): ApplyPhase<S>[] {
  const phases: { transactional: boolean; start: number; statements: S[] }[] = [];
  for (const [index, statement] of statements.entries()) {
    const last = phases[phases.length - 1];
    if (last && statement.transactional && last.transactional) last.statements.push(statement);
    else phases.push({ transactional: statement.transactional, start: index, statements: [statement] });
  }
  return phases;
}

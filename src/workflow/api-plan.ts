import type { PlanOptions } from './api-types';
import { planDocument, type PlanDocument } from './plan-document';
import { planAgainstDatabase } from './plan-database';
import { answerFromList } from './rename-answers';
import { resolveOptions } from './resolve-options';
import { timeoutsOf } from './timeouts';

/**
 * The plan that brings the database in line with the entities, as `schema plan --format json` prints it (plain data,
 * every field: `version`, `target`, `serverVersion`, `fromHash`...). Reads only: a database that does not exist is
 * planned against as an empty one, and not created. Open questions the `answers` do not answer are in `decisions`.
 * Rejects with a `SchemaplanError` (see its `code`); `CancelledError` when `signal` aborts.
 */
export async function plan(options: PlanOptions = {}): Promise<PlanDocument> {
  const timeouts = timeoutsOf(options);
  const sources = await resolveOptions(options);
  let planned = await planAgainstDatabase(sources, {
    create: false,
    readOnly: true,
    signal: options.signal,
    ...timeouts,
    connecting: (target) => options.onProgress?.({ kind: 'connecting', target: target.redacted }),
  });
  try {
    planned = await answerFromList(planned, options.answers ?? []);
    options.onProgress?.({
      kind: 'planned',
      statements: planned.plan.statements.length,
      decisions: planned.plan.decisions.length,
    });
    return planDocument(planned.plan, { target: planned.target.redacted, serverVersion: planned.serverVersion });
  } finally {
    await planned.session.close();
  }
}

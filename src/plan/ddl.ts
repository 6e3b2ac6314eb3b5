import type { Dialect } from '../dialects/dialect';
import { emptyModel, type Model } from '../model';
import { createPlan } from './plan';
import { terminate } from './terminate';

/**
 * The full DDL that creates `model` from nothing, as the dialect renders it (`generated/schema.<dialect>.sql`);
 * `oneColumnPerLine` for a DDL diff, where a one-column change is then a one-line difference.
 */
export function modelDdl(
  model: Model,
  dialect: Dialect,
  options: { readonly oneColumnPerLine?: boolean } = {},
): string {
  const plan = createPlan({
    from: emptyModel(model.dialect),
    to: model,
    dialect,
    oneColumnPerLine: options.oneColumnPerLine,
  });
  return plan.statements.map((s) => `${terminate(s.sql)}\n`).join('\n');
}

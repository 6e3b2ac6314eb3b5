import type { Dialect } from '../dialects/dialect';
import { emptyModel, type Model } from '../model';
import { terminate } from '../report/sql';
import { createPlan } from './plan';

/** The full DDL that creates `model` from nothing, as the dialect renders it (`generated/schema.<dialect>.sql`). */
export function modelDdl(model: Model, dialect: Dialect): string {
  const plan = createPlan({ from: emptyModel(model.dialect), to: model, dialect });
  return plan.statements.map((s) => `${terminate(s.sql)}\n`).join('\n');
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { REPO_ROOT } from './cli';

/** docs/plan.schema.json, the documented contract of `plan --format json`. */
export const PLAN_SCHEMA = JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs', 'plan.schema.json'), 'utf8'));

export const validator = new Ajv({ allErrors: true }).compile(PLAN_SCHEMA);

/** The schema's complaints about a plan document (empty when it conforms). */
export function validatePlanDocument(document: unknown): unknown[] {
  validator(document);
  return [...(validator.errors ?? [])];
}

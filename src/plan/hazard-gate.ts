import type { HazardCode, Plan } from './types';

export const HAZARD_CODES: readonly HazardCode[] = [
  'DATA_LOSS',
  'NOT_NULL_VIOLATION',
  'TABLE_REWRITE',
  'ACCESS_EXCLUSIVE_LOCK',
  'SQLITE_REBUILD',
  'INDEX_BUILD',
  'ENUM_VALUE_REMOVED',
];

/** Which hazards the user allowed: a list of codes (`--allow-hazards DATA_LOSS,TABLE_REWRITE`) or all of them. */
export type AllowedHazards = 'all' | ReadonlySet<HazardCode>;

export interface BlockedHazards {
  /** Codes present in the plan and not allowed, in `HAZARD_CODES` order. */
  readonly codes: readonly HazardCode[];
  /** One line per blocked hazard: `DATA_LOSS: column users.bio and its values are dropped`. */
  readonly messages: readonly string[];
  /** The flag that would allow exactly these: `--allow-hazards DATA_LOSS,TABLE_REWRITE`. */
  readonly flag: string;
}

/** Parses `--allow-hazards` values (comma-separated, repeatable, case-insensitive); unknown codes are an error. */
export function parseAllowedHazards(values: readonly string[], all: boolean): AllowedHazards | { unknown: string[] } {
  if (all) return 'all';
  const codes = values.flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()).filter(Boolean);
  const unknown = codes.filter((c) => !HAZARD_CODES.includes(c as HazardCode));
  if (unknown.length > 0) return { unknown };
  return new Set(codes as HazardCode[]);
}

/** The plan's hazards that were not allowed; `undefined` when apply may go ahead. */
export function blockedHazards(plan: Pick<Plan, 'statements'>, allowed: AllowedHazards): BlockedHazards | undefined {
  if (allowed === 'all') return undefined;
  const blocked = plan.statements.flatMap((s) => s.hazards).filter((h) => !allowed.has(h.code));
  if (blocked.length === 0) return undefined;
  const codes = HAZARD_CODES.filter((code) => blocked.some((h) => h.code === code));
  return {
    codes,
    messages: blocked.map((h) => `${h.code}: ${h.message}`),
    flag: `--allow-hazards ${[...new Set([...allowed, ...codes])].sort((a, b) => HAZARD_CODES.indexOf(a) - HAZARD_CODES.indexOf(b)).join(',')}`,
  };
}

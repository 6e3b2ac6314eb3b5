import type { HazardCode, Plan } from './types';

/** Every hazard code, in the order messages list them; a `Record`, so a new `HazardCode` cannot be left out. */
const CODES: Record<HazardCode, true> = {
  DATA_LOSS: true,
  NOT_NULL_VIOLATION: true,
  TABLE_REWRITE: true,
  ACCESS_EXCLUSIVE_LOCK: true,
  SQLITE_REBUILD: true,
  INDEX_BUILD: true,
  UNIQUE_VIOLATION: true,
  ENUM_VALUE_REMOVED: true,
  SEQUENCE_RESTART: true,
};

export const HAZARD_CODES: readonly HazardCode[] = Object.keys(CODES) as HazardCode[];

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
  const codes = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toUpperCase())
    .filter(Boolean);
  const unknown = codes.filter((c) => !HAZARD_CODES.includes(c as HazardCode));
  if (unknown.length > 0) return { unknown };
  return new Set(codes as HazardCode[]);
}

/**
 * The plan's hazards that were not allowed; `undefined` when apply may go ahead. Hazards the rows make certain
 * (`Hazard.fails`) are not among them: no flag allows those (see `failingHazards`).
 */
export function blockedHazards(plan: Pick<Plan, 'statements'>, allowed: AllowedHazards): BlockedHazards | undefined {
  if (allowed === 'all') return undefined;
  const blocked = plan.statements.flatMap((s) => s.hazards).filter((h) => !h.fails && !allowed.has(h.code));
  if (blocked.length === 0) return undefined;
  const codes = HAZARD_CODES.filter((code) => blocked.some((h) => h.code === code));
  return {
    codes,
    messages: blocked.map((h) => `${h.code}: ${h.message}`),
    flag: `--allow-hazards ${[...new Set([...allowed, ...codes])].sort((a, b) => HAZARD_CODES.indexOf(a) - HAZARD_CODES.indexOf(b)).join(',')}`,
  };
}

/** Statements the rows as counted make fail (see `Hazard.fails`). */
export interface FailingHazards {
  /** Codes of those hazards, in `HAZARD_CODES` order. */
  readonly codes: readonly HazardCode[];
  /** One line per hazard: `NOT_NULL_VIOLATION: sets public.users.email NOT NULL: 1 row is NULL, apply will fail`. */
  readonly messages: readonly string[];
  /** How many statements would fail (a statement may carry more than one such hazard). */
  readonly statements: number;
}

/**
 * The hazards whose counted rows make the plan fail; `undefined` when there are none. Apply refuses such a plan up
 * front, before asking or running anything, whatever `--allow-hazards` says: running it would only fail and roll back.
 */
export function failingHazards(plan: Pick<Plan, 'statements'>): FailingHazards | undefined {
  const statements = plan.statements.filter((s) => s.hazards.some((h) => h.fails));
  if (statements.length === 0) return undefined;
  const hazards = statements.flatMap((s) => s.hazards.filter((h) => h.fails));
  return {
    codes: HAZARD_CODES.filter((code) => hazards.some((h) => h.code === code)),
    messages: hazards.map((h) => `${h.code}: ${h.message}`),
    statements: statements.length,
  };
}

import type { Change } from '../diff/changes';
import type { Decision, Diagnostic, DialectName, NotManaged, PlannedStatement, ScriptFrame } from '../model';

// The vocabulary shared with lower layers lives in src/model (statement.ts, probe.ts, diagnostic.ts); re-exported here
// for the modules that import it from plan.
export type {
  Decision,
  Diagnostic,
  EnumUsesProbe,
  EnumValueRowsProbe,
  Hazard,
  HazardCode,
  Measurement,
  MeasureOptions,
  PlannedStatement,
  Probe,
  RowCount,
  ScriptFrame,
  Statement,
  TableRowsProbe,
} from '../model';

export interface PlanSummary {
  readonly changes: number;
  readonly statements: number;
  /** Counts by change kind, e.g. `{ "table.create": 8, "enum.create": 4 }`. */
  readonly byKind: Readonly<Record<string, number>>;
  readonly hazards: number;
  /** One line for humans: `+8 tables, +4 enums`, or `no changes`. */
  readonly text: string;
}

/**
 * One attribute of a partly managed object (see `UnmodelledAttribute`): there in the database and not compared, or
 * (`differs`) stated otherwise by a target that is read as a whole, which the plan cannot change.
 */
export interface PartlyManaged {
  /** `table public.users`, `column public.users.bio`, `index public.users.users_bio_idx`... */
  readonly object: string;
  /** `storage parameters`, `tablespace`, `storage`... */
  readonly attribute: string;
  /** Its value in the database the plan starts from; absent when it has none. */
  readonly value?: string;
  /** The target states another value (or none): the database differs in what the plan leaves alone. */
  readonly differs?: true;
  /** The target's value, when it differs and has one. */
  readonly target?: string;
}

export interface Plan {
  readonly dialect: DialectName;
  /** Changes in execution order. */
  readonly changes: readonly Change[];
  readonly statements: readonly PlannedStatement[];
  readonly diagnostics: readonly Diagnostic[];
  /** Unanswered questions; a plan with decisions must not be applied (see `Decision`). */
  readonly decisions: readonly Decision[];
  readonly summary: PlanSummary;
  /**
   * What the database holds that the plan leaves untouched (functions, triggers, policies, extensions the target does
   * not need...), by schema and kind; absent when nothing. Read by introspection (`Model.notManaged`).
   */
  readonly notManaged?: readonly NotManaged[];
  /**
   * The attributes of partly managed objects (tables, columns, indexes, constraints, views, sequences) that the model
   * does not describe, by object; absent when none. An entry that `differs` means the database is not in line with
   * the target in a way the plan cannot change.
   */
  readonly partlyManaged?: readonly PartlyManaged[];
  /**
   * What a script of the plan (`--format sql`, a `.sql` migration file) must run before and after its statements,
   * where `apply` does the same itself (see `Dialect.scriptFrame`); absent when nothing.
   */
  readonly script?: ScriptFrame;
  /**
   * The schema hash (`hashModel`) of the database model the plan was made from. Apply re-reads the database under its
   * lock and refuses to run the plan when the hash differs. Absent when planned without a database.
   */
  readonly fromHash?: string;
}

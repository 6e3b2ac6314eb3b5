/** What planning tells the user and what it asks: shared by every layer that compiles, diffs or plans. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
  /** Where the problem is: a file (`schema/user.ts:12:3`) or an object (`table users`). */
  readonly location?: string;
  readonly hint?: string;
}

/**
 * A question only the user can answer, such as whether a dropped and an added object that look alike are one object
 * renamed. Planning never guesses: an unanswered decision stops `plan --exit-code` with 3 and `apply` before it
 * touches anything, and on a TTY the CLI asks it.
 */
export interface Decision {
  readonly code: 'RENAME_OR_DROP';
  readonly object: 'table' | 'column' | 'enum' | 'enumValue';
  /** The object that would be dropped, e.g. `users.name`. */
  readonly from: string;
  /** The object that would be created, e.g. `users.full_name`. */
  readonly to: string;
  /** `Is users.full_name renamed from users.name?` */
  readonly question: string;
  /** The `schema/renames.json` entry that answers yes (with `"rename": false`: no). */
  readonly entry: {
    readonly section: 'tables' | 'columns' | 'enums' | 'enumValues';
    readonly value: Readonly<Record<string, string>>;
  };
  /** The same answer as a decorator, when one applies: `@RenamedFrom('name') on User.fullName`. */
  readonly decorator?: string;
}

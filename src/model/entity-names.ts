/** Entity class and property names of the compiled tables and columns, for hints that name them (`User.fullName`). */
export interface EntityNames {
  /** Table key (`public.users`) -> entity class name. */
  readonly tables: Readonly<Record<string, string>>;
  /** `<table key>.<column>` -> `Class.property`. */
  readonly columns: Readonly<Record<string, string>>;
}

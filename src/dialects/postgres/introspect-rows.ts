/** The rows of the catalog queries (queries.ts), as introspect.ts reads them. */
import type { NotManagedKind, Partition } from '../../model';

/** Runs one catalog query; the session counts it. */
export type QueryFn = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

export interface TableRow {
  /** NULL (with `name`) for a schema without tables. */
  oid: string;
  schema: string;
  name: string;
  comment: string | null;
  /** A partitioned table's `pg_get_partkeydef` (`RANGE (at)`), else NULL. */
  partition_key: string | null;
  partitions: Partition[] | null;
  schema_comment: string | null;
  options: string[] | null;
  tablespace: string | null;
  persistence: string;
  replica_identity: string;
  replica_index: string | null;
  inherits: string[];
  force_row_security: boolean;
  access_method: string | null;
  of_type: string | null;
  /** The server's `server_version_num` (the same on every row). */
  server_version_num: number;
}
export interface ColumnRow {
  table_oid: string;
  name: string;
  not_null: boolean;
  identity: '' | 'a' | 'd';
  typmod: number;
  is_array: boolean;
  type: string;
  typtype: string;
  type_schema: string;
  type_name: string;
  default: string | null;
  generation: string | null;
  comment: string | null;
  collation: string | null;
  identity_start: string | null;
  identity_increment: string | null;
  identity_min: string | null;
  identity_max: string | null;
  identity_cache: string | null;
  identity_cycle: boolean | null;
  /** When the (element) type is a domain: the type it is over (NULL otherwise), see columnsSql. */
  domain_typmod: number | null;
  domain_is_array: boolean | null;
  domain_type: string | null;
  domain_typtype: string | null;
  domain_type_schema: string | null;
  domain_type_name: string | null;
  storage: string;
  type_storage: string;
  compression: string | null;
  statistics_target: number | null;
  attribute_options: string[] | null;
  has_privileges: boolean;
}
export interface ViewRow {
  kind: 'view' | 'column';
  /** The view's OID (NULL for a `column` record). */
  oid: string | null;
  schema: string;
  name: string;
  table_name: string | null;
  materialized: boolean;
  definition: string | null;
  comment: string | null;
  options: string[] | null;
  tablespace: string | null;
  recorded: string | null;
  depends_on: { schema: string; name: string }[];
}
export interface ConstraintRow {
  table_oid: string;
  name: string;
  type: 'p' | 'f' | 'u' | 'c' | 'x';
  columns: string[];
  referenced_schema: string | null;
  referenced_table: string | null;
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  no_inherit: boolean;
  definition: string | null;
  match: string;
  comment: string | null;
  delete_set_columns: string[];
  nulls_not_distinct: boolean;
  include: string[];
  index_options: string[] | null;
  index_tablespace: string | null;
}
export interface IndexRow {
  table_oid: string;
  name: string;
  is_unique: boolean;
  method: string;
  invalid: boolean;
  key_columns: (string | null)[];
  key_expressions: (string | null)[];
  key_options: number[];
  key_opclasses: (string | null)[];
  key_collations: (string | null)[];
  key_opclass_options: (string | null)[];
  statistics_targets: string[];
  include: string[];
  options: string[] | null;
  nulls_not_distinct: boolean;
  comment: string | null;
  tablespace: string | null;
  clustered: boolean;
  replica_identity: boolean;
  predicate: string | null;
}
export interface NotManagedRow {
  schema: string | null;
  kind: NotManagedKind;
  names: string[];
}
export interface EnumRow {
  schema: string;
  name: string;
  values: string[];
  comment: string | null;
  has_privileges: boolean;
  /** Qualified names of the domains over the type or its array type. */
  domains: string[];
}

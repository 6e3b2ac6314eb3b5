/**
 * What a PostgreSQL schema file may contain, by parse-node kind (PostgreSQL's own names, from libpg-query). A schema
 * file describes schema objects; evaluating it must not touch anything outside the database it is evaluated in (other
 * databases, roles, server files, settings of the server, other servers), nor run code or queries at load.
 *
 * - run: CREATE/ALTER/DROP/COMMENT/RENAME of schema objects (schemas, tables, views, materialized views (evaluated WITH
 *   NO DATA), indexes, sequences, types, domains, functions and procedures in SQL or PL/pgSQL, triggers, rules,
 *   policies, operators, aggregates, collations, text search objects, statistics), CREATE EXTENSION of an extension the
 *   evaluating database has, privileges on schema objects (GRANT/REVOKE, ALTER DEFAULT PRIVILEGES), session settings
 *   pg_dump writes (`SET search_path`, `SET check_function_bodies`, ... and `SELECT pg_catalog.set_config(...)` of one).
 * - skip (no effect on the model): BEGIN/COMMIT (the file is evaluated as one unit), ownership (`OWNER TO`: roles are not
 *   part of the model), comments on the database, roles or extensions, maintenance (VACUUM, ANALYZE, CLUSTER, REINDEX, CHECKPOINT,
 *   REFRESH MATERIALIZED VIEW), SHOW.
 * - refuse, everything else: data (COPY, INSERT, UPDATE, DELETE, MERGE, TRUNCATE, queries), code run at load (DO, CALL,
 *   EXECUTE, EXPLAIN, functions in other languages than SQL and PL/pgSQL), roles and memberships, databases,
 *   tablespaces, `ALTER SYSTEM`, `LOAD`, other settings (`SET ROLE`, `SET SESSION AUTHORIZATION`...), foreign data
 *   wrappers, servers and user mappings, subscriptions and publications, event triggers, security labels, ROLLBACK and
 *   savepoints, LISTEN/NOTIFY, locks, cursors, prepared statements.
 */

export type Verdict =
  | {
      readonly action: 'run';
      /** CREATE EXTENSION: its name. */
      readonly extension?: string;
      /** CREATE MATERIALIZED VIEW / CREATE TABLE AS: evaluate WITH NO DATA. */
      readonly noData?: boolean;
    }
  | { readonly action: 'skip' }
  | { readonly action: 'refuse'; readonly what: string; readonly why: string; readonly hint?: string };

type Node = Record<string, unknown>;

/** Schema DDL that runs as written. */
const SCHEMA_DDL = new Set([
  'CreateSchemaStmt',
  'CreateStmt',
  'IndexStmt',
  'ViewStmt',
  'CreateSeqStmt',
  'AlterSeqStmt',
  'CreateEnumStmt',
  'AlterEnumStmt',
  'CompositeTypeStmt',
  'CreateRangeStmt',
  'CreateDomainStmt',
  'AlterDomainStmt',
  'DefineStmt',
  'AlterFunctionStmt',
  'CreateTrigStmt',
  'AlterTrigStmt',
  'CreatePolicyStmt',
  'AlterPolicyStmt',
  'RuleStmt',
  'AlterObjectSchemaStmt',
  'AlterObjectDependsStmt',
  'CreateCastStmt',
  'CreateOpClassStmt',
  'CreateOpFamilyStmt',
  'AlterOpFamilyStmt',
  'AlterOperatorStmt',
  'AlterTypeStmt',
  'CreateStatsStmt',
  'AlterStatsStmt',
  'AlterCollationStmt',
  'CreateConversionStmt',
  'AlterTSDictionaryStmt',
  'AlterTSConfigurationStmt',
  'AlterExtensionContentsStmt',
  'AlterDefaultPrivilegesStmt',
]);

/** No effect on the model: not run. */
const SKIPPED = new Set([
  'AlterOwnerStmt',
  'VacuumStmt',
  'ClusterStmt',
  'ReindexStmt',
  'CheckPointStmt',
  'RefreshMatViewStmt',
  'VariableShowStmt',
]);

/** What each refused kind is, for the message (kinds not listed are named by their node). */
const REFUSED: Readonly<Record<string, readonly [what: string, why: string]>> = {
  CopyStmt: ['COPY', 'it reads or writes data and files'],
  InsertStmt: ['INSERT', 'a schema file holds no data'],
  UpdateStmt: ['UPDATE', 'a schema file holds no data'],
  DeleteStmt: ['DELETE', 'a schema file holds no data'],
  MergeStmt: ['MERGE', 'a schema file holds no data'],
  TruncateStmt: ['TRUNCATE', 'a schema file holds no data'],
  SelectStmt: [
    'a query',
    'queries run code at load (only SELECT pg_catalog.set_config of a session setting is allowed)',
  ],
  DoStmt: ['DO', 'it runs code at load'],
  CallStmt: ['CALL', 'it runs code at load'],
  ExecuteStmt: ['EXECUTE', 'it runs code at load'],
  PrepareStmt: ['PREPARE', 'it prepares code to run at load'],
  ExplainStmt: ['EXPLAIN', 'EXPLAIN ANALYZE runs its query'],
  CreatedbStmt: ['CREATE DATABASE', 'databases are outside a schema'],
  DropdbStmt: ['DROP DATABASE', 'databases are outside a schema'],
  AlterDatabaseStmt: ['ALTER DATABASE', 'databases are outside a schema'],
  AlterDatabaseSetStmt: ['ALTER DATABASE', 'databases are outside a schema'],
  AlterDatabaseRefreshCollStmt: ['ALTER DATABASE', 'databases are outside a schema'],
  CreateRoleStmt: ['CREATE ROLE', 'roles are outside a schema'],
  AlterRoleStmt: ['ALTER ROLE', 'roles are outside a schema'],
  AlterRoleSetStmt: ['ALTER ROLE', 'roles are outside a schema'],
  DropRoleStmt: ['DROP ROLE', 'roles are outside a schema'],
  GrantRoleStmt: ['GRANT role', 'role memberships are outside a schema'],
  ReassignOwnedStmt: ['REASSIGN OWNED', 'roles are outside a schema'],
  DropOwnedStmt: ['DROP OWNED', 'roles are outside a schema'],
  CreateTableSpaceStmt: ['CREATE TABLESPACE', 'tablespaces are server directories'],
  DropTableSpaceStmt: ['DROP TABLESPACE', 'tablespaces are server directories'],
  AlterTableSpaceOptionsStmt: ['ALTER TABLESPACE', 'tablespaces are server directories'],
  AlterTableMoveAllStmt: ['ALTER ... SET TABLESPACE', 'tablespaces are server directories'],
  AlterSystemStmt: ['ALTER SYSTEM', 'it changes the server configuration'],
  LoadStmt: ['LOAD', 'it loads a shared library into the server'],
  CreatePLangStmt: ['CREATE LANGUAGE', 'procedural languages are installed by the server administrator'],
  CreateFdwStmt: ['CREATE FOREIGN DATA WRAPPER', 'foreign data reaches outside the database'],
  AlterFdwStmt: ['ALTER FOREIGN DATA WRAPPER', 'foreign data reaches outside the database'],
  CreateForeignServerStmt: ['CREATE SERVER', 'foreign servers reach outside the database'],
  AlterForeignServerStmt: ['ALTER SERVER', 'foreign servers reach outside the database'],
  CreateForeignTableStmt: ['CREATE FOREIGN TABLE', 'foreign tables reach outside the database'],
  CreateUserMappingStmt: ['CREATE USER MAPPING', 'user mappings hold credentials for other servers'],
  AlterUserMappingStmt: ['ALTER USER MAPPING', 'user mappings hold credentials for other servers'],
  DropUserMappingStmt: ['DROP USER MAPPING', 'user mappings hold credentials for other servers'],
  ImportForeignSchemaStmt: ['IMPORT FOREIGN SCHEMA', 'it connects to another server'],
  CreateSubscriptionStmt: ['CREATE SUBSCRIPTION', 'it connects to another server'],
  AlterSubscriptionStmt: ['ALTER SUBSCRIPTION', 'it connects to another server'],
  DropSubscriptionStmt: ['DROP SUBSCRIPTION', 'it connects to another server'],
  CreatePublicationStmt: ['CREATE PUBLICATION', 'replication is configured outside a schema file'],
  AlterPublicationStmt: ['ALTER PUBLICATION', 'replication is configured outside a schema file'],
  CreateEventTrigStmt: ['CREATE EVENT TRIGGER', 'event triggers run code on every DDL of the database'],
  AlterEventTrigStmt: ['ALTER EVENT TRIGGER', 'event triggers run code on every DDL of the database'],
  SecLabelStmt: ['SECURITY LABEL', 'security labels are set by the server administrator'],
  NotifyStmt: ['NOTIFY', 'it signals other sessions'],
  ListenStmt: ['LISTEN', 'it is not part of a schema'],
  UnlistenStmt: ['UNLISTEN', 'it is not part of a schema'],
  LockStmt: ['LOCK', 'it is not part of a schema'],
  DeclareCursorStmt: ['DECLARE CURSOR', 'it runs a query'],
  FetchStmt: ['FETCH', 'it runs a query'],
  ClosePortalStmt: ['CLOSE', 'it is not part of a schema'],
  DeallocateStmt: ['DEALLOCATE', 'it is not part of a schema'],
  DiscardStmt: ['DISCARD', 'it is not part of a schema'],
  ConstraintsSetStmt: ['SET CONSTRAINTS', 'it is not part of a schema'],
  CreateTransformStmt: ['CREATE TRANSFORM', 'transforms belong to procedural languages'],
  CreateAmStmt: ['CREATE ACCESS METHOD', 'access methods are C code of the server'],
};

/** Session settings pg_dump and hand-written schema files set; any other setting is refused. */
const SETTINGS = new Set([
  'search_path',
  'check_function_bodies',
  'client_encoding',
  'standard_conforming_strings',
  'client_min_messages',
  'statement_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
  'transaction_timeout',
  'row_security',
  'default_tablespace',
  'default_table_access_method',
  'default_toast_compression',
  'xmloption',
  'default_with_oids',
  'escape_string_warning',
  'timezone',
  'datestyle',
  'intervalstyle',
  'extra_float_digits',
  'constraint_exclusion',
]);

/**
 * Extensions refused whatever the database has: they read or write server files, reach other servers, or install
 * languages that run arbitrary code.
 */
const UNSAFE_EXTENSIONS = new Set([
  'adminpack',
  'dblink',
  'file_fdw',
  'postgres_fdw',
  'pageinspect',
  'pg_surgery',
  'plperlu',
  'plpython3u',
  'plpythonu',
  'plpython2u',
  'pltclu',
]);

/** Languages whose functions are safe to create: their body is only parsed at CREATE. */
const LANGUAGES = new Set(['sql', 'plpgsql']);

const refuse = (what: string, why: string, hint?: string): Verdict => ({ action: 'refuse', what, why, hint });
const RUN: Verdict = { action: 'run' };
const SKIP: Verdict = { action: 'skip' };

function stringOf(node: unknown): string | undefined {
  const value = (node as { String?: { sval?: string } } | undefined)?.String?.sval;
  return typeof value === 'string' ? value : undefined;
}

function defElems(list: unknown): { name: string; value: unknown }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const e = (item as { DefElem?: { defname?: string; arg?: unknown } }).DefElem;
    return e?.defname ? [{ name: e.defname, value: e.arg }] : [];
  });
}

function setting(name: string | undefined): Verdict {
  const lower = (name ?? '').toLowerCase();
  if (SETTINGS.has(lower)) return RUN;
  if (lower === 'role' || lower === 'session_authorization')
    return refuse(`SET ${lower.toUpperCase().replace('_', ' ')}`, 'roles are outside a schema');
  return refuse(
    `SET ${name ?? ''}`.trim(),
    'only session settings a schema dump uses are allowed (search_path, check_function_bodies, ...)',
  );
}

/** `SELECT pg_catalog.set_config('search_path', '', false)`, as pg_dump writes it: nothing else. */
function selectStatement(node: Node): Verdict {
  const only = Object.keys(node).every((key) => ['targetList', 'limitOption', 'op'].includes(key));
  const targets = node.targetList as { ResTarget?: { val?: { FuncCall?: Node } } }[] | undefined;
  const call = targets?.length === 1 ? targets[0]?.ResTarget?.val?.FuncCall : undefined;
  const name = ((call?.funcname as unknown[]) ?? []).map(stringOf).join('.');
  const args = (call?.args as { A_Const?: { sval?: { sval?: string } } }[] | undefined) ?? [];
  if (
    only &&
    call &&
    (name === 'pg_catalog.set_config' || name === 'set_config') &&
    args.length === 3 &&
    args.every((a) => a.A_Const)
  ) {
    return setting(args[0]!.A_Const!.sval?.sval);
  }
  return refuse(...REFUSED.SelectStmt!);
}

function createFunction(node: Node): Verdict {
  const options = defElems(node.options);
  const language = stringOf(options.find((o) => o.name === 'language')?.value)?.toLowerCase() ?? 'sql';
  if (LANGUAGES.has(language)) return RUN;
  return refuse(
    `CREATE ${node.is_procedure ? 'PROCEDURE' : 'FUNCTION'} in LANGUAGE ${language}`,
    'only SQL and PL/pgSQL routines are evaluated (other languages load server code at CREATE)',
  );
}

const SERVER_OBJECTS = new Set([
  'OBJECT_DATABASE',
  'OBJECT_TABLESPACE',
  'OBJECT_LARGEOBJECT',
  'OBJECT_FDW',
  'OBJECT_FOREIGN_SERVER',
  'OBJECT_LANGUAGE',
  'OBJECT_PARAMETER_ACL',
]);

/** Objects of the cluster or the database as a whole, not of a schema. */
const CLUSTER_OBJECTS = new Set([
  'OBJECT_DATABASE',
  'OBJECT_ROLE',
  'OBJECT_TABLESPACE',
  'OBJECT_EVENT_TRIGGER',
  'OBJECT_PUBLICATION',
  'OBJECT_SUBSCRIPTION',
  'OBJECT_ACCESS_METHOD',
  'OBJECT_USER_MAPPING',
]);

/** `OBJECT_EVENT_TRIGGER` -> `event trigger`. */
const objectWord = (type: string): string =>
  type
    .replace(/^OBJECT_/, '')
    .replace(/_/g, ' ')
    .toLowerCase();

export interface RuleOptions {
  /** Whether the evaluating database can create an extension; absent: any not in the unsafe list. */
  readonly hasExtension?: (name: string) => boolean;
  /** What evaluates the file, for messages. */
  readonly evaluator: string;
}

/** The verdict on one statement (`kind` is its parse node's name, `node` its body). */
export function judgeStatement(kind: string, node: Node, options: RuleOptions): Verdict {
  if (SCHEMA_DDL.has(kind)) return RUN;
  if (SKIPPED.has(kind)) return SKIP;
  switch (kind) {
    case 'TransactionStmt': {
      const k = String(node.kind);
      if (k === 'TRANS_STMT_BEGIN' || k === 'TRANS_STMT_START' || k === 'TRANS_STMT_COMMIT') return SKIP;
      return refuse(
        k.replace('TRANS_STMT_', '').replace('_', ' '),
        'a schema file is evaluated as one unit (BEGIN and COMMIT are ignored)',
      );
    }
    case 'VariableSetStmt': {
      if (node.kind === 'VAR_RESET_ALL') return RUN;
      if (node.kind === 'VAR_SET_MULTI') return refuse('SET TRANSACTION', 'a schema file is evaluated as one unit');
      return setting(node.name as string | undefined);
    }
    case 'SelectStmt':
      return selectStatement(node);
    case 'CreateFunctionStmt':
      return createFunction(node);
    case 'CreateTableAsStmt':
      return { action: 'run', noData: true };
    case 'CreateExtensionStmt': {
      const name = String(node.extname);
      if (UNSAFE_EXTENSIONS.has(name)) {
        return refuse(
          `CREATE EXTENSION ${name}`,
          'it reads or writes server files, reaches other servers or runs untrusted code',
        );
      }
      if (options.hasExtension && !options.hasExtension(name)) {
        return refuse(
          `CREATE EXTENSION ${name}`,
          `${options.evaluator} does not have the extension "${name}"`,
          'Give --dev-url an empty database on a PostgreSQL server that has the extension; the file is then evaluated there, in a transaction that is rolled back.',
        );
      }
      return { action: 'run', extension: name };
    }
    case 'AlterExtensionStmt':
      return RUN;
    case 'GrantStmt': {
      const type = String(node.objtype);
      if (SERVER_OBJECTS.has(type))
        return refuse(`GRANT/REVOKE on ${objectWord(type)}`, 'these privileges are outside a schema');
      return RUN;
    }
    case 'AlterTableStmt': {
      // `ALTER TABLE t OWNER TO app` (pg_dump writes one per object): ownership is not part of the model.
      const commands = (node.cmds as { AlterTableCmd?: { subtype?: string } }[] | undefined) ?? [];
      return commands.length > 0 && commands.every((c) => c.AlterTableCmd?.subtype === 'AT_ChangeOwner') ? SKIP : RUN;
    }
    case 'CommentStmt':
      // Comments on the database, roles or extensions (old pg_dumps write one on plpgsql) are not part of the model.
      return CLUSTER_OBJECTS.has(String(node.objtype)) || node.objtype === 'OBJECT_EXTENSION' ? SKIP : RUN;
    case 'DropStmt':
    case 'RenameStmt': {
      const type = String(kind === 'DropStmt' ? node.removeType : node.renameType);
      if (CLUSTER_OBJECTS.has(type) || SERVER_OBJECTS.has(type)) {
        return refuse(`${kind === 'DropStmt' ? 'DROP' : 'RENAME of'} ${objectWord(type)}`, 'it is outside a schema');
      }
      return RUN;
    }
    default: {
      const known = REFUSED[kind];
      if (known) return refuse(known[0], known[1]);
      return refuse(kind, 'not schema DDL');
    }
  }
}

/** For the refusal test of every known kind: the kinds this module names. */
export const REFUSED_KINDS: readonly string[] = Object.keys(REFUSED);

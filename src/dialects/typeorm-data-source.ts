import type { DataSourceOptions, NamingStrategyInterface } from 'typeorm';

export type Password = string | (() => string | Promise<string>);

export interface PostgresCredentials {
  readonly url?: string;
  readonly host?: string;
  readonly port?: number | string;
  readonly username?: string;
  readonly password?: Password;
  readonly database?: string;
}

/** The connection options of a TypeORM DataSource that matter here (a structural subset). */
export interface DataSourceConnection extends PostgresCredentials {
  readonly type: string;
  /** PostgreSQL replication: the master is the database schema changes go to. */
  readonly replication?: { readonly master?: PostgresCredentials };
}

/** The connection options of a TypeORM DataSource that matter here (a structural subset). */
export interface DataSourceConnection extends PostgresCredentials {
  readonly type: string;
  /** PostgreSQL replication: the master is the database schema changes go to. */
  readonly replication?: { readonly master?: PostgresCredentials };
}

/** The DataSource options that compiling reads (PostgreSQL's). */
export interface DataSourceCompileOptions {
  readonly schema?: string;
  readonly uuidExtension?: 'uuid-ossp' | 'pgcrypto';
}

/**
 * A dialect as a TypeORM DataSource names it (`type: 'postgres'`), for projects that give their data source file:
 * which dialect it speaks, its database URL, and the compile options it sets.
 */
export interface TypeormDataSource {
  /** The DataSource `type`s of TypeORM drivers that speak this dialect. */
  readonly types: readonly string[];
  /** The types whose connection options give a database URL (`url`), the first one named in messages. */
  readonly urlTypes: readonly string[];
  /** The database URL of a DataSource of one of `urlTypes`; throws `ConfigError` when it names none. */
  url(options: DataSourceConnection, file: string, cwd: string): Promise<string>;
  /** The compile options the DataSource's options set (PostgreSQL: `schema`, `uuidExtension`). */
  compileOptions(options: DataSourceCompileOptions): DataSourceCompileOptions;
  /**
   * The options of the DataSource compiling builds metadata with: of this dialect's driver, with stand-ins for the
   * driver modules (metadata building never uses them, so compiling needs no driver package installed).
   */
  metadataOptions(
    entities: readonly Function[],
    naming: MetadataNaming,
    options: DataSourceCompileOptions,
  ): DataSourceOptions;
}

/** The naming options of the app's DataSource. */
export interface MetadataNaming {
  readonly namingStrategy?: NamingStrategyInterface;
  readonly entityPrefix?: string;
}

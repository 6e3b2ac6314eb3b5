import { CancelledError, GaveUpError } from '../../errors/errors';
import type { Model } from '../../model';
import { applyPhases, type ApplyPhase } from '../apply-phases';
import type { Measurement, MeasureOptions, Probe, Statement } from '../../model';
import { anySignal, pause } from '../abort';
import {
  DEFAULT_LOCK_ATTEMPTS,
  DEFAULT_LOCK_TIMEOUT_SECONDS,
  type ApplyOptions,
  type ConnectOptions,
  type DatabaseSession,
  type IntrospectOptions,
} from '../dialect';
import {
  applyError,
  cancelledApply,
  gaveUpError,
  isLockFailure,
  isStatementTimeout,
  type FailurePoint,
} from './apply-error';
import { releaseApplyLock, takeApplyLock } from './apply-lock';
import {
  FOOTPRINT_WORTH_CHECKING,
  LOCK_TABLE_SETTINGS_SQL,
  lockTableRefusal,
  transactionFootprint,
  type LockTableSettings,
} from './lock-footprint';
import { ControlConnection } from './control-connection';
import { introspectPostgres } from './introspect';
import { describeWait, type LockWait } from './lock-waits';
import { DEFAULT_SCHEMA } from './normalize';
import { measurePostgres } from './measure';
import { USER_SCHEMAS_SQL } from './queries';
import { connectionError } from './connection-error';
import {
  openClient,
  READER_APPLICATION_NAME,
  SESSION_APPLICATION_NAME,
  timeoutMs,
  type PostgresTarget,
} from './open-client';
import type { QueryFn } from './introspect-rows';

export { connectionError };

/** What a session needs of its client: a `pg` Client, or the PGlite sandbox's client (src/sources/pglite-sandbox.ts). */
export interface QueryClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
  /** `pg` 8.16+: `I` idle, `T` in a transaction, `E` in a failed one. */
  getTransactionStatus?(): string | null;
}

/** What a session asks of its second connection (see `ControlConnection`): cancel its statement, see what it waits for. */
type Control = Pick<ControlConnection, 'cancel' | 'waitOf' | 'close'>;

/** A session with no second connection (the PGlite sandbox, in process): nothing to cancel or watch on a server. */
const NO_CONTROL: Control = {
  cancel: async () => false,
  waitOf: async () => undefined,
  close: async () => undefined,
};

/**
 * A statement running this long is watched, every `WATCH_EVERY_MS` (a cancel request is sent again on each tick).
 * What it waits for is read from a second connection from half the lock timeout on, between `WATCH_AFTER_MS` and
 * `WAIT_PROBE_MAX_MS`: the wait is still there to be seen then, and a read that merely runs long (a catalog query at a
 * thousand tables on a busy server) opens no further connection and runs no query beside it.
 */
const WATCH_AFTER_MS = 250;
const WATCH_EVERY_MS = 500;
const WAIT_PROBE_MAX_MS = 1000;
/** The pause before the first retry of a phase that gave up waiting for a lock; it doubles for each further retry. */
const RETRY_DELAY_MS = 1000;

/** `CREATE [UNIQUE] INDEX CONCURRENTLY "name" ON "schema"."table" ...` as render-index.ts writes it: the index's name. */
const CONCURRENT_BUILD = /^CREATE (?:UNIQUE )?INDEX CONCURRENTLY ("(?:[^"]|"")+") ON ("(?:[^"]|"")+")\./;

interface QueryOptions {
  /** Sent even when cancelled: the ROLLBACK, RESET and unlock that clean up after a cancellation. */
  readonly cleanup?: boolean;
}

class PostgresSession implements DatabaseSession {
  readonly dialect = 'postgres' as const;
  private queries = 0;
  /** The SQL on the connection now: `pg` (and PostgreSQL) run one query at a time per connection, and so do we. */
  private running?: string;
  /** What a failed query waited for, as last seen while it waited (see `watchWaits`). */
  private readonly waits = new WeakMap<object, LockWait>();
  /** The `lock_timeout` in effect, in seconds (the session's, or an apply's while it runs): when waits are read. */
  private lockTimeout?: number;
  /** Cancels what runs: the session's signal, joined by an apply's while it runs. */
  private signal?: AbortSignal;
  /** The cancel request of the last abort, awaited before cleaning up so it cannot land on the cleanup. */
  private cancelling: Promise<unknown> = Promise.resolve();
  /** The second connection reads run on beside this one, once open (see `besideReader`). */
  private beside?: PostgresSession;
  /** Ends the opening of the second connection when the session closes first. */
  private readonly besideOpening = new AbortController();

  constructor(
    private readonly client: QueryClient,
    private readonly connectionString: string,
    readonly target: string,
    private readonly pid: number,
    private readonly control: Control,
    private readonly options: ConnectOptions,
    /** Opens the second connection (see `besideReader`); absent: reads run on this one alone. */
    openBeside?: (signal: AbortSignal) => Promise<PostgresSession | undefined>,
  ) {
    this.useSignal(options.signal);
    // Opened at once, so that it is ready by the time the first read has its tables (it is not waited for).
    void openBeside?.(this.besideOpening.signal).then((session) => {
      if (this.besideOpening.signal.aborted) void session?.close();
      else this.beside = session;
    });
  }

  get queryCount(): number {
    return this.queries + (this.beside?.queries ?? 0);
  }

  /**
   * The second connection's query function, for the reads of introspection that do not wait on each other's answers
   * (`introspectPostgres` runs them in two lanes): about a third less waiting on the server at 1,000 tables. Only once
   * it is open (never waited for: a slow second connection makes no read slower), and never while this connection is
   * in a transaction (the other one would not see what the transaction changed) or when that cannot be told.
   */
  private besideReader(): QueryFn | undefined {
    const beside = this.beside;
    if (!beside || beside.running !== undefined || this.client.getTransactionStatus?.() !== 'I') return undefined;
    return (sql, params) => beside.query(sql, params);
  }

  /** Makes `signal` the one that cancels; returns a function that puts the previous one back. */
  private useSignal(signal: AbortSignal | undefined): () => void {
    const previous = this.signal;
    if (!signal) return () => undefined;
    const onAbort = () => this.cancelRunning();
    signal.addEventListener('abort', onAbort, { once: true });
    this.signal = signal;
    return () => {
      signal.removeEventListener('abort', onAbort);
      this.signal = previous;
    };
  }

  /** On abort: cancels the statement running on the server, except COMMIT, which runs to its end (its answer is the truth). */
  private cancelRunning(): void {
    if (this.running === undefined || /^COMMIT$/i.test(this.running)) return;
    this.cancelling = this.control.cancel(this.pid).then(async (cancelled) => {
      // No second connection to be had: closing ours ends the statement when the server next looks at the client.
      if (!cancelled && this.running !== undefined) await this.client.end().catch(() => undefined);
    });
  }

  private async query<Row>(sql: string, params?: readonly unknown[], options: QueryOptions = {}): Promise<Row[]> {
    if (this.signal?.aborted && !options.cleanup) throw new CancelledError('cancelled');
    if (this.running !== undefined) {
      throw new Error(
        `internal error: a query was sent while another runs on the same connection (${this.running.split('\n')[0]})`,
      );
    }
    this.running = sql;
    this.queries++;
    const watch = this.watchWaits();
    try {
      const result = await this.client.query(sql, params ? [...params] : undefined);
      return result.rows as Row[];
    } catch (error) {
      if (this.signal?.aborted && !options.cleanup) {
        await this.cancelling;
        throw new CancelledError('cancelled', { cause: error });
      }
      const wait = watch.lastWait();
      if (wait && error !== null && typeof error === 'object') this.waits.set(error, wait);
      throw error;
    } finally {
      this.running = undefined;
      watch.stop();
    }
  }

  /**
   * While a query runs longer than `WATCH_AFTER_MS`, reads what it waits for (the lock, its table, who holds it) from
   * the control connection, so that a lock timeout can say it: once the timeout fires, the wait is gone. After a
   * cancellation it repeats the cancel request each time.
   */
  private watchWaits(): { stop(): void; lastWait(): LockWait | undefined } {
    let stopped = false;
    let seen: LockWait | undefined;
    let timer: NodeJS.Timeout;
    const started = Date.now();
    const lockTimeout = this.lockTimeout ?? this.options.lockTimeout;
    const lockTimeoutMs = lockTimeout ? lockTimeout * 1000 : Infinity; // 0: no lock timeout
    const probeAfter = Math.min(WAIT_PROBE_MAX_MS, Math.max(WATCH_AFTER_MS, lockTimeoutMs / 2));
    const probe = async () => {
      // A cancel that reached the server before the statement did was ignored: send it again while it runs.
      if (this.signal?.aborted) this.cancelRunning();
      if (Date.now() - started >= probeAfter) {
        const wait = await this.control.waitOf(this.pid);
        if (wait) seen = wait;
      }
      if (stopped) return;
      timer = setTimeout(() => void probe(), WATCH_EVERY_MS);
    };
    timer = setTimeout(() => void probe(), WATCH_AFTER_MS);
    return {
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
      lastWait: () => seen,
    };
  }

  /** A lock or statement timeout while reading (planning, the hash check) as one line naming who holds the lock. */
  private readFailure(error: unknown, what: string): unknown {
    const lockTimeout = this.options.lockTimeout;
    if (isLockFailure(error) && (error as { code?: string }).code === '55P03') {
      const wait = this.waits.get(error as object) ?? this.beside?.waits.get(error as object);
      const holder = wait?.blockers[0];
      return new GaveUpError(
        `gave up waiting for ${describeWait(wait)}${lockTimeout !== undefined ? ` (${lockTimeout}s)` : ''} while ${what}; nothing was applied`,
        '',
        `Run again when the other session is done, or wait longer with --lock-timeout SECONDS.${holder ? ` If that session is stuck, end it with SELECT pg_terminate_backend(${holder.pid}).` : ''}`,
        { cause: error },
      );
    }
    if (isStatementTimeout(error)) {
      return new GaveUpError(
        `a query ran longer than the statement timeout while ${what}; nothing was applied`,
        '',
        'Allow longer with --statement-timeout SECONDS.',
        { cause: error },
      );
    }
    return error;
  }

  private async reading<T>(what: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      throw this.readFailure(error, what);
    }
  }

  async serverVersion(): Promise<string> {
    const rows = await this.query<{ version: string }>(`SELECT current_setting('server_version') AS version`);
    return (rows[0]?.version ?? '').split(' ')[0]!;
  }

  async identity(): Promise<string> {
    const [row] = await this.query<{ name: string }>('SELECT current_database() AS name');
    // The cluster's identifier (pg_control_system() may be revoked from the role: then the name alone).
    const system = await this.query<{ id: string }>(
      'SELECT system_identifier::text AS id FROM pg_control_system()',
    ).then(
      (rows) => rows[0]?.id ?? '?',
      (error: unknown) => {
        if (error instanceof CancelledError) throw error;
        return '?';
      },
    );
    return `postgres:${system}/${row?.name ?? '?'}`;
  }

  async introspect(options: IntrospectOptions = {}): Promise<Model> {
    const schemas = options.schemas && options.schemas.length > 0 ? options.schemas : [DEFAULT_SCHEMA];
    // The second connection, when it reads, is cancelled by what cancels this one now (an apply's signal, while it
    // verifies).
    let restore: (() => void) | undefined;
    const beside = (): QueryFn | undefined => {
      const reader = this.besideReader();
      if (reader && !restore) restore = this.beside!.useSignal(this.signal);
      return reader;
    };
    try {
      return await this.reading('reading the schema', () =>
        introspectPostgres((sql, params) => this.query(sql, params), schemas, beside, options.meanwhile),
      );
    } finally {
      restore?.();
    }
  }

  /** Set-based answers to the plan's probes (see measure.ts). */
  measure(probes: readonly Probe[], options?: MeasureOptions): Promise<Measurement[]> {
    return this.reading('counting the rows the plan depends on', () =>
      measurePostgres((sql, params) => this.query(sql, params), probes, options),
    );
  }

  async runScript(sql: string): Promise<void> {
    await this.query(sql); // simple query protocol: several statements, one implicit transaction
  }

  async listSchemas(): Promise<string[]> {
    const rows = await this.query<{ name: string }>(USER_SCHEMAS_SQL);
    return rows.map((row) => row.name);
  }

  /**
   * See `DatabaseSession.apply`: advisory lock, `lock_timeout` and `statement_timeout` for everything that follows,
   * `verify`, then the phases, each tried again after a lock timeout. Cancelled by the session's or the apply's signal.
   */
  async apply(statements: readonly Statement[], options: ApplyOptions = {}): Promise<void> {
    if (statements.length === 0) return;
    const joined = anySignal([this.options.signal, options.signal]);
    const restore = this.useSignal(joined.signal);
    const query = <Row>(sql: string) => this.query<Row>(sql);
    const cleanup = <Row>(sql: string) => this.query<Row>(sql, undefined, { cleanup: true });
    const lockTimeout = options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT_SECONDS;
    let applied = 0;
    try {
      await this.refuseWhatCannotFit(statements);
      await takeApplyLock(query, this.target, lockTimeout, (ms) => pause(ms, joined.signal));
      try {
        const statementTimeout = options.statementTimeout
          ? `; SET statement_timeout = ${timeoutMs(options.statementTimeout)}`
          : '';
        await this.query(`SET lock_timeout = ${timeoutMs(lockTimeout)}${statementTimeout}`);
        this.lockTimeout = lockTimeout;
        await options.verify?.();
        await this.runPhases(statements, options, lockTimeout, (n) => (applied = n));
      } finally {
        await this.cancelling;
        await cleanup(this.sessionTimeoutsSql()).catch(() => undefined);
        this.lockTimeout = undefined;
        await releaseApplyLock(cleanup);
      }
    } catch (error) {
      if (error instanceof CancelledError || joined.signal.aborted)
        throw cancelledApply(applied, statements.length, error);
      throw error;
    } finally {
      restore();
      joined.dispose();
    }
  }

  /** A plan one of whose transactions cannot fit in the server's lock table is refused before anything runs. */
  private async refuseWhatCannotFit(statements: readonly Statement[]): Promise<void> {
    const footprint = transactionFootprint(statements);
    if (footprint < FOOTPRINT_WORTH_CHECKING) return;
    const [settings] = await this.query<LockTableSettings>(LOCK_TABLE_SETTINGS_SQL);
    const refusal = settings && lockTableRefusal(footprint, settings);
    if (refusal) throw refusal;
  }

  /** Puts the session's own timeouts back (`ConnectOptions`) after apply's. */
  private sessionTimeoutsSql(): string {
    const { lockTimeout, statementTimeout } = this.options;
    return [
      lockTimeout !== undefined ? `SET lock_timeout = ${timeoutMs(lockTimeout)}` : 'RESET lock_timeout',
      statementTimeout ? `SET statement_timeout = ${timeoutMs(statementTimeout)}` : 'RESET statement_timeout',
    ].join('; ');
  }

  /** Runs the phases in order (see `applyPhases`); a failure rolls back its phase and names what stays applied. */
  private async runPhases(
    statements: readonly Statement[],
    options: ApplyOptions,
    lockTimeout: number,
    committed: (applied: number) => void,
  ): Promise<void> {
    const phases = applyPhases(statements);
    const attempts = Math.max(1, Math.floor(options.lockAttempts ?? DEFAULT_LOCK_ATTEMPTS));
    let applied = 0;
    for (const [number, phase] of phases.entries()) {
      for (let attempt = 1; ; attempt++) {
        options.onPhase?.(phase, number, phases.length);
        let at: FailurePoint = {
          sql: 'BEGIN',
          what: `BEGIN of phase ${number + 1}`,
          transactional: phase.transactional,
          applied,
        };
        let index = phase.start;
        try {
          if (phase.transactional) await this.query('BEGIN');
          for (const [offset, statement] of phase.statements.entries()) {
            index = phase.start + offset;
            at = { ...at, sql: statement.sql, what: `statement ${index + 1} of ${statements.length}` };
            options.onStatement?.(statement, index, statements.length);
            await this.query(statement.sql);
            options.onStatementDone?.(statement, index, statements.length);
          }
          if (phase.transactional) {
            at = { ...at, sql: 'COMMIT', what: phases.length > 1 ? `COMMIT of phase ${number + 1}` : 'COMMIT' };
            await this.query('COMMIT');
          }
          break;
        } catch (error) {
          if (phase.transactional) {
            await this.cancelling;
            await this.query('ROLLBACK', undefined, { cleanup: true }).catch(() => undefined);
          }
          if (error instanceof CancelledError) throw error;
          if (!isLockFailure(error)) {
            if (isStatementTimeout(error))
              throw gaveUpError(error, at, this.connectionString, {
                attempts: attempt,
                lockTimeout,
                statementTimeout: options.statementTimeout,
              });
            throw applyError(error, at, this.connectionString);
          }
          const wait = this.waits.get(error as object);
          const leftInvalidIndex = await this.leftInvalidIndex(phase, at.sql);
          if (attempt >= attempts || leftInvalidIndex) {
            throw gaveUpError(error, at, this.connectionString, {
              wait,
              attempts: attempt,
              lockTimeout,
              leftInvalidIndex,
            });
          }
          const delayMs = RETRY_DELAY_MS * 2 ** (attempt - 1);
          options.onRetry?.({
            statement: statements[index]!,
            index,
            attempt: attempt + 1,
            attempts,
            delayMs,
            waitedFor: describeWait(wait),
          });
          await pause(delayMs, this.signal);
          // Nothing is committed yet: the schema may have changed meanwhile (not by an apply: we hold its lock).
          if (applied === 0) await options.verify?.();
        }
      }
      applied += phase.statements.length;
      committed(applied);
    }
  }

  /** A concurrent build cut short leaves its index behind, invalid: then it is not tried again (it would exist). */
  private async leftInvalidIndex(phase: ApplyPhase, sql: string): Promise<boolean> {
    const build = phase.transactional ? undefined : CONCURRENT_BUILD.exec(sql);
    if (!build) return false;
    const [row] = await this.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [
      `${build[2]}.${build[1]}`,
    ]);
    return row?.found === true;
  }

  async close(): Promise<void> {
    this.besideOpening.abort();
    await this.beside?.close();
    await this.cancelling;
    await this.control.close();
    await this.client.end().catch(() => undefined);
  }
}

/** Opens a session; every failure becomes one `ConnectionError` line without the password. */
export async function connectPostgres(target: PostgresTarget, options: ConnectOptions = {}): Promise<DatabaseSession> {
  const { client, pid } = await openClient(target, options, SESSION_APPLICATION_NAME);
  const control = new ControlConnection({ connectionString: target.connectionString });
  // The second connection shares the control connection (which the session closes) and has the same settings; when it
  // cannot be had (no connection slot left, a role's connection limit), the session reads on its own connection.
  const shared: Control = {
    cancel: (backend) => control.cancel(backend),
    waitOf: (backend) => control.waitOf(backend),
    close: async () => undefined,
  };
  const openBeside = async (signal: AbortSignal): Promise<PostgresSession | undefined> => {
    const either = anySignal([options.signal, signal]);
    try {
      const beside = await openClient(target, options, READER_APPLICATION_NAME, either.signal);
      return new PostgresSession(beside.client, target.connectionString, target.redacted, beside.pid, shared, options);
    } catch {
      return undefined;
    } finally {
      either.dispose();
    }
  };
  return new PostgresSession(client, target.connectionString, target.redacted, pid, control, options, openBeside);
}

/**
 * A session on a `pg` client the caller connected (the PGlite sandbox's node-postgres adapter, see
 * src/sources/pglite-sandbox.ts): the same queries and row parsing as a server session. It holds no password.
 */
export async function postgresSessionOn(client: QueryClient, target: string): Promise<DatabaseSession> {
  await client.query('SET standard_conforming_strings = on');
  return new PostgresSession(client, '', target, 0, NO_CONTROL, {});
}

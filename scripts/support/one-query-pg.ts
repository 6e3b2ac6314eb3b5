/** `pg` for TypeORM's PostgreSQL driver in tests and benchmarks: one query at a time per connection. */
type PgModule = typeof import('pg');

/**
 * `pg` whose clients run one query at a time: TypeORM's schema builder sends several at once on one connection
 * (`Promise.all` in its PostgresQueryRunner, reading tables), which pg 8 deprecates ("Calling client.query() when the
 * client is already executing a query") and pg 9 refuses. Queries wait for the previous one instead; given to
 * TypeORM as its `driver`.
 */
export function oneQueryAtATimePg(): PgModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- pg is resolved when the harness runs, not at import
  const pg = require('pg') as PgModule;
  class OneAtATimeClient extends pg.Client {
    private previous: Promise<unknown> = Promise.resolve();

    override query(...args: unknown[]): never {
      const callback = typeof args[args.length - 1] === 'function';
      const submittable = typeof (args[0] as { submit?: unknown } | null)?.submit === 'function';
      const send = () => (super.query as (...a: unknown[]) => unknown)(...args);
      if (callback || submittable) return send() as never;
      const result = this.previous.then(send);
      this.previous = result.catch(() => undefined);
      return result as never;
    }
  }
  class OneAtATimePool extends pg.Pool {
    constructor(options?: import('pg').PoolConfig) {
      super({ ...options, Client: OneAtATimeClient as unknown as typeof pg.Client });
    }
  }
  return Object.create(pg, { Pool: { value: OneAtATimePool }, Client: { value: OneAtATimeClient } }) as PgModule;
}

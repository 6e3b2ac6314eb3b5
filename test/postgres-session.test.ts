import { parseDatabaseUrl } from '../src/connect/url';
import { postgresDialect } from '../src/dialects/postgres';
import { connectionError } from '../src/dialects/postgres/session';
import { ApplyError, ConnectionError } from '../src/errors/errors';
import type { Statement } from '../src/plan/types';
import { adminUrl, usePostgresTestDatabase } from './support/postgres';

const pg = usePostgresTestDatabase('session');

const sql = (text: string): Statement => ({ sql: text, hazards: [], transactional: true });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('apply', () => {
  test('is atomic: a failing third statement leaves the database exactly as before', async () => {
    await pg.raw.query(
      `CREATE TABLE accounts (id integer PRIMARY KEY, name text NOT NULL); INSERT INTO accounts VALUES (1, 'a'), (2, 'b')`,
    );
    const before = await pg.session.introspect();
    const plan = [
      sql(`ALTER TABLE "public"."accounts" ADD COLUMN "email" text`),
      sql(`CREATE TABLE "public"."audit" ("id" integer NOT NULL)`),
      sql(`ALTER TABLE "public"."accounts" ALTER COLUMN "name" TYPE integer USING "name"::integer`),
      sql(`DROP TABLE "public"."accounts"`),
    ];
    const error = await caught(pg.session.apply(plan));
    expect(error).toBeInstanceOf(ApplyError);
    expect((error as ApplyError).statement).toBe(plan[2]!.sql);
    expect((error as ApplyError).message).toBe('statement 3 of 4 failed: invalid input syntax for type integer: "a"');
    expect((error as ApplyError).hint).toMatch(
      /^Nothing was applied: the transaction was rolled back\. Rows hold values the new type cannot represent/,
    );
    expect((error as ApplyError).applied).toBe(0);
    expect(await pg.session.introspect()).toEqual(before);
    expect((await pg.raw.query('SELECT id, name FROM accounts ORDER BY id')).rows).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    // The pg.session is usable afterwards.
    await pg.session.apply([sql(`ALTER TABLE "public"."accounts" ADD COLUMN "email" text`)]);
    expect((await pg.session.introspect()).tables[0]!.columns.map((c) => c.name)).toEqual(['id', 'name', 'email']);
  });

  test("the error carries the database's detail", async () => {
    const error = await caught(pg.session.apply([sql(`INSERT INTO accounts (id, name) VALUES (1, 'dup')`)]));
    expect((error as ApplyError).message).toBe(
      'statement 1 of 1 failed: duplicate key value violates unique constraint "accounts_pkey": Key (id)=(1) already exists.',
    );
  });

  test('a narrowing that rows do not fit says what to do', async () => {
    await pg.raw.query(`CREATE TABLE titles (t varchar(20)); INSERT INTO titles VALUES ('a title that is long')`);
    const error = await caught(
      pg.session.apply([sql(`ALTER TABLE "public"."titles" ALTER COLUMN "t" TYPE varchar(5)`)]),
    );
    expect((error as ApplyError).message).toBe('statement 1 of 1 failed: value too long for type character varying(5)');
    expect((error as ApplyError).hint).toMatch(/Rows hold values longer than the new type allows: shorten them first/);
  });

  test('an empty plan sends nothing', async () => {
    const before = pg.session.queryCount;
    await pg.session.apply([]);
    expect(pg.session.queryCount).toBe(before);
  });

  test('reports the server version', async () => {
    expect(await pg.session.serverVersion()).toMatch(/^\d+(\.\d+)?/);
  });
});

describe('connection errors', () => {
  const connect = (url: string) => caught(postgresDialect.connect(parseDatabaseUrl(url)));

  test('refused: one line, a hint, no password', async () => {
    const error = (await connect('postgres://app:s3cret%21pw@127.0.0.1:1/app')) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe('cannot connect to PostgreSQL at 127.0.0.1:1: connection refused');
    expect(error.hint).toBeTruthy();
    expect(`${error.message} ${error.hint}`).not.toMatch(/s3cret/);
  });

  test('missing database', async () => {
    const url = new URL(adminUrl());
    url.pathname = '/schemaplan_does_not_exist';
    const error = (await connect(url.toString())) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(
      `database "schemaplan_does_not_exist" does not exist on PostgreSQL at ${url.hostname}:${url.port || 5432}`,
    );
    expect(error.hint).toMatch(/createdb schemaplan_does_not_exist/);
  });

  test('unknown user', async () => {
    const url = new URL(adminUrl());
    url.username = 'schemaplan_nobody';
    url.password = 'hunter2hunter2';
    const error = (await connect(url.toString())) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/schemaplan_nobody/);
    expect(error.message).not.toMatch(/hunter2/);
  });

  test('wrong password and unknown host have their own lines', () => {
    const url = 'postgres://app:pa55word@db.example.com:6543/app';
    const wrong = connectionError(
      Object.assign(new Error('password authentication failed for user "app" pa55word'), { code: '28P01' }),
      url,
    );
    expect(wrong.message).toBe('PostgreSQL at db.example.com:6543 rejected the password for user "app"');
    const unknownHost = connectionError(
      Object.assign(new Error('getaddrinfo ENOTFOUND db.example.com'), { code: 'ENOTFOUND' }),
      url,
    );
    expect(unknownHost.message).toBe('cannot connect to PostgreSQL at db.example.com:6543: host not found');
    const other = connectionError(new Error('something odd about pa55word'), url);
    expect(other.message).toBe('cannot connect to PostgreSQL at db.example.com:6543: something odd about ***');
  });
});

describe('one query at a time', () => {
  test("a query sent while another runs on the session's connection is refused, not queued behind it", async () => {
    const [first, second] = await Promise.allSettled([pg.session.introspect(), pg.session.serverVersion()]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({
      status: 'rejected',
      reason: expect.objectContaining({
        message: expect.stringMatching(/^internal error: a query was sent while another runs on the same connection/),
      }),
    });
    // The session is still usable afterwards.
    expect(await pg.session.serverVersion()).toMatch(/^\d+/);
  });
});

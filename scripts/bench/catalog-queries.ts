/**
 * The catalog queries introspection sends, recorded by running it through a recording query function (the same
 * `QueryFn` seam the session counts through), and written out as a plain SQL script with the parameters inlined, for
 * `psql -f`: the floor of what the server needs to answer them.
 */
import { Client } from 'pg';
import { introspectPostgres } from '../../src/dialects/postgres/introspect';
import { quoteLiteral } from '../../src/dialects/postgres/quote';

export interface RecordedQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export async function recordPostgresIntrospection(url: string, schemas: readonly string[]): Promise<RecordedQuery[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const recorded: RecordedQuery[] = [];
    await introspectPostgres(async <Row>(sql: string, params: readonly unknown[]) => {
      recorded.push({ sql, params });
      return (await client.query(sql, [...params])).rows as Row[];
    }, schemas);
    return recorded;
  } finally {
    await client.end();
  }
}

/** An array parameter as an array literal (`'{"a","b"}'`); the query's own cast (`$1::text[]`) gives it its type. */
function inlineParam(value: unknown): string {
  if (!Array.isArray(value)) throw new Error(`cannot inline a parameter of type ${typeof value}`);
  const items = value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`);
  return quoteLiteral(`{${items.join(',')}}`);
}

/** The queries as one script, `$n` replaced by the parameter's literal. */
export function asScript(queries: readonly RecordedQuery[]): string {
  return queries
    .map(({ sql, params }) => `${sql.replace(/\$(\d+)/g, (_, n: string) => inlineParam(params[Number(n) - 1]))};\n`)
    .join('\n');
}

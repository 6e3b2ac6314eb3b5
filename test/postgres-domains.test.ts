import { dialectFor } from '../src/dialects/registry';
import { declarableByEntities, type Model } from '../src/model';
import { createPlan } from '../src/plan/plan';
import { connect } from './support/apply-model';
import { freshDatabase, type TestDatabase } from './support/databases';
import { rawQuery } from './support/raw-query';

/**
 * Columns of a PostgreSQL domain: the model records the domain and its base type, so a database where the column is
 * the base type differs from one where it is the domain (a type change, never "No changes"); leaving a domain for its
 * own base type rewrites and loses nothing; a plan from entities (which declare the base type) leaves the domain alone.
 */

const DOMAINS = `
  CREATE TYPE mood AS ENUM ('happy', 'sad');
  CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
  CREATE DOMAIN recent_year AS year CHECK (VALUE >= 2000);
  CREATE DOMAIN email AS varchar(254) CHECK (VALUE LIKE '%@%');
  CREATE DOMAIN feeling AS mood;`;
const WITH_DOMAINS = `${DOMAINS}
  CREATE TABLE films (id integer PRIMARY KEY, released year DEFAULT 2000, remade recent_year, contact email, years year[], f feeling);
  INSERT INTO films VALUES (1, 1999, 2005, 'a@b.c', '{1990,2000}', 'sad');`;
const WITH_BASE_TYPES = `${DOMAINS}
  CREATE TABLE films (id integer PRIMARY KEY, released integer DEFAULT 2000, remade integer, contact varchar(254), years integer[], f mood);`;

const postgres = dialectFor('postgres');

async function read(db: TestDatabase): Promise<Model> {
  const session = await connect(db.url);
  try {
    return await session.introspect({ schemas: ['public'] });
  } finally {
    await session.close();
  }
}

describe('columns of domains on postgres', () => {
  let domains: TestDatabase;
  let bases: TestDatabase;
  let domainModel: Model;
  let baseModel: Model;
  beforeAll(async () => {
    domains = await freshDatabase('postgres', 'domains');
    bases = await freshDatabase('postgres', 'domains_base');
    await rawQuery(domains, WITH_DOMAINS);
    await rawQuery(bases, WITH_BASE_TYPES);
    domainModel = await read(domains);
    baseModel = await read(bases);
  });
  afterAll(async () => {
    await domains.drop();
    await bases.drop();
  });

  it('are read with the domain and the type it is over', () => {
    const columns = Object.fromEntries(domainModel.tables[0]!.columns.map((c) => [c.name, c]));
    expect(columns.released).toEqual({
      name: 'released',
      type: 'year',
      nullable: true,
      default: '2000',
      domain: { schema: 'public', name: 'year', base: { type: 'integer' } },
    });
    expect(columns.remade!.domain).toEqual({ schema: 'public', name: 'recent_year', base: { type: 'integer' } });
    expect(columns.contact!.domain).toEqual({
      schema: 'public',
      name: 'email',
      base: { type: 'character varying', length: 254 },
    });
    expect(columns.years).toMatchObject({
      type: 'year',
      array: true,
      domain: { name: 'year', base: { type: 'integer' } },
    });
    expect(columns.f!.domain).toEqual({
      schema: 'public',
      name: 'feeling',
      base: { type: 'enum', enum: { schema: 'public', name: 'mood' } },
    });
    // As entities see them: the base type.
    expect(declarableByEntities(domainModel).tables).toEqual(baseModel.tables);
  });

  it('differ from columns of their base type; leaving a domain for its base type rewrites and loses nothing', async () => {
    const plan = createPlan({ from: domainModel, to: baseModel, dialect: postgres, targetScope: 'inventory' });
    expect(
      plan.changes.map((c) => (c.kind === 'column.alter' ? `${c.to.name}: ${c.fields.join(',')}` : c.kind)),
    ).toEqual(['contact: type', 'f: type', 'released: type', 'remade: type', 'years: type']);
    expect([...new Set(plan.statements.flatMap((s) => s.hazards.map((h) => h.code)))]).toEqual([
      'ACCESS_EXCLUSIVE_LOCK',
    ]);
    const back = createPlan({ from: baseModel, to: domainModel, dialect: postgres, targetScope: 'inventory' });
    expect(back.changes).toHaveLength(5);
    // Into a domain: its constraints are checked against every row.
    expect(back.statements.flatMap((s) => s.hazards.map((h) => h.code))).toContain('DATA_LOSS');

    const session = await connect(domains.url);
    try {
      await session.apply(plan.statements);
      expect((await session.introspect({ schemas: ['public'] })).tables).toEqual(baseModel.tables);
    } finally {
      await session.close();
    }
    expect(await rawQuery(domains, 'SELECT id, released, remade, contact, years, f::text FROM films')).toEqual([
      { id: 1, released: 1999, remade: 2005, contact: 'a@b.c', years: [1990, 2000], f: 'sad' },
    ]);
  });

  it('from entities, which declare the base type, are left alone', () => {
    const plan = createPlan({ from: declarableByEntities(domainModel), to: baseModel, dialect: postgres });
    expect(plan.changes).toEqual([]);
  });
});

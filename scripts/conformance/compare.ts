/**
 * Comparing two introspected models, and naming the first place they differ in terms a reader can find:
 * `tables[public.foo].columns[bar].default: 'a'::text vs absent`.
 */
import type { Dialect } from '../../src/dialects/dialect';
import { respellLike, type Model } from '../../src/model';

/**
 * The model as compared: the dialect's normal form, with each table's columns sorted by name (the column order of a
 * table is not compared: PostgreSQL cannot reorder columns, and the diff does not either), and without TypeORM's own
 * tables among what is not managed (a plan creates `typeorm_metadata` to record view expressions; the catalog
 * comparison leaves it out too).
 */
export function comparable(model: Model, dialect: Dialect): Model {
  const normal = dialect.normalize(model);
  const notManaged = normal.notManaged?.filter((entry) => entry.kind !== 'typeorm table');
  return {
    ...normal,
    notManaged: notManaged?.length ? notManaged : undefined,
    tables: normal.tables.map((table) => ({
      ...table,
      columns: [...table.columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    })),
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

const isObject = (value: unknown): value is Record<string, Json | undefined> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An array element's key: `schema.name` or `name` for named objects, else its position. */
function keyOf(value: Json, index: number): string {
  if (isObject(value) && typeof value.name === 'string') {
    return typeof value.schema === 'string' ? `${value.schema}.${value.name}` : value.name;
  }
  return String(index);
}

const show = (value: Json | undefined): string => (value === undefined ? 'absent' : JSON.stringify(value));

/** The first difference between `a` and `b` as `path: a vs b`, or undefined when they are equal. */
export function firstDifference(a: Json | undefined, b: Json | undefined, at = ''): string | undefined {
  if (a === b) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    const named = [...a, ...b].every((v) => isObject(v) && typeof v.name === 'string');
    if (!named) {
      if (a.length !== b.length) return `${at}: ${show(a)} vs ${show(b)}`;
      for (let i = 0; i < a.length; i++) {
        const found = firstDifference(a[i], b[i], `${at}[${i}]`);
        if (found) return found;
      }
      return undefined;
    }
    const left = new Map(a.map((v, i) => [keyOf(v, i), v]));
    const right = new Map(b.map((v, i) => [keyOf(v, i), v]));
    for (const key of [...new Set([...left.keys(), ...right.keys()])].sort()) {
      const found = firstDifference(left.get(key), right.get(key), `${at}[${key}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const found = firstDifference(a[key], b[key], at ? `${at}.${key}` : key);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(a) || isObject(b) || Array.isArray(a) || Array.isArray(b)) {
    // One side has an object where the other has none: name it, not its whole content.
    const brief = (v: Json | undefined) => (v === undefined ? 'absent' : isObject(v) || Array.isArray(v) ? 'present' : show(v));
    return `${at}: ${brief(a)} vs ${brief(b)}`;
  }
  return `${at}: ${show(a)} vs ${show(b)}`;
}

/** The first difference between two models as the runner compares them (the migrated database first). */
export function modelDifference(migrated: Model, target: Model, dialect: Dialect): string | undefined {
  const plain = (model: Model) => JSON.parse(JSON.stringify(model)) as Json;
  const [a, b] = [comparable(migrated, dialect), comparable(target, dialect)];
  // Where names are case-insensitive (SQLite), `USERS` is the target's `users`, as the plan reads it.
  return firstDifference(plain(dialect.capabilities.caseInsensitiveNames ? comparable(respellLike(a, b), dialect) : a), plain(b));
}

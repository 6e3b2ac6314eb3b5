import type { Index, IndexKey, IndexKeyClass, IndexKeyOrder } from './types';

type ExpressionKey = Extract<IndexKey, { readonly expression: string }>;

/** Every key of an index in order: its `keys`, or one ascending column key per entry of `columns`. */
export function indexKeys(index: Pick<Index, 'columns' | 'keys'>): readonly IndexKey[] {
  return index.keys ?? index.columns.map((column) => ({ column }));
}

export function isExpressionKey(key: IndexKey): key is ExpressionKey {
  return 'expression' in key;
}

/** Whether a key sorts other than `ASC NULLS LAST` (once canonical, see `canonicalKeyOrder`). */
export function hasKeyOrder(key: IndexKeyOrder): boolean {
  return key.desc === true || key.nulls !== undefined;
}

/**
 * A key's sort order with only what is not the default: `desc` when descending, `nulls` when it differs from the
 * direction's default (`ASC` sorts nulls last, `DESC` first), so each order has one spelling.
 */
export function canonicalKeyOrder(order: IndexKeyOrder): IndexKeyOrder {
  const desc = order.desc === true;
  const nullsFirstByDefault = desc;
  const nulls =
    order.nulls === undefined || (order.nulls === 'first') === nullsFirstByDefault ? undefined : order.nulls;
  const canonical: { desc?: true; nulls?: IndexKeyOrder['nulls'] } = {};
  if (desc) canonical.desc = true;
  if (nulls) canonical.nulls = nulls;
  return canonical;
}

/** `DESC`, `NULLS FIRST`, `DESC NULLS LAST` or nothing: the SQL that follows a key of this order. */
export function keyOrderSql(order: IndexKeyOrder): string {
  const canonical = canonicalKeyOrder(order);
  const parts = [canonical.desc ? 'DESC' : '', canonical.nulls ? `NULLS ${canonical.nulls.toUpperCase()}` : ''];
  return parts.filter((part) => part !== '').join(' ');
}

/** Whether a key has a non-default operator class or collation (PostgreSQL). */
export function hasKeyClass(key: IndexKeyClass): boolean {
  return key.opclass !== undefined || key.collation !== undefined;
}

/** One key in canonical shape: its column or expression, then its non-default order, operator class and collation. */
function canonicalKey(key: IndexKey): IndexKey {
  const order = canonicalKeyOrder(key);
  const out: { -readonly [K in keyof (IndexKeyOrder & IndexKeyClass)]: (IndexKeyOrder & IndexKeyClass)[K] } & {
    column?: string;
    expression?: string;
  } = isExpressionKey(key) ? { expression: key.expression } : { column: key.column };
  if (order.desc) out.desc = true;
  if (order.nulls) out.nulls = order.nulls;
  if (key.collation) out.collation = key.collation;
  if (key.opclass) out.opclass = key.opclass;
  return out as IndexKey;
}

/** A column key that reads the same as the bare column: ascending, nulls last, no operator class or collation. */
function isPlainColumnKey(key: IndexKey): boolean {
  return !isExpressionKey(key) && !hasKeyOrder(canonicalKeyOrder(key)) && !hasKeyClass(key);
}

/**
 * The canonical shape of an index's keys: `columns` lists the column keys; `keys` is kept only when one of them is
 * an expression, sorts other than ascending with nulls last, or has an operator class or collation, so an index on
 * plain columns reads the same whichever way it was built.
 */
export function withIndexKeys<T extends Pick<Index, 'columns' | 'keys'>>(index: T, keys: readonly IndexKey[]): T {
  if (keys.every(isPlainColumnKey)) {
    return { ...index, columns: keys.map((key) => (key as { column: string }).column), keys: undefined };
  }
  const canonical = keys.map(canonicalKey);
  const columns = canonical.flatMap((key) => (isExpressionKey(key) ? [] : [key.column]));
  const needsKeys = canonical.some((key) => isExpressionKey(key) || hasKeyOrder(key) || hasKeyClass(key));
  return { ...index, columns, keys: needsKeys ? canonical : undefined };
}

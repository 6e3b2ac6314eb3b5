import type { Index, IndexKey } from './types';

/** Every key of an index in order: its `keys`, or one column key per entry of `columns`. */
export function indexKeys(index: Pick<Index, 'columns' | 'keys'>): readonly IndexKey[] {
  return index.keys ?? index.columns.map((column) => ({ column }));
}

export function isExpressionKey(key: IndexKey): key is { readonly expression: string } {
  return 'expression' in key;
}

/**
 * The canonical shape of an index's keys: `columns` lists the column keys; `keys` is kept only when one of them is
 * an expression, so an index on columns only reads the same whichever way it was built.
 */
export function withIndexKeys<T extends Pick<Index, 'columns' | 'keys'>>(index: T, keys: readonly IndexKey[]): T {
  const columns = keys.flatMap((key) => (isExpressionKey(key) ? [] : [key.column]));
  const hasExpression = keys.some(isExpressionKey);
  const result = { ...index, columns, keys: hasExpression ? keys.map((key) => ({ ...key })) : undefined };
  return result;
}

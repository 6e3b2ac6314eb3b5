import type { Model } from '../model';
import { qualifiedKey } from '../model';
import { dialectFor } from '../dialects/registry';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A readable summary of a model: `8 tables, 4 enums: deck_level (4 values), ...` then one line per table. */
export function renderModelText(model: Model): string {
  const namedTypes = dialectFor(model.dialect).capabilities.enumTypes;
  const enumsOf = (): string[] => {
    if (namedTypes) return model.enums.map((e) => `${e.name} (${plural(e.values.length, 'value')})`);
    const seen = new Map<string, number>();
    for (const table of model.tables) {
      for (const c of table.columns) if (c.enumValues) seen.set(`${table.name}.${c.name}`, c.enumValues.length);
    }
    return [...seen].map(([name, n]) => `${name} (${plural(n, 'value')})`);
  };
  const enums = enumsOf();
  const enumWord = namedTypes ? 'enum' : 'enum column';
  const head =
    `${plural(model.tables.length, 'table')}, ${plural(enums.length, enumWord)}` +
    (enums.length ? `: ${enums.join(', ')}` : '') +
    (model.extensions.length ? `; extensions: ${model.extensions.join(', ')}` : '') +
    (model.views?.length ? `; ${plural(model.views.length, 'view')}` : '');
  const lines = [`${model.dialect}: ${head}`];
  for (const table of model.tables) {
    const parts = [
      plural(table.columns.length, 'column'),
      table.primaryKey ? `pk (${table.primaryKey.columns.join(', ')})` : 'no pk',
      table.foreignKeys.length ? plural(table.foreignKeys.length, 'foreign key') : '',
      table.uniques.length ? plural(table.uniques.length, 'unique') : '',
      table.checks.length ? plural(table.checks.length, 'check') : '',
      table.indexes.length ? plural(table.indexes.length, 'index', 'indexes') : '',
    ].filter(Boolean);
    const computed = table.columns.filter((c) => c.computed).length;
    if (computed) parts.splice(1, 0, plural(computed, 'generated column'));
    // Attributes the model does not describe (see `UnmodelledAttribute`): named, so a reader knows they are not compared.
    const unmodelled = [
      table,
      ...table.columns,
      table.primaryKey,
      ...table.foreignKeys,
      ...table.uniques,
      ...table.indexes,
    ]
      .flatMap((object) => object?.unmodelled ?? [])
      .map((entry) => entry.attribute);
    if (unmodelled.length) parts.push(`partly managed (${[...new Set(unmodelled)].join(', ')}: not compared)`);
    lines.push(`  ${qualifiedKey(table)}: ${parts.join(', ')}`);
  }
  for (const view of model.views ?? []) {
    const reads = view.dependsOn.length ? `, reads ${view.dependsOn.map(qualifiedKey).join(', ')}` : '';
    lines.push(`  ${qualifiedKey(view)}: ${view.materialized ? 'materialized view' : 'view'}${reads}`);
  }
  return `${lines.join('\n')}\n`;
}

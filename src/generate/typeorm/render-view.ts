/**
 * A view as a `@ViewEntity` whose expression is the view's query exactly as the model holds it (what TypeORM recorded
 * for it, else the catalog's text): TypeORM and schemaplan both compare the expression as written. The views it reads
 * are its `dependsOn`, which TypeORM's own schema builder needs to create views in order. A materialized view's
 * indexes are `@Index` decorators (which TypeORM creates on PostgreSQL) over `@ViewColumn` properties for their columns;
 * one TypeORM cannot declare is a comment and a diagnostic.
 */
import type { View } from '../../model';
import { qualifiedKey } from '../../model';
import type { LineDifferences } from '../../typeorm/line-differences';
import type { Diagnostic } from '../../plan/types';
import { decorator, renderDecorator } from './decorators';
import { arrayLiteral, lineComment, tsString, tsTemplate } from './literals';
import type { ClassNames } from './naming-plan';
import { NameScope, propertyNameFor, RESERVED_PROPERTY_NAMES } from './names';
import { HEADER } from './render-entity';
import { indexDecorator, notDeclaredIndex, undeclarableIndex, type ClassDecoratorLine } from './table-constraints';

export interface ViewIndexes {
  /** Class decorators (or comments in their place), one per index. */
  readonly lines: readonly ClassDecoratorLine[];
  /** Column name -> property name, for every column an `@Index` names. */
  readonly properties: ReadonlyMap<string, string>;
}

/** The indexes of a (materialized) view as class decorators, and the view columns they need declared. */
export function planViewIndexes(view: View, diagnostics: Diagnostic[], line: LineDifferences): ViewIndexes {
  const key = qualifiedKey(view);
  const scope = new NameScope(RESERVED_PROPERTY_NAMES);
  const properties = new Map<string, string>();
  const lines: ClassDecoratorLine[] = [];
  for (const index of view.indexes ?? []) {
    const reason = undeclarableIndex(index, index.method, line);
    if (reason !== undefined) {
      lines.push(notDeclaredIndex(`view ${key}`, `view ${key}`, index, reason, diagnostics));
      continue;
    }
    for (const column of index.columns) {
      if (!properties.has(column))
        properties.set(column, scope.claim(propertyNameFor(column), `${propertyNameFor(column)}_`));
    }
    lines.push({
      call: indexDecorator(
        index,
        index.method,
        arrayLiteral(index.columns.map((c) => tsString(properties.get(c)!))),
        line,
      ),
    });
  }
  return { lines, properties };
}

export function renderViewFile(
  view: View,
  names: ClassNames,
  dependencies: readonly ClassNames[],
  defaultSchema: string | undefined,
  indexes: ViewIndexes = { lines: [], properties: new Map() },
): string {
  const others = dependencies.filter((d) => d.className !== names.className);
  const options = decorator('ViewEntity', {
    entries: [
      ['name', tsString(view.name)],
      ['schema', view.schema !== undefined && view.schema !== defaultSchema ? tsString(view.schema) : undefined],
      ['materialized', view.materialized ? 'true' : undefined],
      ['dependsOn', others.length > 0 ? `[${others.map((d) => d.className).join(', ')}]` : undefined],
      ['expression', view.expression.includes('\n') ? tsTemplate(view.expression) : tsString(view.expression)],
    ],
  });
  const decorators = [
    'ViewEntity',
    ...(indexes.lines.some((l) => 'call' in l) ? ['Index'] : []),
    ...(indexes.properties.size > 0 ? ['ViewColumn'] : []),
  ];
  const imports = [
    `import { ${decorators.sort().join(', ')} } from 'typeorm';`,
    ...others.map((d) => `import { ${d.className} } from './${d.fileName}';`),
  ];
  const classLines = [
    renderDecorator(options, ''),
    ...indexes.lines.map((l) => ('call' in l ? renderDecorator(l.call, '') : lineComment(l.comment))),
  ];
  // The view's columns are not in the model: only those an index names are declared, typed `unknown`.
  const members = [...indexes.properties].map(
    ([column, property]) =>
      `${renderDecorator(decorator('ViewColumn', { entries: [['name', tsString(column)]] }), '  ')}\n  ${property}!: unknown;`,
  );
  const body = members.length > 0 ? `{\n${members.join('\n\n')}\n}` : '{}';
  return `${HEADER}\n${imports.join('\n')}\n\n${classLines.join('\n')}\nexport class ${names.className} ${body}\n`;
}

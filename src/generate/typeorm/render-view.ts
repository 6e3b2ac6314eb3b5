/**
 * A view as a `@ViewEntity` whose expression is the view's query exactly as the model holds it (what TypeORM recorded
 * for it, else the catalog's text): TypeORM and schemaplan both compare the expression as written. The views it reads
 * are its `dependsOn`, which TypeORM's own schema builder needs to create views in order.
 */
import type { View } from '../../model';
import { decorator, renderDecorator } from './decorators';
import { tsString, tsTemplate } from './literals';
import type { ClassNames } from './naming-plan';
import { HEADER } from './render-entity';

export function renderViewFile(
  view: View,
  names: ClassNames,
  dependencies: readonly ClassNames[],
  defaultSchema: string | undefined,
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
  const imports = [
    "import { ViewEntity } from 'typeorm';",
    ...others.map((d) => `import { ${d.className} } from './${d.fileName}';`),
  ];
  return `${HEADER}\n${imports.join('\n')}\n\n${renderDecorator(options, '')}\nexport class ${names.className} {}\n`;
}

import type { DiffOptions } from './api-types';
import { diffSources } from './diff-sources';
import { planDocument, type PlanDocument } from './plan-document';
import { resolveProjectOptions } from './resolve-options';

/**
 * The plan that turns `from` into `to` (each a database URL, `entities:GLOB[,GLOB]`, a model `.json` or a `.sql`
 * file, or a model or model document as data: see `DiffSource`), as `schema diff --format json` prints it; a
 * database FROM side is measured and hashed as `plan` does. The project's config file and data source apply as for
 * the CLI. Reads only.
 */
export async function diff(options: DiffOptions): Promise<PlanDocument> {
  const cwd = options.cwd ?? process.cwd();
  const result = await diffSources({
    from: options.from,
    to: options.to,
    dialect: options.dialect,
    devUrl: options.devUrl,
    renames: options.renames,
    cwd,
    project: () =>
      resolveProjectOptions({ config: options.config, dataSource: options.dataSource, cwd, env: options.env }),
    signal: options.signal,
  });
  return planDocument(result.plan, {
    target: `${result.from.label} -> ${result.to.label}`,
    serverVersion: result.serverVersion,
  });
}

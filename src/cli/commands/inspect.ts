import type { Argv } from 'yargs';
import { compileSources } from '../../config/compile-sources';
import { parseDatabaseUrl } from '../../connect/url';
import { dialectFor } from '../../dialects/registry';
import { UsageError } from '../../errors/errors';
import type { DialectName, Model } from '../../model';
import { excludeFromModel, toJson } from '../../model';
import { renderModelText } from '../../report/inspect-text';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { resolveSources, withEntities, withUrl, type SourceArgs } from '../options';
import { modelDdl } from '../../plan/ddl';

export interface InspectArgs extends SourceArgs {
  format: 'text' | 'json' | 'sql';
  dialect?: DialectName;
}

export function inspectOptions<T>(yargs: Argv<T>) {
  return withEntities(withUrl(yargs))
    .option('format', { choices: ['text', 'json', 'sql'] as const, default: 'text' as const })
    .option('dialect', {
      choices: ['postgres', 'sqlite'] as const,
      describe: 'with --entities: the dialect to compile for (default: the URL\'s)',
    });
}

/** Prints the model of a database (`--url`) or of the entities (`--entities`), without the excluded tables. */
export async function runInspect(args: InspectArgs, io: CliIo): Promise<number> {
  if (args.url && args.entities?.length) {
    throw new UsageError('inspect takes either --url or --entities, not both');
  }
  const sources = await resolveSources(args, io);
  let model: Model;
  if (args.entities?.length || args.dialect) {
    const dialect = args.dialect ?? parseDatabaseUrl(sources.url, io.cwd).dialect;
    model = (await compileSources(sources, dialect)).model;
  } else {
    const target = parseDatabaseUrl(sources.url, io.cwd);
    const session = await dialectFor(target.dialect).connect(target);
    try {
      const schemas = sources.schemas?.length ? { schemas: ['public', ...sources.schemas] } : {};
      model = excludeFromModel(await session.introspect(schemas), sources.exclude ?? []);
    } finally {
      await session.close();
    }
  }
  const text = args.format === 'json' ? toJson(model) : args.format === 'sql' ? modelDdl(model, dialectFor(model.dialect)) : renderModelText(model);
  io.stdout.write(text);
  return EXIT.ok;
}

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { typeormEntityFiles } from '../../generate/typeorm-entities';
import { appTypeormLine } from '../../typeorm/runtime';
import { paint } from '../../report/colors';
import { renderDiagnostics } from '../../report/text';
import { compileSources } from '../../config/compile-sources';
import { parseDatabaseUrl } from '../../connect/url';
import { dialectFor } from '../../dialects/registry';
import { UsageError } from '../../errors/errors';
import { toJson, type DialectName, type Model } from '../../model';
import { readDatabaseModel } from '../../workflow/inspect-model';
import { renderModelText } from '../../report/inspect-text';
import { EXIT } from '../exit-codes';
import { colourEnabled, type CliIo } from '../io';
import { announceDatabase, resolveProject, resolveSources, withEntities, withUrl, type SourceArgs } from '../options';
import { modelDdl } from '../../plan/ddl';

export interface InspectArgs extends SourceArgs {
  format: 'text' | 'json' | 'sql' | 'typeorm';
  dialect?: DialectName;
  out: string;
  color?: boolean;
}

export function inspectOptions<T>(yargs: Argv<T>) {
  return withEntities(withUrl(yargs))
    .option('format', {
      choices: ['text', 'json', 'sql', 'typeorm'] as const,
      default: 'text' as const,
      describe: 'text summary, the model as json, its DDL as sql, or TypeORM entity files (written to --out)',
    })
    .option('out', {
      type: 'string',
      default: 'schema',
      describe: 'with --format typeorm: the folder the entity files go to',
    })
    .option('dialect', {
      choices: ['postgres', 'sqlite'] as const,
      describe: "with --entities: the dialect to compile for (default: the URL's)",
    });
}

/** Prints the model of a database (`--url`) or of the entities (`--entities`), without the excluded tables. */
export async function runInspect(args: InspectArgs, io: CliIo): Promise<number> {
  if (args.url && args.entities?.length) {
    throw new UsageError('inspect takes either --url or --entities, not both');
  }
  let model: Model;
  if (args.dialect) {
    // The entities in a named dialect: no database, so no connection is read.
    model = (await compileSources(await resolveProject(args, io), args.dialect)).model;
  } else if (args.entities?.length) {
    const sources = await resolveSources(args, io);
    model = (await compileSources(sources, parseDatabaseUrl(sources.url, io.cwd).dialect)).model;
  } else {
    const sources = await resolveSources(args, io);
    model = await readDatabaseModel(sources, {
      signal: io.signal,
      allSchemas: args.format === 'typeorm',
      connecting: announceDatabase(sources, io),
    });
  }
  if (args.format === 'typeorm') return writeEntityFiles(model, args, io);
  const text =
    args.format === 'json'
      ? toJson(model)
      : args.format === 'sql'
        ? modelDdl(model, dialectFor(model.dialect))
        : renderModelText(model);
  io.stdout.write(text);
  return EXIT.ok;
}

/**
 * `inspect --format typeorm`: entity files that plan as empty against the database they were read from, for adopting
 * schemaplan on an existing database. Never overwrites a file; what entities cannot express is said on stderr (exit 1
 * when part of the database could not be written as entities).
 */
function writeEntityFiles(model: Model, args: InspectArgs, io: CliIo): number {
  const dir = path.resolve(io.cwd, args.out);
  // Entities for the TypeORM line the app uses, as the folder they go to resolves it.
  const { files, diagnostics } = typeormEntityFiles(model, { typeorm: appTypeormLine(dir) });
  const taken = [...files.keys()].filter((file) => existsSync(path.join(dir, file)));
  if (taken.length > 0) {
    throw new UsageError(
      `refusing to overwrite ${taken.length} file(s) in ${args.out}: ${taken.slice(0, 3).join(', ')}${taken.length > 3 ? ', ...' : ''}`,
      'Write into an empty folder with --out DIR.',
    );
  }
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  if (diagnostics.length > 0)
    io.stderr.write(`${renderDiagnostics(diagnostics, paint(colourEnabled(io, args.color))).join('\n')}\n`);
  io.stderr.write(`Wrote ${files.size} file(s) to ${args.out}\n`);
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.error : EXIT.ok;
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Argv } from 'yargs';
import { generatedFiles } from '../../generate/generated-files';
import { EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { entitiesLabel } from '../../config/sources';
import { resolveProject, withEntities, type SourceArgs } from '../options';

export function generateOptions<T>(yargs: Argv<T>) {
  return withEntities(yargs);
}

/** Rewrites `generated/` (model.json, schema.<dialect>.sql) from the entities; reports which files changed. */
export async function runGenerate(args: SourceArgs, io: CliIo): Promise<number> {
  const sources = await resolveProject(args, io);
  const files = await generatedFiles(sources.entities, io.cwd, sources);
  for (const [relative, content] of files) {
    const absolute = path.join(io.cwd, relative);
    const previous = await readFile(absolute, 'utf8').catch(() => undefined);
    if (previous === content) continue;
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, content);
    io.stdout.write(`wrote ${relative}\n`);
  }
  io.stdout.write(`generated/ is up to date with ${entitiesLabel(sources)}\n`);
  return EXIT.ok;
}

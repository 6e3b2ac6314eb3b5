import type { Argv } from 'yargs';
import { checkGenerated } from '../../generate/check-generated';
import { paint } from '../../report/colors';
import { renderCheckText } from '../../report/check-text';
import { EXIT } from '../exit-codes';
import { colourEnabled, type CliIo } from '../io';
import { entitiesLabel } from '../../config/sources';
import { resolveProject, withEntities, type SourceArgs } from '../options';

export interface CheckArgs extends SourceArgs {
  color?: boolean;
}

export function checkOptions<T>(yargs: Argv<T>) {
  return withEntities(yargs);
}

/** Exit 0 when `generated/` matches the entities, 2 (with what differs) when it is stale or missing. No database. */
export async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const sources = await resolveProject(args, io);
  const statuses = await checkGenerated(sources.entities, io.cwd, sources);
  io.stdout.write(renderCheckText(statuses, entitiesLabel(sources), paint(colourEnabled(io, args.color))));
  return statuses.every((s) => s.status === 'fresh') ? EXIT.ok : EXIT.changes;
}

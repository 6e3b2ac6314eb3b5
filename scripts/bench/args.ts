/** Command-line options of `npm run bench`. */
import type { DialectName } from '../../src/model';
import { FlagReader, wholeNumber } from '../support/flag-reader';

export const USAGE = `npm run bench [-- options]

  --sizes LIST        entity counts (default 250,1000,2000)
  --runs N            runs per measurement, medians reported (default 3)
  --dialect D         postgres or sqlite (repeatable; default both)
  --no-peers          skip TypeORM's log() and drizzle-kit (the psql floor still runs)
  --no-drizzle        skip drizzle-kit only
  --typeorm LINE      the projects' TypeORM: 1 (default, the repository's typeorm) or 0.3 (its typeorm-0.3 alias)
  --no-profile        skip the --cpu-prof run of "where the time goes"
  --profile-size N    entities for the profile (default 1000, or the largest size below it)
  --out FILE          where to write the report (default BENCHMARKS.md at the repository root when every default
                      size runs, else printed only)
  --work-dir DIR      where projects and SQLite files go (default a temporary directory, deleted afterwards);
                      results.json is written there
  --merge FILE        also report the sizes of an earlier run's results.json that this run does not measure
`;

export interface BenchArgs {
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly dialects: readonly DialectName[];
  readonly peers: boolean;
  readonly drizzle: boolean;
  readonly typeorm: '1' | '0.3';
  readonly profile: boolean;
  readonly profileSize?: number;
  readonly out?: string;
  readonly workDir?: string;
  readonly merge?: string;
  readonly help: boolean;
}

export const DEFAULT_SIZES = [250, 1000, 2000] as const;

export function parseArgs(argv: readonly string[]): BenchArgs {
  let sizes: number[] = [...DEFAULT_SIZES];
  let runs = 3;
  const dialects: DialectName[] = [];
  let peers = true;
  let drizzle = true;
  let typeorm: '1' | '0.3' = '1';
  let profile = true;
  let profileSize: number | undefined;
  let out: string | undefined;
  let workDir: string | undefined;
  let merge: string | undefined;
  let help = false;
  const read = new FlagReader(argv);
  for (let flag = read.next(); flag !== undefined; flag = read.next()) {
    switch (flag) {
      case '--sizes':
        sizes = read
          .value(flag)
          .split(',')
          .map((v) => wholeNumber(flag!, v.trim(), 1));
        break;
      case '--runs':
        runs = read.wholeNumber(flag, 1);
        break;
      case '--dialect':
        dialects.push(read.dialect(flag));
        break;
      case '--no-peers':
        peers = false;
        break;
      case '--no-drizzle':
        drizzle = false;
        break;
      case '--typeorm': {
        const line = read.value(flag);
        if (line !== '1' && line !== '0.3') throw new Error(`--typeorm takes 1 or 0.3, not ${line}`);
        typeorm = line;
        break;
      }
      case '--no-profile':
        profile = false;
        break;
      case '--profile-size':
        profileSize = read.wholeNumber(flag, 1);
        break;
      case '--out':
        out = read.value(flag);
        break;
      case '--work-dir':
        workDir = read.value(flag);
        break;
      case '--merge':
        merge = read.value(flag);
        break;
      case '--help':
        help = true;
        break;
      default:
        throw new Error(`unknown option ${flag} (see --help)`);
    }
  }
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    dialects: dialects.length > 0 ? [...new Set(dialects)] : ['postgres', 'sqlite'],
    peers,
    drizzle,
    typeorm,
    profile,
    profileSize,
    out,
    workDir,
    merge,
    help,
  };
}

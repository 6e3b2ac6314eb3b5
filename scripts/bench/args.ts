/** Command-line options of `npm run bench`. */
import type { DialectName } from '../../src/model';

export const USAGE = `npm run bench [-- options]

  --sizes LIST        entity counts (default 100,500,1000,2000)
  --runs N            runs per measurement, medians reported (default 3)
  --dialect D         postgres or sqlite (repeatable; default both)
  --no-peers          skip TypeORM's log() and drizzle-kit (the psql floor still runs)
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
  readonly profile: boolean;
  readonly profileSize?: number;
  readonly out?: string;
  readonly workDir?: string;
  readonly merge?: string;
  readonly help: boolean;
}

export const DEFAULT_SIZES = [100, 500, 1000, 2000] as const;

export function parseArgs(argv: readonly string[]): BenchArgs {
  let sizes: number[] = [...DEFAULT_SIZES];
  let runs = 3;
  const dialects: DialectName[] = [];
  let peers = true;
  let profile = true;
  let profileSize: number | undefined;
  let out: string | undefined;
  let workDir: string | undefined;
  let merge: string | undefined;
  let help = false;
  const positive = (flag: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--sizes': sizes = value().split(',').map((v) => positive(flag, v.trim())); break;
      case '--runs': runs = positive(flag, value()); break;
      case '--dialect': {
        const d = value();
        if (d !== 'postgres' && d !== 'sqlite') throw new Error(`--dialect is postgres or sqlite, got ${d}`);
        dialects.push(d);
        break;
      }
      case '--no-peers': peers = false; break;
      case '--no-profile': profile = false; break;
      case '--profile-size': profileSize = positive(flag, value()); break;
      case '--out': out = value(); break;
      case '--work-dir': workDir = value(); break;
      case '--merge': merge = value(); break;
      case '--help': help = true; break;
      default: throw new Error(`unknown option ${flag} (see --help)`);
    }
  }
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    dialects: dialects.length > 0 ? [...new Set(dialects)] : ['postgres', 'sqlite'],
    peers,
    profile,
    profileSize,
    out,
    workDir,
    merge,
    help,
  };
}

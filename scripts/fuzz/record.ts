/**
 * Writes the last long run's result into RELIABILITY.md, in its own section (`## Convergence fuzzing`, up to the next
 * `## ` heading), leaving the rest of the file as it is; creates the file when missing. Only the block between the
 * `fuzz-result` markers is rewritten, so the prose of the section is kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DialectName } from '../../src/model';

export interface DialectResult {
  readonly dialect: DialectName;
  readonly runs: number;
  readonly failures: number;
  readonly seconds: number;
  /** The first line of the failure, when there was one. */
  readonly failure?: string;
  /** fast-check's replay path of the shrunk failure. */
  readonly path?: string;
}

export interface RunResult {
  readonly date: string;
  readonly seed: number;
  readonly results: readonly DialectResult[];
}

const HEADING = '## Convergence fuzzing';
const START = '<!-- fuzz-result:start -->';
const END = '<!-- fuzz-result:end -->';

export function renderResult(run: RunResult): string {
  const rows = run.results.map(
    (r) =>
      `| ${run.date} | ${r.dialect} | ${run.seed} | ${r.runs} | ${r.failures}${r.failure ? ` (${r.failure.replace(/\|/g, '\\|')})` : ''} | ${r.seconds.toFixed(0)} s |`,
  );
  return [
    START,
    'Last long run (`npm run fuzz`):',
    '',
    '| date | dialect | seed | runs | failures | duration |',
    '|---|---|---|---|---|---|',
    ...rows,
    END,
  ].join('\n');
}

export function recordResult(file: string, run: RunResult): void {
  const block = renderResult(run);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Reliability\n';
  const start = text.indexOf(HEADING);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${HEADING}\n\n${block}\n`);
    return;
  }
  const after = text.indexOf('\n## ', start + HEADING.length);
  const end = after < 0 ? text.length : after + 1;
  const section = text.slice(start, end);
  const [from, to] = [section.indexOf(START), section.indexOf(END)];
  const updated =
    from >= 0 && to > from
      ? section.slice(0, from) + block + section.slice(to + END.length)
      : `${section.trimEnd()}\n\n${block}\n${after < 0 ? '' : '\n'}`;
  writeFileSync(file, text.slice(0, start) + updated + text.slice(end));
}

/** The repository root: the nearest folder above `from` with schemaplan's package.json. */
export function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'schemaplan') return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find the repository root (package.json of schemaplan)');
  }
}

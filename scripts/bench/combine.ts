/**
 * `node combine.js --out FILE --group LABEL a.json,b.json [--group LABEL c.json ...]`: one BENCHMARKS.md from the
 * results.json of several bench runs (e.g. PostgreSQL at 250 to 2,000 with TypeORM's log(), SQLite at 1,000, 5,000
 * entities without peers; then the same on TypeORM 0.3). The first group is the report; each further group adds its
 * targets and tables under its own heading. Within a group, a later file's dialect and size replace an earlier's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SizeResult } from './measure-size';
import { renderReport, type Machine } from './report';

interface SavedRun {
  readonly machine: Machine;
  readonly command: string;
  readonly runs: number;
  readonly results: readonly SizeResult[];
}

function parse(argv: readonly string[]): { out: string; groups: { label: string; files: string[] }[] } {
  let out: string | undefined;
  const groups: { label: string; files: string[] }[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--group') groups.push({ label: argv[++i]!, files: argv[++i]!.split(',') });
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!out || groups.length === 0)
    throw new Error('usage: combine.js --out FILE --group LABEL a.json,b.json [--group ...]');
  return { out, groups };
}

function render(files: readonly string[], analysis: string): string {
  const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as SavedRun);
  const byKey = new Map<string, SizeResult>();
  for (const run of runs) for (const result of run.results) byKey.set(`${result.dialect}:${result.size}`, result);
  const results = [...byKey.values()].sort((a, b) => a.dialect.localeCompare(b.dialect) || a.size - b.size);
  const note = [
    'Combined from these runs (each figure is the median of the runs of its run; every run is a fresh process):',
    ...runs.map(
      (run) =>
        `- ${run.results.map((r) => `${r.dialect} ${r.size}`).join(', ')}: \`${run.command}\` on ${run.machine.date}, ` +
        `load average at start ${run.machine.load}, median of ${run.runs}`,
    ),
  ].join('\n');
  const last = runs[runs.length - 1]!;
  return renderReport(
    {
      machine: last.machine,
      runs: Math.min(...runs.map((r) => r.runs)),
      peers: runs.some((r) => r.results.some((x) => x.scenarios.some((s) => s.typeorm))),
      command: 'scripts/bench/combine.ts',
      results,
      note,
    },
    analysis,
  );
}

function main(): void {
  const { out, groups } = parse(process.argv.slice(2));
  const analysis = readFileSync(
    path.join(__dirname, '..', '..', '..', 'scripts', 'bench', 'where-the-time-goes.md'),
    'utf8',
  );
  let report = render(groups[0]!.files, analysis);
  const extra: string[] = [];
  for (const group of groups.slice(1)) {
    const text = render(group.files, analysis);
    const body = text.slice(text.indexOf('## Targets'), text.indexOf('## Where the time goes'));
    const note = text.slice(
      text.indexOf('Combined from these runs'),
      text.indexOf('\n\n', text.indexOf('Combined from these runs')),
    );
    extra.push(`## ${group.label}`, '', note, '', body.replace(/^(#{2,3}) /gm, '#$1 ').trim(), '');
  }
  if (extra.length > 0) {
    const at = report.indexOf('## Where the time goes');
    report = `${report.slice(0, at)}${extra.join('\n')}\n${report.slice(at)}`;
  }
  writeFileSync(out, report);
}

main();

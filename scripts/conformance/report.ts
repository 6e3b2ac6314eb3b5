/**
 * CONFORMANCE.md: per suite and per area (group), passed / failed / skipped and the pass rate over the cases that
 * ran; then every failure with its reason and every skipped case with the kinds it needs; then the status of every
 * case, which `--check` reads back as the baseline. Deterministic for the same results (sorted by case id), apart
 * from the date and versions in the header.
 */
import type { Stage, Status } from './run-case';
import type { CaseResult } from './runner';

export interface ReportContext {
  readonly date: string;
  readonly postgresVersion?: string;
  readonly sqliteVersion?: string;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const count = (results: readonly CaseResult[]): Counts => ({
  passed: results.filter((r) => r.outcome.status === 'passed').length,
  failed: results.filter((r) => r.outcome.status === 'failed').length,
  skipped: results.filter((r) => r.outcome.status === 'skipped').length,
});

export function passRate({ passed, failed }: Counts): string {
  const ran = passed + failed;
  return ran === 0 ? '-' : `${((100 * passed) / ran).toFixed(1)}%`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/`/g, "'");
const caseInSuite = (r: CaseResult) => r.case.id.slice(r.case.suite.length + 1);

const STAGES: readonly Stage[] = [
  'load',
  'plan',
  'empty plan expected',
  'apply',
  'not converged',
  'model differs',
  'catalog differs',
  'timeout',
  'error',
];

export function renderReport(results: readonly CaseResult[], context: ReportContext): string {
  const sorted = [...results].sort((a, b) => (a.case.id < b.case.id ? -1 : a.case.id > b.case.id ? 1 : 0));
  const versions = [
    context.postgresVersion && `PostgreSQL ${context.postgresVersion}`,
    context.sqliteVersion && `SQLite ${context.sqliteVersion}`,
  ].filter(Boolean);
  const out: string[] = [
    '# Conformance',
    '',
    `Produced by \`npm run conformance\` on ${context.date}${versions.length ? ` with ${versions.join(' and ')}` : ''}, from the public`,
    'suites vendored in `conformance/suites` (see its README). A case passes when the plan from `from.sql` to `to.sql`',
    'applies, the migrated database then introspects equal to a database loaded from `to.sql` (column order aside),',
    're-planning is empty, and the engine\'s own catalog of both databases agrees (read without schemaplan\'s',
    'introspector: constraint and index settings such as NOT VALID, key order, operator classes and their options,',
    'collations, INCLUDE, storage parameters and tablespaces, identity sequence options, column types and storage,',
    'view definitions and options, persistence, replica identity, comments of every object, STRICT, WITHOUT ROWID).',
    'Rename-or-drop questions are answered "drop and create". Skipped cases use object kinds schemaplan does not',
    'manage (see "What is managed" in the README); the pass rate counts only the cases that ran. How to run: README,',
    '"Conformance".',
    '',
    '| suite | dialect | cases | passed | failed | skipped | pass rate |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const suites = groupBy(sorted, (r) => r.case.suite);
  for (const [suite, items] of suites) {
    const c = count(items);
    out.push(row([suite, items[0]!.case.dialect, items.length, c.passed, c.failed, c.skipped, passRate(c)]));
  }
  for (const [suite, items] of suites) {
    out.push('', `## ${suite}`, '', '| area | cases | passed | failed | skipped | pass rate |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [group, inGroup] of groupBy(items, (r) => r.case.group)) {
      const c = count(inGroup);
      out.push(row([group, inGroup.length, c.passed, c.failed, c.skipped, passRate(c)]));
    }
    const failures = items.filter((r) => r.outcome.status === 'failed');
    if (failures.length > 0) {
      const stages = STAGES.map((stage) => [stage, failures.filter((r) => r.outcome.stage === stage).length] as const).filter(
        ([, n]) => n > 0,
      );
      out.push('', `### Failures (${failures.length}: ${stages.map(([stage, n]) => `${stage} ${n}`).join(', ')})`, '');
      for (const r of failures) out.push(`- \`${caseInSuite(r)}\` — ${r.outcome.stage}: ${escapeCell(r.outcome.reason ?? '')}`);
    }
    const remarks = items.filter((r) => r.outcome.status === 'passed' && r.outcome.reason);
    if (remarks.length > 0) {
      out.push('', `### Passed with a remark (${remarks.length})`, '');
      for (const r of remarks) out.push(`- \`${caseInSuite(r)}\` — ${escapeCell(r.outcome.reason!)}`);
    }
    const skips = items.filter((r) => r.outcome.status === 'skipped');
    if (skips.length > 0) {
      out.push('', `### Skipped as out of scope (${skips.length})`, '');
      for (const r of skips) out.push(`- \`${caseInSuite(r)}\` — ${escapeCell(r.outcome.reason ?? '')}`);
    }
  }
  out.push('', '## Every case', '', '`npm run conformance -- --check` fails when a case listed as passed here no longer passes.', '');
  out.push('<details><summary>status of each case</summary>', '');
  for (const r of sorted) out.push(`- ${r.outcome.status} \`${r.case.id}\``);
  out.push('', '</details>', '');
  return out.join('\n');
}

/** The status of every case listed in a report's "Every case" section. */
export function parseStatuses(report: string): Map<string, Status> {
  const statuses = new Map<string, Status>();
  for (const match of report.matchAll(/^- (passed|failed|skipped) `([^`]+)`$/gm)) {
    statuses.set(match[2]!, match[1] as Status);
  }
  return statuses;
}

/** Cases the baseline lists as passed that now fail or are skipped (cases no longer present are not counted). */
export function regressions(baseline: ReadonlyMap<string, Status>, results: readonly CaseResult[]): CaseResult[] {
  return results
    .filter((r) => baseline.get(r.case.id) === 'passed' && r.outcome.status !== 'passed')
    .sort((a, b) => (a.case.id < b.case.id ? -1 : 1));
}

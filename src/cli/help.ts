/**
 * What `--help` says besides the options: examples per command, and the exit codes each command can end with (the
 * contract in exit-codes.ts and the README's "Exit codes"), so a CI script can be written from the help alone.
 */
import { EXIT } from './exit-codes';

export type CommandName = 'plan' | 'apply' | 'diff' | 'inspect' | 'generate' | 'check';

/** Commands in the order the help lists them. */
export const COMMAND_NAMES: readonly CommandName[] = ['plan', 'apply', 'diff', 'inspect', 'generate', 'check'];

/** `[command, what it does]`; `$0` is the program's name. */
export const EXAMPLES: Record<CommandName, readonly (readonly [string, string])[]> = {
  plan: [
    ['$0 plan', 'the plan for the entities against $DATABASE_URL (or .env, the config file, the data source)'],
    ['$0 plan --url postgres://app@localhost/app --diff', 'also the diff of the whole schema DDL, current vs desired'],
    ['$0 plan --exit-code --format markdown > plan.md', 'CI: a PR comment; exit 2 when changes are pending'],
    ['$0 plan --out plan.json', 'write the plan for review; `schema apply --plan plan.json` applies exactly it'],
    ['$0 plan -m "add deck level"', 'also write it as a TypeORM migration and a SQL script'],
  ],
  apply: [
    ['$0 apply', 'show the plan, ask, apply it in one transaction, verify'],
    ['$0 apply --dry-run', 'show the plan and what apply would refuse; change nothing'],
    ['$0 apply --yes --allow-hazards DATA_LOSS', 'without asking (CI), allowing the drops the plan shows'],
    ['$0 apply --plan plan.json --yes', 'apply exactly the reviewed plan, or nothing'],
  ],
  diff: [
    ['$0 diff --from $PROD_URL --to $STAGING_URL', "what turns production's schema into staging's"],
    [
      "$0 diff --from generated/model.json --to 'entities:schema/**/*.ts' --dialect postgres",
      "a PR's entity changes, no database",
    ],
    ['$0 diff --from $DATABASE_URL --to schema.sql', 'a hand-written schema against a database'],
    ['$0 diff --from old.sql --to new.sql --dialect postgres', 'two schema files (evaluated in a sandbox)'],
  ],
  inspect: [
    ['$0 inspect --url sqlite:./dev.sqlite', "a summary of a database's schema"],
    ["$0 inspect --entities 'schema/**/*.ts' --dialect postgres --format sql", 'the DDL the entities compile to'],
    ['$0 inspect --url $DATABASE_URL --format typeorm --out src/entities', 'entity files for an existing database'],
  ],
  generate: [['$0 generate', 'rewrite generated/ after changing entities (commit it with them)']],
  check: [['$0 check', 'CI: exit 2 when generated/ is stale (no database needed)']],
};

/** One row of an exit-code table. */
type Row = readonly [code: string, meaning: string];

const OK: Row = [`${EXIT.ok}`, 'success'];
const ERROR: Row = [`${EXIT.error}`, 'an error: one "error:" line on stderr, usually with a "hint:"'];
const CANCELLED: Row = [
  `${EXIT.interrupted}`,
  `cancelled by Ctrl-C (${EXIT.terminated}: by SIGTERM); nothing more is run`,
];
const GAVE_UP: Row = [
  `${EXIT.gaveUp}`,
  'gave up waiting (a lock past --lock-timeout, a statement past --statement-timeout); nothing was applied',
];
const QUESTION: Row = [
  `${EXIT.decisions}`,
  'a question only you can answer is open (renamed or dropped?); nothing was applied',
];

/** The exit codes of each command, and of the CLI as a whole (`all`). */
const EXIT_CODES: Record<CommandName | 'all', readonly Row[]> = {
  all: [
    [`${EXIT.ok}`, 'success; with plan/diff --exit-code: no changes'],
    [ERROR[0], `${ERROR[1]}; apply refused (hazards, failing rows) or not confirmed; nothing was applied`],
    [`${EXIT.changes}`, 'plan/diff --exit-code: changes pending; check: generated/ is stale'],
    QUESTION,
    GAVE_UP,
    CANCELLED,
  ],
  plan: [
    [`${EXIT.ok}`, 'a plan was made (with --exit-code: no changes)'],
    ERROR,
    [`${EXIT.changes}`, 'with --exit-code: changes are pending'],
    [QUESTION[0], 'a question only you can answer is open (renamed or dropped?)'],
    [GAVE_UP[0], 'gave up waiting for a lock past --lock-timeout while reading the database'],
    CANCELLED,
  ],
  apply: [
    [`${EXIT.ok}`, 'applied and verified (or nothing to do, or --dry-run)'],
    [
      ERROR[0],
      `${ERROR[1]}; or apply refused the plan (hazards not allowed, rows that make it fail), or you answered no; nothing was applied unless it says so`,
    ],
    QUESTION,
    GAVE_UP,
    [
      CANCELLED[0],
      `cancelled by Ctrl-C (${EXIT.terminated}: by SIGTERM): the running statement is rolled back; one line says what stays applied`,
    ],
  ],
  diff: [
    [`${EXIT.ok}`, 'a plan was made (with --exit-code: the sides do not differ)'],
    ERROR,
    [`${EXIT.changes}`, 'with --exit-code: the sides differ'],
    [QUESTION[0], 'a question only you can answer is open (renamed or dropped?)'],
    CANCELLED,
  ],
  inspect: [OK, ERROR, CANCELLED],
  generate: [OK, ERROR],
  check: [
    [`${EXIT.ok}`, 'generated/ is in line with the entities'],
    ERROR,
    [`${EXIT.changes}`, 'generated/ is stale or missing a file'],
  ],
};

/** `text` in lines of at most `width` characters, at word boundaries; the lines after the first indented by `indent`. */
function wrapHanging(text: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const room = width - (lines.length === 0 ? 0 : indent);
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`));
}

/**
 * The epilogue of `schema --help` (`all`) or `schema <command> --help`: its exit codes, laid out for `width` columns
 * (yargs would wrap longer lines without their indentation).
 */
export function exitCodesHelp(command: CommandName | 'all', width = 110): string {
  const rows = EXIT_CODES[command];
  const codeWidth = Math.max(...rows.map(([code]) => code.length));
  // yargs prints an epilogue's lines without their leading spaces: the codes start the lines.
  const indent = codeWidth + 2;
  const lines = rows.flatMap(([code, meaning]) =>
    wrapHanging(`${code.padEnd(codeWidth)}  ${meaning}`, width - 2, indent),
  );
  const more = command === 'all' ? 'Run `schema <command> --help` for its options, examples and exit codes.\n\n' : '';
  return `${more}Exit codes:\n${lines.join('\n')}`;
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What differs per dialect is a method or capability of the dialect (src/dialects/dialect.ts), so a new dialect
 * touches only its own folder and the registry. This counts the tests of a dialect's name (`=== 'postgres'`,
 * `'sqlite' !==`, `case 'postgres':`, TypeORM's driver types alike) outside src/dialects/.
 */
const ROOT = path.resolve(__dirname, '..');
const EXEMPT = ['src/dialects/'];

const NAMES = 'postgres|postgresql|pg|sqlite|sqlite3|better-sqlite3|sqljs|mysql|mariadb|mssql|oracle|cockroachdb';
const QUOTED = `(?:'(?:${NAMES})'|"(?:${NAMES})"|\`(?:${NAMES})\`)`;
const CHECK = new RegExp(`[!=]==?\\s*${QUOTED}|${QUOTED}\\s*[!=]==?|\\bcase\\s+${QUOTED}\\s*:`, 'g');

/** Comments are blanked (keeping line breaks), so only code counts. */
const withoutComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));

function dialectNameChecks(file: string, text: string): string[] {
  const code = withoutComments(text);
  return [...code.matchAll(CHECK)].map((match) => {
    const line = code.slice(0, match.index).split('\n').length;
    return `${file}:${line}: ${text.split('\n')[line - 1]!.trim()}`;
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('no test of a dialect name outside src/dialects/', () => {
  test('src/ outside src/dialects/ has 0 dialect-name checks', () => {
    const files = sourceFiles('src').filter((file) => !EXEMPT.some((exempt) => `${file}`.startsWith(exempt)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => dialectNameChecks(file, readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
  });

  test('the scan finds each spelling of a check, and not a name in a comment or a plain value', () => {
    const text = [
      "if (dialect === 'postgres') a();",
      'const b = "sqlite" !== model.dialect;',
      'switch (type) {',
      "  case 'better-sqlite3': break;",
      '}',
      'const c = options.type == `mysql` ? 1 : 2;',
      "// if (dialect === 'postgres') in a comment",
      "const names: DialectName[] = ['postgres', 'sqlite'];",
      "const d = { dialect: 'sqlite' };",
    ].join('\n');
    expect(dialectNameChecks('x.ts', text)).toEqual([
      "x.ts:1: if (dialect === 'postgres') a();",
      'x.ts:2: const b = "sqlite" !== model.dialect;',
      "x.ts:4: case 'better-sqlite3': break;",
      'x.ts:6: const c = options.type == `mysql` ? 1 : 2;',
    ]);
  });
});

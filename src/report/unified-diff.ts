import { createTwoFilesPatch } from 'diff';
import type { Paint } from './colors';

/** A line without its end of line and its trailing comma, for `ignoreTrailingComma`. */
const withoutComma = (line: string): string => line.replace(/\r?\n$/, '').replace(/,$/, '');

/**
 * A unified diff of two texts (`--- before`, `+++ after`, hunks with 3 lines of context), coloured the usual way:
 * removals red, additions green, hunk headers cyan. Empty when the texts are equal. `ignoreTrailingComma`: lines that
 * differ only by a trailing comma are the same (a list item that became the last, or stopped being it: a column
 * added at the end of a CREATE TABLE is one added line, not two changed ones).
 */
export function renderUnifiedDiff(
  before: string,
  after: string,
  names: { before: string; after: string },
  p: Paint,
  options: { readonly ignoreTrailingComma?: boolean } = {},
): string {
  if (before === after) return '';
  const comparator = options.ignoreTrailingComma
    ? (left: string, right: string) => withoutComma(left) === withoutComma(right)
    : undefined;
  const patch = createTwoFilesPatch(names.before, names.after, before, after, '', '', {
    context: 3,
    ...(comparator ? { comparator } : {}),
  });
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('====='))
    .map((line) => {
      const text = line.trimEnd();
      if (text.startsWith('---') || text.startsWith('+++')) return p.bold(text);
      if (text.startsWith('@@')) return p.cyan(text);
      if (text.startsWith('+')) return p.green(text);
      if (text.startsWith('-')) return p.red(text);
      return text;
    })
    .join('\n');
}

import { createTwoFilesPatch } from 'diff';
import type { Paint } from './colors';

/**
 * A unified diff of two texts (`--- before`, `+++ after`, hunks with 3 lines of context), coloured the usual way:
 * removals red, additions green, hunk headers cyan. Empty when the texts are equal.
 */
export function renderUnifiedDiff(before: string, after: string, names: { before: string; after: string }, p: Paint): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(names.before, names.after, before, after, '', '', { context: 3 });
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

import type { Decision } from '../plan/types';
import type { Paint } from './colors';

/** `{ "from": "users", "to": "members" }`, as it goes into a renames file; `rename: false` for a no. */
export function renamesEntry(decision: Decision, rename: boolean): string {
  const fields = Object.entries(decision.entry.value).map(
    ([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  if (!rename) fields.push('"rename": false');
  return `{ ${fields.join(', ')} }`;
}

/** Each open question with the exact declarations that answer it, yes or no (entries to add to the renames file). */
export function renderDecisions(decisions: readonly Decision[], renamesFile: string, p: Paint): string[] {
  if (decisions.length === 0) return [];
  const lines = [
    '',
    p.yellow(
      `${decisions.length} open question${decisions.length === 1 ? '' : 's'}: the plan leaves out the drops and adds ` +
        `${decisions.length === 1 ? 'it is' : 'they are'} about, and cannot be applied until answered.`,
    ),
  ];
  for (const decision of decisions) {
    // Entries to add to a section, never a section to write: the file may hold others.
    const where = `to ${JSON.stringify(decision.entry.section)} in ${renamesFile}`;
    lines.push(
      '',
      p.bold(`? ${decision.question}`),
      `  yes: add ${renamesEntry(decision, true)} ${where}`,
      ...(decision.decorator ? [`       or ${decision.decorator}`] : []),
      `  no:  add ${renamesEntry(decision, false)} ${where}`,
    );
  }
  return lines;
}

/** `{ "table": "users", "from": "name", "to": "full_name" }`: one entry of a renames file on one line. */
function entryLine(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return JSON.stringify(entry);
  return `{ ${Object.entries(entry)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(', ')} }`;
}

/** The fields that name what an entry is about (all but `rename`), to tell an answer the file already holds. */
const entryKey = (entry: unknown): string =>
  typeof entry === 'object' && entry !== null
    ? JSON.stringify(
        Object.entries(entry)
          .filter(([key]) => key !== 'rename')
          .sort(),
      )
    : JSON.stringify(entry);

/**
 * The renames file that keeps the given answers: `existing` (the file's parsed content, when it exists) with the
 * answers added to their sections, everything it holds kept in its order (other keys, such as `$schema`, too), so
 * that it can replace the file without losing anything. One entry per line.
 */
export function renamesFileFor(
  answers: readonly { readonly decision: Decision; readonly rename: boolean }[],
  existing: Readonly<Record<string, unknown>> = {},
): string {
  const document = new Map<string, unknown>(Object.entries(existing));
  for (const { decision, rename } of answers) {
    const section = decision.entry.section;
    const list = Array.isArray(document.get(section)) ? [...(document.get(section) as unknown[])] : [];
    const entry = rename ? { ...decision.entry.value } : { ...decision.entry.value, rename: false };
    if (!list.some((held) => entryKey(held) === entryKey(entry))) list.push(entry);
    document.set(section, list);
  }
  const body = [...document.entries()].map(([key, value]) =>
    Array.isArray(value)
      ? `  ${JSON.stringify(key)}: [${value.length === 0 ? '' : `\n    ${value.map(entryLine).join(',\n    ')}\n  `}]`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{\n${body.join(',\n')}\n}\n`;
}

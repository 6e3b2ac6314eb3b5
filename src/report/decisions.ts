import type { Decision } from '../plan/types';
import type { Paint } from './colors';

/** `{ "from": "users", "to": "members" }`, as it goes into a renames file; `rename: false` for a no. */
export function renamesEntry(decision: Decision, rename: boolean): string {
  const fields = Object.entries(decision.entry.value).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  if (!rename) fields.push('"rename": false');
  return `{ ${fields.join(', ')} }`;
}

/** Each open question with the exact declarations that answer it, yes or no. */
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
    const section = JSON.stringify(decision.entry.section);
    lines.push(
      '',
      p.bold(`? ${decision.question}`),
      `  yes: in ${renamesFile}, ${section}: [${renamesEntry(decision, true)}]`,
      ...(decision.decorator ? [`       or ${decision.decorator}`] : []),
      `  no:  in ${renamesFile}, ${section}: [${renamesEntry(decision, false)}]`,
    );
  }
  return lines;
}

/** A renames file holding the given answers, for the user to keep. */
export function renamesFileFor(answers: readonly { readonly decision: Decision; readonly rename: boolean }[]): string {
  const sections = new Map<string, string[]>();
  for (const { decision, rename } of answers) {
    const list = sections.get(decision.entry.section) ?? [];
    list.push(renamesEntry(decision, rename));
    sections.set(decision.entry.section, list);
  }
  const body = [...sections.entries()].map(([section, entries]) => `  ${JSON.stringify(section)}: [\n    ${entries.join(',\n    ')}\n  ]`);
  return `{\n${body.join(',\n')}\n}\n`;
}

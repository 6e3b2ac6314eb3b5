/**
 * PostgreSQL array literals (`'{a,"x,y"}'`), written and read element by element the way `array_out` / `array_in`
 * do, so that an array default built from values is one well-formed literal, spelled as the catalog prints it back.
 */

/** An element of an array value: text (numbers and booleans as `String` gives them), NULL, or a nested array. */
export type ArrayElement = string | number | boolean | null | readonly ArrayElement[];

/**
 * An element needs double quotes when it is empty, is `NULL` in any case, or holds a brace, a comma, a double quote,
 * a backslash or white space (array_out's test); inside them `"` and `\` are backslash-escaped.
 */
function element(value: ArrayElement): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return arrayLiteral(value);
  const text = String(value);
  if (text === '' || /^null$/i.test(text) || /[{}",\\ \t\n\r\v\f]/.test(text))
    return `"${text.replace(/["\\]/g, '\\$&')}"`;
  return text;
}

/** `['a', 'x,y', null]` -> `{a,"x,y",NULL}` (the array text; quote it as a SQL literal to use it). */
export function arrayLiteral(values: readonly ArrayElement[]): string {
  return `{${values.map(element).join(',')}}`;
}

/**
 * The elements of a one-dimensional array text (`{a,"x,y",NULL}` -> `['a', 'x,y', null]`), or undefined when the
 * text is not one (nested, or malformed).
 */
export function arrayElements(text: string): (string | null)[] | undefined {
  const body = /^\{(.*)\}$/s.exec(text.trim())?.[1];
  if (body === undefined) return undefined;
  if (body.trim() === '') return [];
  const values: (string | null)[] = [];
  let i = 0;
  for (;;) {
    while (/[ \t\n\r\v\f]/.test(body[i] ?? '')) i++;
    let value = '';
    let quoted = false;
    if (body[i] === '"') {
      quoted = true;
      for (i++; ; i++) {
        if (i >= body.length) return undefined;
        if (body[i] === '\\') value += body[++i] ?? '';
        else if (body[i] === '"') break;
        else value += body[i];
      }
      i++;
      while (/[ \t\n\r\v\f]/.test(body[i] ?? '')) i++;
    } else {
      while (i < body.length && body[i] !== ',') {
        if (body[i] === '{' || body[i] === '}' || body[i] === '"') return undefined;
        if (body[i] === '\\') i++;
        value += body[i++] ?? '';
      }
      value = value.replace(/[ \t\n\r\v\f]+$/, '');
    }
    values.push(!quoted && /^null$/i.test(value) ? null : value);
    if (i >= body.length) return values;
    if (body[i] !== ',') return undefined;
    i++;
  }
}

/**
 * Decorator calls as data, printed on one line when they fit and with one option per line when they do not.
 */
import { objectLiteral, tsKey, type Code } from './literals';

export interface ObjectArg {
  readonly entries: readonly (readonly [string, Code | undefined])[];
}

export type DecoratorArg = Code | ObjectArg;

export interface DecoratorCall {
  readonly name: string;
  readonly args: readonly DecoratorArg[];
}

const MAX_WIDTH = 120;

const present = (arg: ObjectArg) =>
  arg.entries.filter((entry): entry is readonly [string, Code] => entry[1] !== undefined);
const isObject = (arg: DecoratorArg): arg is ObjectArg => typeof arg !== 'string';

export function decorator(name: string, ...args: DecoratorArg[]): DecoratorCall {
  // An empty options object says nothing: left out when it is the last argument.
  const trimmed = [...args];
  while (
    trimmed.length > 0 &&
    isObject(trimmed[trimmed.length - 1]!) &&
    present(trimmed[trimmed.length - 1] as ObjectArg).length === 0
  ) {
    trimmed.pop();
  }
  return { name, args: trimmed };
}

function argOnOneLine(arg: DecoratorArg): Code {
  return isObject(arg) ? objectLiteral(arg.entries) : arg;
}

/**
 * `@Column({ name: 'id' })`, or, when that is too long, the last argument (an options object) spread over one line
 * per option: `@Index('name', ['a'], {` ... `})`.
 */
export function renderDecorator(call: DecoratorCall, indent: string): string {
  const oneLine = `${indent}@${call.name}(${call.args.map(argOnOneLine).join(', ')})`;
  const last = call.args[call.args.length - 1];
  if ((oneLine.length <= MAX_WIDTH && !oneLine.includes('\n')) || last === undefined || !isObject(last)) return oneLine;
  const leading = call.args.slice(0, -1).map(argOnOneLine);
  const entries = present(last).map(([key, code]) => `${indent}  ${tsKey(key)}: ${code},`);
  return `${indent}@${call.name}(${[...leading, `{\n${entries.join('\n')}\n${indent}}`].join(', ')})`;
}

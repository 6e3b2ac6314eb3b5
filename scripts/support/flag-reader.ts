/**
 * Reads a script's command line (`--flag`, `--flag value`) one flag at a time, with the checks the scripts' options
 * share: a value is present, a count is a whole number, a dialect is one schemaplan has.
 */
import type { DialectName } from '../../src/model';

export class FlagReader {
  private at = -1;

  constructor(private readonly argv: readonly string[]) {}

  /** The next flag, or `undefined` after the last one. */
  next(): string | undefined {
    this.at += 1;
    return this.argv[this.at];
  }

  /** The value after `flag`. */
  value(flag: string): string {
    this.at += 1;
    const value = this.argv[this.at];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    return value;
  }

  /** The value after `flag`, a whole number of at least `min`. */
  wholeNumber(flag: string, min: 0 | 1): number {
    return wholeNumber(flag, this.value(flag), min);
  }

  /** The value after `flag`, `postgres` or `sqlite`. */
  dialect(flag: string): DialectName {
    const value = this.value(flag);
    if (value !== 'postgres' && value !== 'sqlite') throw new Error(`${flag} is postgres or sqlite, got ${value}`);
    return value;
  }
}

/** `text` as a whole number of at least `min` (`--sizes 100,500` reads each part with it). */
export function wholeNumber(flag: string, text: string, min: 0 | 1): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${flag} needs a ${min === 1 ? 'positive ' : ''}whole number, got ${text}`);
  }
  return n;
}

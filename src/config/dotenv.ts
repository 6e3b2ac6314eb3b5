import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { ConfigError } from '../errors/errors';

/** The project's `.env`, as far as it adds to the environment. */
export interface DotenvFile {
  /** The file as the user knows it (`.env`). */
  readonly file: string;
  /** Its variables that the environment does not set (the environment wins, as with dotenv): only these apply. */
  readonly values: Readonly<Record<string, string>>;
}

export const DOTENV_FILE = '.env';

/**
 * Reads `.env` in the project root `cwd` (dotenv's syntax: `KEY=value`, quotes, `export`, comments), keeping the
 * variables `env` does not already set; a variable set in `env`, even empty, wins. No file: `undefined`. Its values
 * may be secrets: nothing here prints them.
 */
export function readDotenv(cwd: string, env: Readonly<Record<string, string | undefined>>): DotenvFile | undefined {
  const absolute = path.join(cwd, DOTENV_FILE);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ConfigError(
      `${DOTENV_FILE}: cannot be read (${code ?? (error as Error).message})`,
      'Make it a readable file, or remove it.',
      {
        cause: error,
      },
    );
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parse(text))) if (env[name] === undefined) values[name] = value;
  return { file: DOTENV_FILE, values };
}

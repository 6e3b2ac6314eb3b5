import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { requireUserFile } from '../compile/load-entities';
import { ConfigError } from '../errors/errors';
import { parseConfig, type ConfigFile } from './settings';

/** Looked for at the project root, in this order; at most one may exist. */
export const CONFIG_FILES = ['schema.config.json', 'schema.config.ts', 'schema.config.js'] as const;

export interface LoadedConfig {
  /** The file as the user knows it (relative to the project root). */
  readonly file: string;
  readonly settings: ConfigFile;
}

/**
 * Reads the config file: the one `named` (by `--config` or `$SCHEMA_CONFIG`; it must exist), else the project's
 * `schema.config.json` / `.ts` / `.js` in `cwd` (absent: `undefined`). A `.ts` or `.js` file is loaded like the entity
 * files and exports the settings as its default export (or `module.exports`), possibly as a promise.
 */
export async function loadConfig(cwd: string, named?: string): Promise<LoadedConfig | undefined> {
  let absolute: string;
  if (named !== undefined) {
    absolute = path.resolve(cwd, named);
    if (!existsSync(absolute)) {
      throw new ConfigError(
        `${shown(cwd, absolute)}: no such config file`,
        'Fix the path given by --config or $SCHEMA_CONFIG, or remove it.',
      );
    }
  } else {
    const found = CONFIG_FILES.map((name) => path.join(cwd, name)).filter((file) => existsSync(file));
    if (found.length === 0) return undefined;
    if (found.length > 1) {
      throw new ConfigError(
        `${found.map((file) => shown(cwd, file)).join(' and ')} both exist`,
        'Keep one config file, or choose one with --config.',
      );
    }
    absolute = found[0]!;
  }
  const file = shown(cwd, absolute);
  return { file, settings: parseConfig(await readConfig(absolute, file, cwd), file) };
}

async function readConfig(absolute: string, file: string, cwd: string): Promise<unknown> {
  if (absolute.endsWith('.json')) {
    try {
      return JSON.parse(readFileSync(absolute, 'utf8'));
    } catch (error) {
      throw new ConfigError(`${file}: not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax.');
    }
  }
  const exports = requireUserFile(absolute, cwd, 'config file');
  const value = exports && typeof exports === 'object' && 'default' in exports ? exports.default : exports;
  return await value;
}

function shown(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute) || absolute;
}

import { ConfigError } from '../errors/errors';
import type { DialectName } from '../model';

/**
 * The settings a config file (`schema.config.json`, `.ts` or `.js` at the project root) may hold, validated.
 * Every key is optional; flags and environment variables override each one they name (see `resolveSources`).
 * Relative paths are relative to the project root (the directory `schema` runs in), as TypeORM's own are.
 */
export interface ConfigFile {
  /** The database URL (may carry a password: never printed). */
  readonly url?: string;
  /** Entity file globs. */
  readonly entities?: readonly string[];
  /** The declared renames file. */
  readonly renames?: string;
  /** PostgreSQL: build and drop indexes of existing tables CONCURRENTLY. */
  readonly concurrently?: boolean;
  /** Where `plan --migration` writes migration files, and how it names them. */
  readonly migrations?: { readonly dir?: string; readonly template?: string };
  /** Tables (names or simple globs) never read, planned or dropped, in the entities and in the database. */
  readonly exclude?: readonly string[];
  /** PostgreSQL schemas managed in addition to those the entities name. */
  readonly schemas?: readonly string[];
  /** A TypeORM DataSource file: entities, naming strategy and connection come from it. */
  readonly dataSource?: string;
  /** The dialects the project runs on: what `generate` writes and `check` compares (default: the data source's, else all). */
  readonly dialects?: readonly DialectName[];
}

export const DEFAULT_MIGRATIONS_DIR = 'generated/migrations';

/** How `schema migration` names a migration file (`--template`). */
export const DEFAULT_MIGRATION_TEMPLATE = '{timestamp}_{slug}';

/** The dialects schemaplan knows, in the order `generate` writes them. */
export const DIALECT_NAMES: readonly DialectName[] = ['postgres', 'sqlite'];

const PLACEHOLDERS = ['{timestamp}', '{slug}', '{epoch}'];

interface KeySpec {
  readonly type: string;
  readonly example: string;
  parse(value: unknown): unknown;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const texts = (value: unknown) => {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.every((item) => text(item) !== undefined) ? (list as string[]) : undefined;
};

const KEYS: Record<Exclude<keyof ConfigFile, 'migrations'>, KeySpec> = {
  url: { type: 'a non-empty string', example: '"url": "postgres://app@localhost:5432/app"', parse: text },
  entities: { type: 'a glob or a list of globs', example: '"entities": ["src/entities/**/*.ts"]', parse: texts },
  renames: { type: 'a file path', example: '"renames": "schema/renames.json"', parse: text },
  concurrently: {
    type: 'true or false',
    example: '"concurrently": true',
    parse: (value) => (typeof value === 'boolean' ? value : undefined),
  },
  exclude: {
    type: 'a table name or glob, or a list of them',
    example: '"exclude": ["legacy_*", "audit.events"]',
    parse: texts,
  },
  schemas: { type: 'a schema name or a list of them', example: '"schemas": ["app", "audit"]', parse: texts },
  dataSource: { type: 'a file path', example: '"dataSource": "src/data-source.ts"', parse: text },
  dialects: {
    type: `${DIALECT_NAMES.map((d) => `"${d}"`).join(' or ')}, or a list of them`,
    example: '"dialects": ["postgres"]',
    parse: (value) => {
      const list = texts(value);
      return list?.every((d) => (DIALECT_NAMES as readonly string[]).includes(d)) ? [...new Set(list)] : undefined;
    },
  },
};

const MIGRATION_KEYS: Record<'dir' | 'template', KeySpec> = {
  dir: { type: 'a directory path', example: '"migrations": { "dir": "src/migrations" }', parse: text },
  template: {
    type: `a file name template using ${PLACEHOLDERS.join(', ')}`,
    example: '"migrations": { "template": "{epoch}-{slug}" }',
    parse: (value) => {
      const template = text(value);
      if (template === undefined || /[/\\]/.test(template)) return undefined;
      const unknown = template.match(/\{[^}]*\}/g)?.find((p) => !PLACEHOLDERS.includes(p));
      if (unknown) return undefined;
      // Two migrations made from the same description must not share a file name.
      return template.includes('{timestamp}') || template.includes('{epoch}') ? template : undefined;
    },
  },
};

const KNOWN = [
  'url',
  'entities',
  'renames',
  'concurrently',
  'migrations',
  'exclude',
  'schemas',
  'dataSource',
  'dialects',
];

/**
 * Validates the contents of a config file strictly: an unknown key or a value of the wrong type is a one-line
 * `ConfigError` naming the file and the key, with an example as the hint. `shown` is the file as the user knows it.
 */
export function parseConfig(data: unknown, shown: string): ConfigFile {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(
      `${shown}: the configuration must be an object`,
      `e.g. { "url": "...", "entities": ["src/**/*.entity.ts"] }`,
    );
  }
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === '$schema' || value === undefined) continue;
    if (key === 'migrations') {
      result.migrations = parseMigrations(value, shown);
      continue;
    }
    const spec = KEYS[key as keyof typeof KEYS];
    if (!spec) throw unknownKey(shown, key, KNOWN);
    result[key] = checked(spec, value, shown, key);
  }
  return result as ConfigFile;
}

function parseMigrations(value: unknown, shown: string): ConfigFile['migrations'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(
      `${shown}: "migrations" must be an object`,
      'e.g. "migrations": { "dir": "generated/migrations", "template": "{timestamp}_{slug}" }',
    );
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const spec = MIGRATION_KEYS[key as keyof typeof MIGRATION_KEYS];
    if (!spec)
      throw unknownKey(
        shown,
        `migrations.${key}`,
        Object.keys(MIGRATION_KEYS).map((k) => `migrations.${k}`),
      );
    result[key] = checked(spec, item, shown, `migrations.${key}`);
  }
  return result;
}

function checked(spec: KeySpec, value: unknown, shown: string, key: string): unknown {
  const parsed = spec.parse(value);
  if (parsed === undefined) throw new ConfigError(`${shown}: "${key}" must be ${spec.type}`, `e.g. ${spec.example}`);
  return parsed;
}

function unknownKey(shown: string, key: string, known: readonly string[]): ConfigError {
  return new ConfigError(`${shown}: unknown key "${key}"`, `Known keys: ${known.join(', ')}.`);
}

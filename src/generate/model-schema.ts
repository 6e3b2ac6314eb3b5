/**
 * The JSON Schema of a model file: a `generated/model.json` document or one raw model (`inspect --format json`). A file
 * a person or a tool edited is checked against it when it is read, so a malformed one is one clear line naming the file
 * and the first problem (`tables[0].columns[1].nullable: must be boolean`), not a crash deep in the diff. Objects may
 * carry fields this version does not know (a newer schemaplan's additions); names may not contain a NUL character,
 * which no database accepts.
 */
import { SourceError } from '../errors/errors';

const name = { type: 'string', minLength: 1, pattern: '^[^\\u0000]*$' } as const;
const names = { type: 'array', items: name } as const;
const text = { type: 'string' } as const;
const action = { enum: ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'] } as const;
const qualified = { type: 'object', required: ['name'], properties: { schema: name, name } } as const;
const identity = {
  type: 'object',
  properties: { start: text, increment: text, minValue: text, maxValue: text, cache: text, cycle: { const: true } },
} as const;
const index = {
  type: 'object',
  required: ['name', 'columns', 'unique'],
  properties: {
    name,
    columns: names,
    unique: { type: 'boolean' },
    where: text,
    method: text,
    invalid: { const: true },
    keys: {
      type: 'array',
      items: {
        type: 'object',
        properties: { column: name, expression: text, desc: { const: true }, nulls: { enum: ['first', 'last'] } },
      },
    },
  },
} as const;

const MODEL_SCHEMA = {
  type: 'object',
  required: ['dialect', 'extensions', 'enums', 'tables'],
  properties: {
    dialect: { enum: ['postgres', 'sqlite'] },
    schemas: names,
    extensions: names,
    enums: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'values'],
        properties: { schema: name, name, values: { type: 'array', items: text } },
      },
    },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'columns', 'foreignKeys', 'uniques', 'checks', 'indexes'],
        properties: {
          schema: name,
          name,
          comment: text,
          strict: { const: true },
          withoutRowid: { const: true },
          columns: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'type', 'nullable'],
              properties: {
                name,
                type: { type: 'string', minLength: 1 },
                length: { type: 'integer', minimum: 0 },
                precision: { type: 'integer', minimum: 0 },
                scale: { type: 'integer' },
                array: { type: 'boolean' },
                enum: qualified,
                enumValues: { type: 'array', items: text },
                nullable: { type: 'boolean' },
                default: text,
                generated: { enum: ['increment', 'identity-always', 'identity-by-default'] },
                identity,
                computed: {
                  type: 'object',
                  required: ['expression', 'stored'],
                  properties: { expression: text, stored: { type: 'boolean' } },
                },
                comment: text,
                collation: text,
              },
            },
          },
          primaryKey: {
            type: 'object',
            required: ['columns'],
            properties: { name, columns: { ...names, minItems: 1 } },
          },
          foreignKeys: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'columns', 'referencedTable', 'referencedColumns', 'onDelete', 'onUpdate'],
              properties: {
                name,
                columns: names,
                referencedSchema: name,
                referencedTable: name,
                referencedColumns: names,
                onDelete: action,
                onUpdate: action,
                deferrable: { enum: ['INITIALLY IMMEDIATE', 'INITIALLY DEFERRED'] },
                notValid: { const: true },
              },
            },
          },
          uniques: {
            type: 'array',
            items: { type: 'object', required: ['name', 'columns'], properties: { name, columns: names } },
          },
          checks: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'expression'],
              properties: { name, expression: text, notValid: { const: true }, noInherit: { const: true } },
            },
          },
          indexes: { type: 'array', items: index },
          triggers: {
            type: 'array',
            items: { type: 'object', required: ['name', 'sql'], properties: { name, sql: text } },
          },
        },
      },
    },
    views: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'expression', 'dependsOn'],
        properties: {
          schema: name,
          name,
          expression: text,
          materialized: { type: 'boolean' },
          indexes: { type: 'array', items: index },
          dependsOn: { type: 'array', items: qualified },
        },
      },
    },
    notManaged: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'names'],
        properties: { schema: name, kind: text, names: { type: 'array', items: text } },
      },
    },
    sequences: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'type'],
        properties: {
          ...identity.properties,
          schema: name,
          name,
          type: { enum: ['smallint', 'integer', 'bigint'] },
          ownedBy: { type: 'object', required: ['table', 'column'], properties: { table: name, column: name } },
        },
      },
    },
  },
} as const;

const DOCUMENT_SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'models'],
  properties: {
    format: { const: 'schemaplan.model' },
    version: { const: 1 },
    models: {
      type: 'object',
      properties: { postgres: MODEL_SCHEMA, sqlite: MODEL_SCHEMA },
      additionalProperties: false,
    },
  },
} as const;

/** JSON Schemas of both shapes, for tools and docs (`schema check` and `diff` validate with them). */
export const MODEL_JSON_SCHEMAS = { model: MODEL_SCHEMA, document: DOCUMENT_SCHEMA } as const;

type Validate = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> }[] | null;
};
const validators = new Map<string, Validate>();

/** Ajv, compiled once per shape, on the first model file read (plan never pays for it). */
function validator(shape: 'model' | 'document'): Validate {
  let validate = validators.get(shape);
  if (!validate) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: only a model file read pays for Ajv
    const Ajv = (require('ajv') as { default: new (options: object) => { compile(schema: object): Validate } }).default;
    validate = new Ajv({ allErrors: false, strict: false }).compile(MODEL_JSON_SCHEMAS[shape]);
    validators.set(shape, validate);
  }
  return validate;
}

/** `/tables/0/columns/1/nullable` -> `tables[0].columns[1].nullable`. */
function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** Throws `SourceError` naming `file` and the first place `data` does not fit `shape`. */
export function validateModelJson(data: unknown, shape: 'model' | 'document', file: string): void {
  const validate = validator(shape);
  if (validate(data)) return;
  const first = validate.errors?.[0];
  const where = jsonPath(first?.instancePath ?? '') || 'the file';
  const extra = first?.params?.allowedValues
    ? ` (${(first.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`
    : '';
  const problem =
    first?.keyword === 'pattern' ? 'must not contain a NUL character' : `${first?.message ?? 'is not valid'}${extra}`;
  const shown = `${where}: ${problem}`;
  throw new SourceError(
    `${file}: not a valid schemaplan ${shape === 'model' ? 'model' : 'model document'}: ${shown.length > 150 ? `${shown.slice(0, 149)}…` : shown}`,
    shape === 'model' ? 'Write it with `schema inspect --format json`.' : 'Regenerate it with `schema generate`.',
  );
}

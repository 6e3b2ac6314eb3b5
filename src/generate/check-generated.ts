import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dialectFor } from '../dialects/registry';
import { SourceError } from '../errors/errors';
import type { DialectName } from '../model';
import { createPlan } from '../plan/plan';
import { generate, MODEL_FILE, type GenerateOptions } from './generated-files';
import { modelOf, parseModelDocument } from './model-document';

export interface GeneratedFileStatus {
  /** Relative to the project root, e.g. `generated/model.json`. */
  readonly file: string;
  readonly status: 'fresh' | 'missing' | 'stale';
  readonly committed?: string;
  readonly expected: string;
  /** For a stale `model.json`: per dialect, what changed from the committed model to the entities' model. */
  readonly modelChanges?: readonly { readonly dialect: DialectName; readonly summary: string }[];
  /** For a `model.json` that cannot be read as a model. */
  readonly problem?: string;
}

/**
 * Compares `generated/` with what the entities compile to, without any database: the drift gate for CI
 * (`schema check`). Reads files, writes nothing.
 */
export async function checkGenerated(
  entities: readonly string[],
  cwd: string,
  options: GenerateOptions = {},
): Promise<GeneratedFileStatus[]> {
  const generated = await generate(entities, cwd, options);
  const result: GeneratedFileStatus[] = [];
  for (const [file, expected] of [...generated.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const committed = await readFile(path.join(cwd, file), 'utf8').catch(() => undefined);
    if (committed === undefined) {
      result.push({ file, status: 'missing', expected });
      continue;
    }
    if (committed === expected) {
      result.push({ file, status: 'fresh', committed, expected });
      continue;
    }
    if (file !== MODEL_FILE) {
      result.push({ file, status: 'stale', committed, expected });
      continue;
    }
    try {
      const document = parseModelDocument(committed, file);
      const modelChanges = (Object.keys(generated.document.models) as DialectName[]).map((dialect) => {
        const to = modelOf(generated.document, dialect, file);
        const from = document.models[dialect];
        if (!from) return { dialect, summary: `no ${dialect} model committed` };
        return { dialect, summary: createPlan({ from, to, dialect: dialectFor(dialect) }).summary.text };
      });
      result.push({ file, status: 'stale', committed, expected, modelChanges });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      result.push({ file, status: 'stale', committed, expected, problem: error.message });
    }
  }
  return result;
}

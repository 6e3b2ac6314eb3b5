import type { DialectName, Model, ModelDocument } from '../model';
import { SourceError } from '../errors/errors';
import { validateModelJson } from './model-schema';

/**
 * Reads a `generated/model.json` document (`format: "schemaplan.model"`, `version: 1`). Only the envelope is
 * checked here; each model is normalised by its dialect before it is compared.
 */
export function parseModelDocument(text: string, file: string): ModelDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SourceError(
      `${file}: not valid JSON: ${(error as Error).message}`,
      'Regenerate it with `schema generate`.',
    );
  }
  const document = data as Partial<ModelDocument> | null;
  if (typeof document !== 'object' || document === null || document.format !== 'schemaplan.model') {
    throw new SourceError(
      `${file}: not a schemaplan model (no "format": "schemaplan.model")`,
      'Regenerate it with `schema generate`.',
    );
  }
  if (document.version !== 1) {
    throw new SourceError(
      `${file}: model format version ${String(document.version)} is not supported (this schemaplan reads version 1)`,
      'Regenerate it with `schema generate`, or use the schemaplan version that wrote it.',
    );
  }
  validateModelJson(data, 'document', file);
  return document as ModelDocument;
}

export function modelOf(document: ModelDocument, dialect: DialectName, file: string): Model {
  const model = document.models[dialect];
  if (!model) throw new SourceError(`${file} has no ${dialect} model`, 'Regenerate it with `schema generate`.');
  return model;
}

import type { DialectName, Model } from './types';

export function emptyModel(dialect: DialectName): Model {
  return { dialect, extensions: [], enums: [], tables: [] };
}

/**
 * The TypeORM lines schemaplan compiles with: 0.3.x from 0.3.17 (most apps in the wild) and 1.x (since May 2026).
 * Keep in step with `peerDependencies.typeorm` in package.json.
 */
export const SUPPORTED_RANGE = '>=0.3.17 <2';

export type TypeormLine = '0.3' | '1';

/** The line of a TypeORM version, or `undefined` when it is outside `SUPPORTED_RANGE`. */
export function lineOf(version: string): TypeormLine | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return undefined;
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  if (major === 0 && minor === 3 && patch >= 17) return '0.3';
  if (major === 1) return '1';
  return undefined;
}

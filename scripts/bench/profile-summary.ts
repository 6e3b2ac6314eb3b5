/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time goes: self time summed by area (TypeScript,
 * TypeORM, the pg driver, each folder of schemaplan, Node's module loader, garbage collection, idle waiting on the
 * database), and the functions with the most self time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Area -> self milliseconds, largest first. */
  readonly areas: readonly { readonly area: string; readonly ms: number }[];
  readonly functions: readonly { readonly name: string; readonly where: string; readonly ms: number }[];
}

/** Which part of the process a frame belongs to. */
export function areaOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle (waiting on the database / I/O)';
  if (functionName === '(program)' || functionName === '(root)') return 'V8/native (program)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (packageMatch) {
    const name = packageMatch[1]!;
    if (name === 'typescript') return 'typescript (transpiling entity files)';
    if (name === 'typeorm') return 'typeorm (entity metadata)';
    if (name.startsWith('pg')) return 'pg driver';
    return `node_modules/${name}`;
  }
  const own = /\/dist(?:-scripts)?\/(?:src\/)?([^/]+)\//.exec(url);
  if (own) return `schemaplan ${own[1]}/`;
  if (url.startsWith('node:internal/modules') || url.includes('internal/modules')) return 'node module loader';
  if (url.startsWith('node:')) return 'node internals';
  if (url === '') return 'V8/native (builtins)';
  return 'other (entity files, ...)';
}

export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const areas = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + micros / 1000);
    const where = frame.url
      ? `${frame.url.replace(/^.*\/(node_modules|dist|dist-scripts)\//, '$1/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${frame.functionName}@${where}`;
    const entry = functions.get(key) ?? { name: frame.functionName || '(anonymous)', where, ms: 0 };
    entry.ms += micros / 1000;
    functions.set(key, entry);
  }
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    areas: [...areas].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms),
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

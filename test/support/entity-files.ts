import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { loadEntities } from '../../src/compile/load-entities';
import { appTypeorm } from '../../src/typeorm/runtime';
import { REPO_ROOT } from './cli';
import { tempDir } from './temp';

export interface WrittenEntities {
  readonly dir: string;
  remove(): void;
}

/**
 * Writes generated entity files into a fresh directory that resolves `typeorm` (a `node_modules` link to the
 * repository's), as a project of the user's would.
 */
export function writeEntityFiles(files: ReadonlyMap<string, string>, prefix: string): WrittenEntities {
  const temp = tempDir(prefix);
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(temp.dir, 'node_modules'), 'dir');
  for (const [file, content] of files) {
    const target = path.join(temp.dir, 'entities', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { dir: temp.dir, remove: temp.remove };
}

/** The entity classes of the written files, loaded the way `schema plan --entities` loads them. */
export async function loadWrittenEntities(written: WrittenEntities): Promise<readonly Function[]> {
  return (await loadEntities(['entities/**/*.ts'], written.dir)).classes;
}

/**
 * Type-checks sets of written files (together: one program) as a strict TypeScript project with decorators
 * (`noUnusedLocals` included) would, against the declarations of the TypeORM line under test: the diagnostics, one
 * line each (empty: the files compile).
 */
export function typeCheckEntityFiles(sets: readonly WrittenEntities[]): string[] {
  const files = sets.flatMap((set) => ts.sys.readDirectory(path.join(set.dir, 'entities'), ['.ts']));
  const typeormDir = appTypeorm().packageDir;
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    types: ['node'],
    typeRoots: [path.join(REPO_ROOT, 'node_modules', '@types')],
    skipLibCheck: true,
    paths: { typeorm: [path.join(typeormDir, 'index.d.ts')], 'typeorm/*': [path.join(typeormDir, '*')] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1}: ${message}`;
  });
}

import path from 'node:path';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import ts from 'typescript';
import { EntityLoadError } from '../errors/errors';
import { TranspileCache } from './transpile-cache';

type CompilingModule = NodeJS.Module & { _compile(code: string, filename: string): void };
type Loader = (module: CompilingModule, filename: string) => void;

const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
let registered = false;

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  esModuleInterop: true,
  inlineSourceMap: true,
  inlineSources: true,
};

/**
 * Transpiles one TypeScript entity file the way `tsc` with `experimentalDecorators` and `emitDecoratorMetadata`
 * would. TypeORM needs the emitted `design:type` metadata to infer column types (tsx/esbuild do not emit it), and
 * entity files import each other in cycles, which TypeScript's CommonJS output tolerates (SWC's does not).
 */
export function transpileTypeScript(source: string, filename: string, shownAs: string = filename): string {
  const output = ts.transpileModule(source, { fileName: filename, compilerOptions, reportDiagnostics: true });
  const syntaxError = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntaxError) {
    throw new EntityLoadError(describeDiagnostic(syntaxError, shownAs), 'Fix the syntax error in the file.');
  }
  return output.outputText;
}

/** `schema/user.ts:12:3: ';' expected.` */
function describeDiagnostic(diagnostic: ts.Diagnostic, filename: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return `${filename}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${filename}:${line + 1}:${character + 1}: ${message}`;
}

/** What the transpiled output depends on besides the file itself. */
const CACHE_SALT = JSON.stringify({ typescript: ts.version, compilerOptions });

/**
 * Lets `require()` load `.ts` files outside node_modules, through the transpile cache of the project in `cwd`.
 * Idempotent (the first call's cache wins). Under Jest, whose module system transforms files itself, this hook is
 * never consulted; Jest's ts-jest transform also emits decorator metadata.
 */
export function registerTypeScript(cwd: string): void {
  if (registered) return;
  registered = true;
  const cache = TranspileCache.forProject(cwd);
  const previous = extensions['.ts'];
  extensions['.ts'] = (module, filename) => {
    if (filename.includes('/node_modules/') && previous) return previous(module, filename);
    const source = readFileSync(filename, 'utf8');
    module._compile(cache.get(CACHE_SALT, filename, source, () => transpileTypeScript(source, filename, path.relative(cwd, filename) || filename)), filename);
  };
}

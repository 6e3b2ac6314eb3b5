import path from 'node:path';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import type ts from 'typescript';
import { EntityLoadError } from '../errors/errors';
import { loadSwc, swcVersion, transpileWithSwc, transpileWithSwcAsync } from './swc-transpile';
import { TranspileCache } from './transpile-cache';

type CompilingModule = NodeJS.Module & { _compile(code: string, filename: string): void };
type Loader = (module: CompilingModule, filename: string) => void;

const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
const moduleCache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
let registered = false;
/** The transpile cache of the project the hook was registered for. */
let cache: TranspileCache | undefined;
/** Entity files transpiled ahead of their `require` (see `transpileAhead`), by file name: the hook takes them. */
const ahead = new Map<string, string>();

/** The compiler options, in tsconfig spelling (`module: 'commonjs'`); converted when the compiler is loaded. */
const compilerOptionsJson = {
  module: 'commonjs',
  target: 'es2022',
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  esModuleInterop: true,
};

/**
 * Whether transpiled files carry an inline source map: only when this process maps stack traces through them
 * (`--enable-source-maps`, or `--debug`, which turns it on). Otherwise a map is never read, yet V8 keeps it with the
 * module's source for as long as the module lives (a map holds the whole TypeScript source: at a thousand entity
 * files, about 5 MB of heap for the rest of the run).
 */
const emitSourceMaps = (): boolean => process.sourceMapsEnabled === true;

/**
 * The TypeScript compiler, loaded on the first file that needs transpiling: loading it costs about as much as the
 * rest of a run, and with a warm transpile cache no file needs it.
 */
let compiler: { readonly ts: typeof ts; readonly options: ts.CompilerOptions } | undefined;
function loadCompiler(): { readonly ts: typeof ts; readonly options: ts.CompilerOptions } {
  if (!compiler) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, synchronously, inside a require hook
    const typescript = require('typescript') as typeof ts;
    const converted = typescript.convertCompilerOptionsFromJson(compilerOptionsJson, '');
    if (converted.errors.length > 0)
      throw new Error(
        `internal error: invalid transpile options: ${converted.errors.map((e) => e.messageText).join('; ')}`,
      );
    compiler = { ts: typescript, options: converted.options };
  }
  return compiler;
}

/** The installed compiler's version, without loading it. */
function typescriptVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Transpiles one TypeScript entity file the way `tsc` with `experimentalDecorators` and `emitDecoratorMetadata`
 * would (through SWC where that gives the same behaviour: see `transpileWithSwc`). TypeORM needs the emitted `design:type` metadata to infer column types (tsx/esbuild do not emit it), and
 * entity files import each other in cycles, which TypeScript's CommonJS output tolerates (SWC's, once patched, too).
 */
export function transpileTypeScript(source: string, filename: string, shownAs: string = filename): string {
  // SWC where its output behaves as TypeScript's (see `transpileWithSwc`), else TypeScript itself.
  const sourceMaps = emitSourceMaps();
  const fast = transpileWithSwc(source, filename, sourceMaps);
  if (fast !== undefined) return fast;
  const { ts, options } = loadCompiler();
  const compilerOptions = sourceMaps ? { ...options, inlineSourceMap: true, inlineSources: true } : options;
  const output = ts.transpileModule(source, { fileName: filename, compilerOptions, reportDiagnostics: true });
  const syntaxError = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntaxError) {
    throw new EntityLoadError(describeDiagnostic(syntaxError, shownAs), 'Fix the syntax error in the file.');
  }
  return output.outputText;
}

/** `schema/user.ts:12:3: ';' expected.` */
function describeDiagnostic(diagnostic: ts.Diagnostic, filename: string): string {
  const { ts } = loadCompiler();
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return `${filename}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${filename}:${line + 1}:${character + 1}: ${message}`;
}

/** What the transpiled output depends on besides the file itself (computed once per source-map setting). */
const cacheSalts = new Map<boolean, string>();
const salt = (): string => {
  const sourceMaps = emitSourceMaps();
  let known = cacheSalts.get(sourceMaps);
  if (known === undefined) {
    known = JSON.stringify({
      typescript: typescriptVersion(),
      swc: swcVersion(),
      swcOutput: 1,
      compilerOptions: compilerOptionsJson,
      sourceMaps,
    });
    cacheSalts.set(sourceMaps, known);
  }
  return known;
};

/**
 * Lets `require()` load `.ts` files outside node_modules, through the transpile cache of the project in `cwd`.
 * Idempotent (the first call's cache wins). Under Jest, whose module system transforms files itself, this hook is
 * only consulted for files Jest loads outside its registry (global teardown, when tests run in band); Jest's ts-jest
 * transform also emits decorator metadata.
 */
export function registerTypeScript(cwd: string): void {
  if (registered) return;
  registered = true;
  // Loaded by another module registry than Node's (Jest's): the hook outlives it (Jest in band transpiles its global
  // teardown through it), and a registry torn down can no longer load the compilers, so they are loaded now.
  if (require.cache !== (Module as unknown as { _cache: unknown })._cache) {
    loadSwc();
    loadCompiler();
  }
  cache = TranspileCache.forProject(cwd);
  const previous = extensions['.ts'];
  extensions['.ts'] = (module, filename) => {
    if (filename.includes('/node_modules/') && previous) return previous(module, filename);
    const made = ahead.get(filename);
    if (made !== undefined) {
      ahead.delete(filename);
      return module._compile(made, filename);
    }
    const source = readFileSync(filename, 'utf8');
    module._compile(
      cache!.get(salt(), filename, source, () =>
        transpileTypeScript(source, filename, path.relative(cwd, filename) || filename),
      ),
      filename,
    );
  };
}

/** Writes what the hook transpiled since the last call to the transpile cache (see `TranspileCache.flush`). */
export function flushTranspiled(): void {
  void cache?.flush();
}

/** How many files `transpileAhead` keeps on their way at once (read, looked up in the cache, transpiled by SWC). */
const AHEAD_WINDOW = 8;

/** What `transpileAhead` returns: what loading awaits before each file, and its end. */
export interface TranspiledAhead {
  /** Settles once `file` is transpiled (or found in the cache, or left to the hook); never rejects. */
  ready(file: string): Promise<void>;
  /** Forgets what was transpiled ahead and not loaded (a file an entity file imported before its turn). */
  end(): void;
}

/**
 * Transpiles TypeScript `files` ahead of their `require`, in order, a few at a time on SWC's threads, while the main
 * thread loads the ones before (a first run at a thousand entity files spends about half a second in SWC: beside
 * loading, on another core, rather than in it). A file SWC may not transpile (see `transpileWithSwc`) is left to the
 * hook, which then does what it would have done; so is every file when SWC is not there. Registers the hook.
 */
export function transpileAhead(files: readonly string[], cwd: string): TranspiledAhead {
  registerTypeScript(cwd);
  const sourceMaps = emitSourceMaps();
  // Not under another module registry than Node's (Jest's), which transforms files itself.
  const hooked = require.cache === (moduleCache as unknown);
  const wanted = hooked ? files.filter((file) => file.endsWith('.ts') && !file.includes('/node_modules/')) : [];
  let ended = false;
  const one = async (file: string): Promise<void> => {
    // Read here, synchronously: a small file's read costs the main thread less than the callbacks of an async one.
    const source = readFileSync(file, 'utf8');
    const key = cache!.keyOf(salt(), file, source);
    let code = key === undefined ? undefined : cache!.read(key);
    if (code === undefined) {
      code = await transpileWithSwcAsync(source, file, sourceMaps);
      if (code === undefined) return;
      if (key !== undefined) cache!.store(key, code);
    }
    // Unless the file was loaded meanwhile (imported by one loaded before its turn).
    if (!ended && !(file in moduleCache)) ahead.set(file, code);
  };
  // File i is taken up once file i - AHEAD_WINDOW is done: at most that many on their way at once, in order.
  const ready = new Map<string, Promise<void>>();
  wanted.forEach((file, i) => {
    const after = i < AHEAD_WINDOW ? Promise.resolve() : ready.get(wanted[i - AHEAD_WINDOW]!)!;
    // Whatever fails here (an unreadable file) is met again, and said, by the hook.
    ready.set(
      file,
      after.then(() => (ended ? undefined : one(file).catch(() => undefined))),
    );
  });
  return {
    ready: (file) => ready.get(file) ?? Promise.resolve(),
    end: () => {
      ended = true;
      ahead.clear();
    },
  };
}

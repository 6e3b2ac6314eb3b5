/**
 * Transpiling an entity file with SWC (`@swc/core`, native: about 40x faster than `typescript.transpileModule`) into
 * what TypeScript's own output does at run time, or `undefined` when that cannot be vouched for (the caller then uses
 * TypeScript). SWC keeps legacy decorators and emits decorator metadata, but differs from `tsc` in three ways that
 * matter to TypeORM, handled here:
 *
 * - Exports are getters over the module's bindings. In an import cycle (entity files import each other), a file that
 *   reads a class of a file still loading gets `undefined` from TypeScript's output, but a getter over a binding not
 *   yet initialised throws. Each export getter is made to answer `undefined` then.
 * - A type whose runtime value is unknown is emitted as `typeof X === "undefined" ? Object : X`; TypeScript emits
 *   `X` only when it is a function (`typeof X === "function" ? X : Object`): an imported enum is `Object` for
 *   TypeScript. The guard is rewritten to TypeScript's.
 * - SWC does not resolve types: a property typed with a type alias of the same file (`type Status = 'a' | 'b'`) is
 *   `Object` for SWC and `String` for TypeScript, and a property typed with its own class is `Object` for SWC. Files
 *   that declare a type alias, or type a member with a class they declare, are left to TypeScript; so is any metadata
 *   expression of another form than the known ones, and every file when the installed TypeScript is older than 6 (not
 *   strict by default: `number | null` is Number for it, Object for SWC).
 */
import { readFileSync } from 'node:fs';

interface Swc {
  transformSync(source: string, options: Record<string, unknown>): { code: string };
  transform(source: string, options: Record<string, unknown>): Promise<{ code: string }>;
  readonly version: string;
}

let swc: Swc | null | undefined;

/** `@swc/core`, loaded on first use; null when it is not installed or has no binary for this platform. */
export function loadSwc(): Swc | null {
  if (swc === undefined) {
    if (process.env.SCHEMAPLAN_TRANSPILER === 'typescript') return (swc = null);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, synchronously (a require hook), and optional
      swc = require('@swc/core') as Swc;
    } catch {
      swc = null;
    }
  }
  return swc;
}

/** The installed SWC's version (for the transpile cache key), without loading its binary; null when absent. */
export function swcVersion(): string | null {
  if (process.env.SCHEMAPLAN_TRANSPILER === 'typescript') return null;
  try {
    return (JSON.parse(readFileSync(require.resolve('@swc/core/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

/**
 * Whether the TypeScript compiler that would transpile otherwise is strict by default (6.x): its metadata for a type
 * in a union with null is then Object, as SWC's. TypeScript 5 (not strict by default) gives the other member's type.
 */
let strict: boolean | undefined;
function strictTypescript(): boolean {
  if (strict === undefined) {
    try {
      const { version } = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')) as {
        version: string;
      };
      strict = Number(version.split('.')[0]) >= 6;
    } catch {
      strict = false;
    }
  }
  return strict;
}

const swcOptions = (filename: string, sourceMaps: boolean) => ({
  filename,
  swcrc: false,
  configFile: false,
  sourceMaps: sourceMaps ? 'inline' : false,
  inlineSourcesContent: sourceMaps,
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: filename.endsWith('.tsx') },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'commonjs', strict: false },
});

const TOLERANT_GETTER =
  '(function (get) { return function () { try { return get(); } catch (error) { if (error instanceof ReferenceError) return undefined; throw error; } }; })';
const EXPORT_HELPER_GETTER = 'get: Object.getOwnPropertyDescriptor(all, name).get';
/** `Object.defineProperty(exports, "A", {\n    enumerable: true,\n    get: function() {\n        return A;\n    }\n});` */
const SINGLE_EXPORT =
  /^Object\.defineProperty\(exports, "([^"\\]+)", \{\n {4}enumerable: true,\n {4}get: function\(\) \{\n {8}return ([\w$.]+);\n {4}\}\n\}\);$/gm;
const IDENTIFIER_PATH = String.raw`[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?`;
const SWC_GUARD = new RegExp(String.raw`typeof (${IDENTIFIER_PATH}) === "undefined" \? Object : \1(?![\w$.])`, 'g');
const DESIGN_TYPE = /_ts_metadata\("design:type", (.*)\),?$/gm;
const KNOWN_TYPE = new RegExp(
  String.raw`^(?:String|Number|Boolean|Symbol|BigInt|Object|Array|Function|void 0|typeof (${IDENTIFIER_PATH}) === "function" \? \1 : Object)$`,
);

/** SWC, when it may transpile this source as TypeScript would (see above); undefined: TypeScript must. */
function swcFor(source: string): Swc | undefined {
  const compiler = loadSwc();
  if (!compiler || !strictTypescript()) return undefined;
  // Types SWC cannot resolve as TypeScript does (see above).
  if (/^\s*(?:export\s+)?(?:declare\s+)?type\s+[A-Za-z_$][\w$]*\s*[<=]/m.test(source)) return undefined;
  // A property typed with its own class, alone (TypeScript: the class; SWC: Object). In a union with null, both give
  // Object (TypeScript 6's default strictness), in an array Array, in a Promise Promise.
  for (const match of source.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)/g)) {
    if (new RegExp(String.raw`:\s*${match[1]}\s*[;,)=!?\r\n]`).test(source)) return undefined;
  }
  return compiler;
}

/**
 * SWC's output for an entity file, with TypeScript's run-time behaviour; undefined: use TypeScript for this file.
 * With `sourceMaps`, the output ends with an inline source map (see `emitSourceMaps`).
 */
export function transpileWithSwc(source: string, filename: string, sourceMaps = false): string | undefined {
  const compiler = swcFor(source);
  if (!compiler) return undefined;
  let code: string;
  try {
    code = compiler.transformSync(source, swcOptions(filename, sourceMaps)).code;
  } catch {
    return undefined; // a syntax error: TypeScript says it in its own words
  }
  return asTypescriptWould(code);
}

/**
 * `transpileWithSwc` on one of SWC's own threads (the main thread goes on meanwhile): the same output, or undefined
 * where that gives undefined.
 */
export async function transpileWithSwcAsync(
  source: string,
  filename: string,
  sourceMaps = false,
): Promise<string | undefined> {
  const compiler = swcFor(source);
  if (!compiler) return undefined;
  let code: string;
  try {
    code = (await compiler.transform(source, swcOptions(filename, sourceMaps))).code;
  } catch {
    return undefined;
  }
  return asTypescriptWould(code);
}

/** SWC's output patched to behave as TypeScript's (see above); undefined when that cannot be vouched for. */
function asTypescriptWould(output: string): string | undefined {
  let code = output;
  // Export getters answer undefined for a binding not initialised yet (an import cycle), as TypeScript's exports do.
  const exportsDefined =
    (code.match(/^Object\.defineProperty\(exports, "/gm) ?? []).length -
    (code.match(/^Object\.defineProperty\(exports, "__esModule"/gm) ?? []).length;
  let patched = 0;
  code = code.replace(SINGLE_EXPORT, (_whole, name: string, value: string) => {
    patched++;
    return `Object.defineProperty(exports, "${name}", {\n    enumerable: true,\n    get: ${TOLERANT_GETTER}(function() {\n        return ${value};\n    })\n});`;
  });
  if (patched !== exportsDefined) return undefined;
  if (/^_export\(exports, /m.test(code)) {
    if (!code.includes(EXPORT_HELPER_GETTER)) return undefined;
    code = code.replace(
      EXPORT_HELPER_GETTER,
      `get: ${TOLERANT_GETTER}(Object.getOwnPropertyDescriptor(all, name).get)`,
    );
  }
  // TypeScript's guard for a type's run-time value.
  code = code.replace(SWC_GUARD, (_whole, value: string) => `typeof ${value} === "function" ? ${value} : Object`);
  for (const match of code.matchAll(DESIGN_TYPE)) {
    if (!KNOWN_TYPE.test(match[1]!)) return undefined;
  }
  return code;
}

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The layer order of ARCHITECTURE.md, enforced with dependency-cruiser (.dependency-cruiser.cjs holds the rules).
 * dependency-cruiser is an ES module only, which Jest's CommonJS runtime cannot import, so the test runs its command
 * line with Node, locally and offline, and reads the JSON it prints.
 */
const ROOT = path.resolve(__dirname, '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const CRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
  readonly cycle?: readonly { readonly name: string }[];
}

function cruise(cwd: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    // dependency-cruiser exits non-zero when it finds violations; the JSON is on stdout all the same.
    out = (error as { stdout?: string }).stdout ?? '';
    if (!out.trim()) throw error;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeViolation = (v: Violation): string =>
  v.cycle
    ? `${v.rule.name}: ${v.from} -> ${v.cycle.map((c) => c.name).join(' -> ')}`
    : `${v.rule.name}: ${v.from} -> ${v.to}`;

function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schemaplan-layering-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('no module imports from a higher layer and there are no import cycles', () => {
  test('src/ keeps the layer order and has no cycles', () => {
    expect(cruise(ROOT).map(describeViolation)).toEqual([]);
  });

  test('every folder of src/ belongs to a layer', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const layers = (require(CONFIG) as { LAYERS: string[][] }).LAYERS.flat();
    const folders = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !layers.includes(folder))).toEqual([]);
  });

  test('the check reports an import from a higher layer, an import of a concrete dialect and a cycle', () => {
    const dir = writeTree({
      'src/model/types.ts': "import { main } from '../cli/main';\nexport const model = main;\n",
      'src/cli/main.ts': 'export const main = 1;\n',
      'src/workflow/plan.ts': "import type { Main } from '../cli/types';\nexport type Plan = Main;\n",
      'src/cli/types.ts': 'export type Main = number;\n',
      'src/compile/quote.ts': "import { quote } from '../dialects/postgres/quote';\nexport const q = quote;\n",
      'src/dialects/postgres/quote.ts': 'export const quote = 1;\n',
      'src/plan/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/plan/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    try {
      const found = cruise(dir).map(describeViolation);
      expect(found).toEqual(
        expect.arrayContaining([
          'layer-model-errors: src/model/types.ts -> src/cli/main.ts',
          'layer-workflow: src/workflow/plan.ts -> src/cli/types.ts',
          'no-concrete-dialect: src/compile/quote.ts -> src/dialects/postgres/quote.ts',
          'no-circular: src/plan/a.ts -> src/plan/b.ts -> src/plan/a.ts',
        ]),
      );
      expect(found).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

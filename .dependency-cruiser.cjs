/**
 * The layering of src/, checked by test/layering.test.ts (ARCHITECTURE.md explains the order). Each entry of LAYERS
 * is one layer, lowest first; a module may import from its own layer and from lower ones, never from a higher one.
 * Folders in one entry are peers and may import each other (no cycles, though: `no-circular` holds everywhere).
 */
const LAYERS = [
  ['model', 'errors'],
  ['typeorm'],
  ['connect', 'hints'],
  ['diff'],
  ['dialects'],
  ['plan'],
  ['compile'],
  ['config'],
  ['generate'],
  ['sources'],
  ['report'],
  ['workflow'],
  ['cli'],
];

const folders = (names) => `^src/(${names.join('|')})/`;

const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} may import only from itself and lower layers (${LAYERS.slice(0, index).flat().join(', ') || 'none'})`,
  severity: 'error',
  from: { path: folders(layer) },
  to: { path: folders(LAYERS.slice(index + 1).flat()) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycles, inside a layer or across layers',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-concrete-dialect',
      comment:
        'outside src/dialects/ code asks a Dialect (src/dialects/dialect.ts, found through src/dialects/registry.ts) and never imports one dialect\'s folder',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/dialects/' },
      to: { path: '^src/dialects/[^/]+/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    // Type-only imports count: a type from a higher layer ties the layers together as much as a value does.
    tsPreCompilationDeps: true,
    moduleSystems: ['cjs', 'es6'],
  },
};

/** Read by test/layering.test.ts: every folder of src/ must belong to a layer. */
Object.defineProperty(module.exports, 'LAYERS', { value: LAYERS, enumerable: false });

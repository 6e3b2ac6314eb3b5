/** The package's public API for entity files: `import { RenamedFrom } from 'schemaplan'`. */
export { RenamedFrom, type RenamedFromOptions } from './hints/renamed-from';

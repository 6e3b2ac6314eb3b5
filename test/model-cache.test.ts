import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileEntities } from '../src/compile/compile';
import { ModelCache } from '../src/compile/model-cache';
import { runCli } from './support/cli';
import { entityClasses } from './support/entities';
import { tempProject } from './support/temp';

/**
 * The compiled-model cache, through the real binary (the cache needs Node's own module loader, which Jest replaces):
 * a warm run reuses the model without loading TypeORM or the entity files, and any change to what the model was made
 * from (an entity file, a file it imports, an environment variable it reads, a new entity file) is a miss.
 */
describe('compiled-model cache', () => {
  it('serves an unchanged project from the cache and never a stale model', () => {
    const project = tempProject('model-cache');
    try {
      const schema = path.join(project.dir, 'schema');
      const cache = path.join(project.dir, 'cache');
      mkdirSync(schema);
      writeFileSync(path.join(schema, 'names.ts'), `export const ITEMS = 'items';\n`);
      const entity = (extra: string) =>
        `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n` +
        `import { ITEMS } from './names';\n\n` +
        `@Entity(ITEMS)\n` +
        `export class Item {\n` +
        `  @PrimaryGeneratedColumn()\n  id: number;\n\n` +
        `  @Column({ name: process.env.ITEM_LABEL_COLUMN ?? 'label', type: 'varchar', length: 40 })\n  label: string;\n` +
        extra +
        `}\n`;
      writeFileSync(path.join(schema, 'item.ts'), entity(''));
      // A preloaded probe reports, at exit, whether the process loaded TypeORM.
      const probe = path.join(project.dir, 'report-typeorm.js');
      writeFileSync(
        probe,
        `process.on('exit', () => process.stderr.write(Object.keys(require.cache).some((f) => f.includes('/node_modules/typeorm')) ? 'typeorm loaded\\n' : 'typeorm not loaded\\n'));\n`,
      );
      const plan = (env: Record<string, string | undefined> = {}) => {
        const run = runCli(['plan', '--url', 'sqlite::memory:', '--format', 'sql', '--entities', 'schema/*.ts'], {
          cwd: project.dir,
          env: {
            SCHEMAPLAN_CACHE_DIR: cache,
            NODE_OPTIONS: `--require ${probe}`,
            ITEM_LABEL_COLUMN: undefined,
            ...env,
          },
        });
        expect(run.status).toBe(0);
        return { sql: run.stdout, typeorm: run.stderr.includes('typeorm loaded') };
      };
      const entries = () => readdirSync(path.join(cache, 'model')).map((name) => path.join(cache, 'model', name));
      // Marks the (only) cache entry, so that a run served from it shows: its table is renamed in the cached model.
      const mark = () => {
        const [entry] = entries();
        writeFileSync(entry!, readFileSync(entry!, 'utf8').replaceAll('"items"', '"marked_items"'));
      };

      const first = plan();
      expect(first.typeorm).toBe(true);
      expect(first.sql).toContain('CREATE TABLE "items"');
      expect(first.sql).toContain('"label" varchar(40)');
      expect(entries()).toHaveLength(1);

      // Unchanged: served from the cache, without loading TypeORM; an environment variable the entities do not read
      // does not matter.
      mark();
      const warm = plan({ UNRELATED_VARIABLE: 'x' });
      expect(warm.sql).toContain('CREATE TABLE "marked_items"');
      expect(warm.typeorm).toBe(false);

      // An edited entity file: compiled again.
      mark();
      writeFileSync(
        path.join(schema, 'item.ts'),
        entity(`\n  @Column({ type: 'integer', nullable: true })\n  quantity: number | null;\n`),
      );
      const edited = plan();
      expect(edited.typeorm).toBe(true);
      expect(edited.sql).toContain('CREATE TABLE "items"');
      expect(edited.sql).toContain('"quantity" integer');
      expect(entries()).toHaveLength(1);

      // A file an entity imports (it has no entity of its own) changes.
      mark();
      writeFileSync(path.join(schema, 'names.ts'), `export const ITEMS = 'stock_items';\n`);
      const imported = plan();
      expect(imported.sql).toContain('CREATE TABLE "stock_items"');
      expect(imported.sql).not.toContain('marked_items');

      // An environment variable the entities read: set, then changed.
      const [entry] = entries();
      writeFileSync(entry!, readFileSync(entry!, 'utf8').replaceAll('"stock_items"', '"marked_items"'));
      const withVariable = plan({ ITEM_LABEL_COLUMN: 'title' });
      expect(withVariable.sql).toContain('CREATE TABLE "stock_items"');
      expect(withVariable.sql).toContain('"title" varchar(40)');
      const again = plan({ ITEM_LABEL_COLUMN: 'title' });
      expect(again.typeorm).toBe(false); // the same value: a hit
      const changedVariable = plan({ ITEM_LABEL_COLUMN: 'caption' });
      expect(changedVariable.typeorm).toBe(true);
      expect(changedVariable.sql).toContain('"caption" varchar(40)');

      // A new file matched by the glob is a new key.
      writeFileSync(
        path.join(schema, 'tag.ts'),
        `import { Entity, PrimaryColumn } from 'typeorm';\n\n@Entity('tags')\nexport class Tag {\n  @PrimaryColumn()\n  id: string;\n}\n`,
      );
      const added = plan({ ITEM_LABEL_COLUMN: 'caption' });
      expect(added.sql).toContain('CREATE TABLE "tags"');

      // The opt-out: an empty SCHEMAPLAN_CACHE_DIR caches nothing.
      const off = runCli(['plan', '--url', 'sqlite::memory:', '--format', 'sql', '--entities', 'schema/*.ts'], {
        cwd: project.dir,
        env: { SCHEMAPLAN_CACHE_DIR: '', NODE_OPTIONS: `--require ${probe}` },
      });
      expect(off.status).toBe(0);
      expect(off.stderr).toContain('typeorm loaded');
    } finally {
      project.remove();
    }
  });
});

describe('compiled-model cache entries', () => {
  it('give back exactly the compiled schema stored (undefined members included), and nothing for another key', async () => {
    const dir = tempProject('model-cache-entry');
    try {
      const cache = new ModelCache(path.join(dir.dir, 'cache'));
      for (const folder of [
        'fixtures/postgres-comments/to',
        'fixtures/index-kinds/to',
        'test/entities/views',
        'test/entities/single-table-inheritance',
      ]) {
        for (const dialect of ['postgres', 'sqlite'] as const) {
          let compiled: unknown;
          try {
            compiled = await compileEntities(await entityClasses(folder), dialect);
          } catch {
            continue; // a folder for the other dialect only
          }
          const key = { folder, dialect };
          cache.store(key, { files: [], env: { all: false, names: [] } }, [], '/nonexistent', compiled);
          const back = cache.lookup(key);
          expect(back).toStrictEqual(compiled);
          expect(JSON.stringify(back)).toBe(JSON.stringify(compiled));
          expect(cache.lookup({ folder, dialect, other: 1 })).toBeUndefined();
        }
      }
      // A value JSON cannot carry exactly is not stored.
      cache.store({ odd: 1 }, { files: [], env: { all: false, names: [] } }, [], '/nonexistent', { at: new Date(0) });
      expect(cache.lookup({ odd: 1 })).toBeUndefined();
      cache.store({ odd: 2 }, { files: [], env: { all: false, names: [] } }, [], '/nonexistent', {
        list: [1, undefined, { a: undefined }],
      });
      expect(cache.lookup({ odd: 2 })).toStrictEqual({ list: [1, undefined, { a: undefined }] });
    } finally {
      dir.remove();
    }
  });
});

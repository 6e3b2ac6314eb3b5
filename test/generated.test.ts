import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generatedFiles } from '../src/generate/generated-files';
import { REPO_ROOT } from './support/cli';

/** generated/ is committed so reviewers see model changes; it must match the entities in schema/. */
describe('generated/', () => {
  it('is up to date with schema/ (run `npm run generate` after changing an entity)', async () => {
    const files = await generatedFiles(['schema/**/*.ts'], REPO_ROOT);
    expect([...files.keys()].sort()).toEqual([
      'generated/model.json',
      'generated/schema.postgres.sql',
      'generated/schema.sqlite.sql',
    ]);
    for (const [relative, content] of files) {
      expect({ file: relative, content: readFileSync(path.join(REPO_ROOT, relative), 'utf8') }).toEqual({
        file: relative,
        content,
      });
    }
  });

  it('is deterministic', async () => {
    const once = await generatedFiles(['schema/**/*.ts'], REPO_ROOT);
    const twice = await generatedFiles(['schema/**/*.ts'], REPO_ROOT);
    expect(twice).toEqual(once);
  });
});

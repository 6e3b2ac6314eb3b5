/**
 * Two projects over one suite: every test runs with the TypeORM this repository develops against (1.x); the tests
 * that hold schemaplan to TypeORM itself (the oracle: synchronize() plans empty, log() is empty after apply,
 * migrations run and revert) run again with TypeORM 0.3 (the `typeorm-0.3` dev alias), which the resolver below puts
 * in place of `typeorm` for the tests, the fixtures' entity files and schemaplan's own resolution of the app's
 * TypeORM alike. `test/typeorm-line.test.ts` proves which line each project loaded.
 */
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
};

/** The test files that compare schemaplan with TypeORM's own behaviour, run on both lines. */
const TYPEORM_AGREEMENT = [
  'typeorm-line',
  'typeorm-default-names',
  'typeorm-lines',
  'config',
  'compile',
  'pipeline',
  'postgres-typeorm',
  'sqlite-typeorm',
  'no-spurious-diffs',
  'typeorm-entities',
  'typeorm-views',
  'migration-files',
  'fixtures',
  'indexed-metadata-args',
].map((name) => `<rootDir>/test/${name}.test.ts`);

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  projects: [
    {
      ...base,
      displayName: 'typeorm-1',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
      globals: { TYPEORM_LINE: '1' },
    },
    {
      ...base,
      displayName: 'typeorm-0.3',
      testMatch: TYPEORM_AGREEMENT,
      resolver: '<rootDir>/test/support/typeorm-0.3-resolver.js',
      globals: { TYPEORM_LINE: '0.3' },
    },
  ],
};

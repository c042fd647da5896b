// One jest preset for every package and app: SWC transpiles TypeScript (with Nest's decorator metadata);
// type checking is `pnpm typecheck`'s job, so tests stay fast.
const path = require('path');

/** Packages that ship ES modules only. */
const ESM_ONLY = ['cookie', 'content-disposition', 'set-cookie-parser', 'csv-parse', 'csv-stringify'];

/** @param {string} dir the package directory (pass __dirname) */
module.exports = function preset(dir, overrides = {}) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j)sx?$': [
        require.resolve('@swc/jest'),
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    // A few dependencies ship ES modules only (Node loads them with require(esm); jest does not): SWC
    // transpiles exactly those, everything else in node_modules is left alone.
    transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_ONLY.join('|')})/).*/node_modules/`],
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
    // Each run writes its counts so scripts/test can print one "N passed, N failed" line over every suite.
    reporters: ['default', [path.join(__dirname, 'jest-count-reporter.js'), {}]],
    ...overrides,
  };
};

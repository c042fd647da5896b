// Unit tests of the web app: SWC (repo preset) + jsdom; @sen/contracts and @sen/indicators are consumed from source.
module.exports = require('../../tooling/jest.preset.js')(__dirname, {
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: {
    '^@sen/contracts$': '<rootDir>/../../packages/contracts/src/index.ts',
    '^@sen/indicators$': '<rootDir>/../../packages/indicators/src/index.ts',
    '\\.(css|less)$': '<rootDir>/src/test/style-mock.ts',
  },
  testTimeout: 20000,
});

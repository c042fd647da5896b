// Browser tests: playwright-core drives the system Chromium against a running api (SEN_BASE_URL).
const path = require('path');

module.exports = require('../../../tooling/jest.preset.js')(path.resolve(__dirname, '..'), {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testTimeout: 90000,
});

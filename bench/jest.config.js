// The smoke run of the harness (bench.smoke.spec.ts) starts the built api and worker: allow it time.
module.exports = require('../tooling/jest.preset.js')(__dirname, { testTimeout: 300000 });

// Unit tests of the pure helpers only; the fault runs themselves are ./scripts/faults (on demand, not in scripts/test).
module.exports = require('../tooling/jest.preset.js')(__dirname);

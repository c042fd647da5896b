module.exports = require('../../tooling/jest.preset.js')(__dirname);

// Appends this jest run's totals to $SEN_TEST_RESULTS (one JSON line per run) so that scripts/test can
// print a single "N passed, N failed" line across every package, app and browser suite.
const fs = require('fs');

class CountReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.SEN_TEST_RESULTS;
    if (!file) return;
    const line = JSON.stringify({
      cwd: process.cwd(),
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    });
    fs.appendFileSync(file, line + '\n');
  }
}
module.exports = CountReporter;

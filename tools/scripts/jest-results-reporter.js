// Writes each Jest run's totals to tmp/test-results/ so the test runner can print one total line.
const fs = require('node:fs');
const path = require('node:path');

class ResultsReporter {
  onRunComplete(_contexts, results) {
    const name = process.env.SANGATHAN_RESULTS_NAME;
    if (!name) return;
    const dir = path.join(__dirname, '..', '..', 'tmp', 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const brokenSuites = results.numRuntimeErrorTestSuites;
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({ name, passed: results.numPassedTests, failed: results.numFailedTests + brokenSuites }),
    );
  }
}
module.exports = ResultsReporter;

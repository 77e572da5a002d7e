/**
 * Under mutation testing, run only the suites that hold a covering test. StrykerJS names the tests
 * that cover a mutant (a test-name pattern) and the mutated file (--findRelatedTests), but jest still
 * loads every related suite to find out that most of them have nothing to run: seconds per mutant for
 * the suites that build whole workbooks. scripts/mutation.mjs lists each suite's tests first
 * (STRYKER_TEST_MAP); a suite the list does not know is kept, so the filter can only save time.
 */
const { readFileSync } = require("node:fs");
const { relative } = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

let suites = null;
function testsBySuite() {
  if (suites === null) {
    suites = new Map();
    const file = process.env.STRYKER_TEST_MAP;
    if (file) {
      const report = JSON.parse(readFileSync(file, "utf8"));
      // Paths relative to the project: StrykerJS runs the suites from a copy of it (a sandbox).
      for (const r of report.testResults) {
        suites.set(relative(process.env.STRYKER_TEST_ROOT, r.name), { names: r.assertionResults.map((a) => a.fullName), ms: r.endTime - r.startTime });
      }
    }
  }
  return suites;
}

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
  }
  async sort(tests) {
    const sorted = await super.sort(tests);
    if (!this.pattern) return sorted;
    // jest-circus matches test names the same way.
    const re = new RegExp(this.pattern, "i");
    const known = testsBySuite();
    const suite = (t) => known.get(relative(t.context.config.rootDir, t.path));
    // Quickest suites first: the environment's bail skips the rest once one kills the mutant.
    return sorted
      .filter((t) => !suite(t) || suite(t).names.some((name) => re.test(name)))
      .sort((a, b) => (suite(a)?.ms ?? Infinity) - (suite(b)?.ms ?? Infinity));
  }
}
module.exports = MutationSequencer;

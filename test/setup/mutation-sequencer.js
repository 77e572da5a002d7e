/**
 * Under mutation testing, run only the suites that hold a covering test. StrykerJS names the tests
 * that cover a mutant (a test-name pattern) and the mutated file (--findRelatedTests), but jest still
 * loads every related suite to find out that most of them have nothing to run: seconds per mutant for
 * the suites that build whole workbooks. scripts/mutation.mjs lists each suite's tests first
 * (STRYKER_TEST_MAP); a suite the list does not know is kept, so the filter can only save time.
 */
const { readFileSync } = require("node:fs");
const { basename, relative } = require("node:path");
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

let kills = null;
/** Per source file, how many of its mutants each suite killed in the last run (STRYKER_KILLS). */
function killsBySuite() {
  if (kills === null) kills = process.env.STRYKER_KILLS ? JSON.parse(readFileSync(process.env.STRYKER_KILLS, "utf8")) : {};
  return kills;
}

/** "src/core/report/final-sheet.ts" → "final-sheet": a suite named after the file is likely to kill its mutants. */
const stem = (path) => basename(path).replace(/\.[jt]sx?$/, "").replace(/\.test$/, "");

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options.globalConfig.testNamePattern;
    // StrykerJS passes the mutated file for --findRelatedTests.
    this.mutated = options.globalConfig.findRelatedTests ? options.globalConfig.nonFlagArgs?.[0] : undefined;
  }
  async sort(tests) {
    const sorted = await super.sort(tests);
    if (!this.pattern) return sorted;
    // jest-circus matches test names the same way.
    const re = new RegExp(this.pattern, "i");
    const known = testsBySuite();
    const rel = (t) => relative(t.context.config.rootDir, t.path);
    const suite = (t) => known.get(rel(t));
    const ms = (t) => suite(t)?.ms ?? Infinity;
    // The environment's bail skips the rest once a suite kills the mutant, so the likeliest killer goes
    // first: the suite that killed most of this file's mutants last time per second it takes, then a
    // suite named after the file, then the quickest.
    const file = this.mutated && sorted[0] ? relative(sorted[0].context.config.rootDir, this.mutated) : undefined;
    const killedHere = (file && killsBySuite()[file]) || {};
    const rate = (t) => (killedHere[rel(t)] ?? 0) / Math.max(ms(t), 1);
    const named = (t) => (file && stem(t.path) === stem(file) ? 1 : 0);
    return sorted
      .filter((t) => !suite(t) || suite(t).names.some((name) => re.test(name)))
      .sort((a, b) => rate(b) - rate(a) || named(b) - named(a) || ms(a) - ms(b));
  }
}
module.exports = MutationSequencer;

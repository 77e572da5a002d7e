/**
 * jest's node environment for mutation testing (StrykerJS wraps it in its own):
 *
 * 1. What a `beforeAll` or a describe block's own body reaches counts as reached by every test under
 *    it. StrykerJS records per test what runs between a test's start and end; a `beforeAll` runs
 *    before any test starts, and a describe body while jest collects the tests, so the demo workbook
 *    a suite builds once (or the results a describe computes for its tests to read) counted as no
 *    test's: such a mutant was either ignored (ignoreStatic) or run against only the few tests that
 *    called the code again themselves, and read as a survivor though the suite's other tests catch
 *    it (2026-12-01: 46 of the 60 survivors of a workbook sample were such "hybrid" mutants; the
 *    cached per-student column's six among them, though a describe-level result kills all six).
 * 2. A bail: once a test fails under a mutant, the rest of that mutant's tests and suites are skipped
 *    (the mutant is killed; StrykerJS needs no more). jest has no programmatic bail (jestjs/jest#11766).
 */
const { TestEnvironment } = require("jest-environment-node");

// The outer realm's module state, shared by every suite of a run (StrykerJS runs them in band).
let failedUnder = null;

// As StrykerJS names a test (its jest environment mixin): describe names and the test's, space-joined.
const describeName = (block) => (block.parent ? `${describeName(block.parent)} ${block.name}`.trimStart() : "");
const testName = (test) => `${describeName(test.parent)} ${test.name}`.trimStart();

/** The dry run (coverage per test): a beforeAll's and a describe body's coverage credited to the tests they set up. */
class HookCoverage {
  /** Per describe block, the mutants its beforeAll hooks and its body reached, and how often. */
  #reachedBefore = new Map();
  #staticAtHookStart = null;
  /** Describe blocks being defined (nested), each with the static coverage when its body started. */
  #defining = [];

  #credit(block, before, stryker) {
    const reached = this.#reachedBefore.get(block) ?? {};
    for (const [id, hits] of Object.entries(stryker.mutantCoverage?.static ?? {})) {
      const n = hits - (before[id] ?? 0);
      if (n > 0) reached[id] = (reached[id] ?? 0) + n;
    }
    this.#reachedBefore.set(block, reached);
  }

  /**
   * `stryker`: the instrumenter's context (`__stryker__`), whose `mutantCoverage` the instrumented
   * code fills; `state`: jest-circus's, whose current describe block is the one just started.
   */
  handle(event, stryker, state) {
    if (!stryker) return;
    if (event.name === "start_describe_definition" && state?.currentDescribeBlock) {
      this.#defining.push({ block: state.currentDescribeBlock, before: { ...(stryker.mutantCoverage?.static ?? {}) } });
    } else if (event.name === "finish_describe_definition") {
      // An outer block's body includes its inner blocks' bodies: credited to all its tests, harmless (only more tests run).
      const defined = this.#defining.pop();
      if (defined) this.#credit(defined.block, defined.before, stryker);
    } else if (event.name === "hook_start" && event.hook.type === "beforeAll") {
      this.#staticAtHookStart = { ...(stryker.mutantCoverage?.static ?? {}) };
    } else if ((event.name === "hook_success" || event.name === "hook_failure") && event.hook.type === "beforeAll" && this.#staticAtHookStart) {
      const before = this.#staticAtHookStart;
      this.#staticAtHookStart = null;
      this.#credit(event.hook.parent, before, stryker);
    } else if (event.name === "test_start" && stryker.mutantCoverage) {
      const perTest = (stryker.mutantCoverage.perTest[testName(event.test)] ??= {});
      for (let block = event.test.parent; block; block = block.parent) {
        for (const [id, hits] of Object.entries(this.#reachedBefore.get(block) ?? {})) perTest[id] = (perTest[id] ?? 0) + hits;
      }
    }
  }
}

class MutationEnvironment extends TestEnvironment {
  #hooks = new HookCoverage();

  async handleTestEvent(event, state) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) {
      this.#hooks.handle(event, this.global.__stryker__, state);
      return;
    }
    bail(event, mutant);
  }
}

/**
 * Once a test has failed under the active mutant, skip what is left: the rest of the suite's tests,
 * and every later suite whole, before its beforeAll builds a workbook for tests that will not run
 * (a skipped describe block runs no hooks). Only a failing test counts: a failing beforeAll fails
 * its suite's tests, which must run to report it (skipped, they would read as a surviving mutant).
 */
function bail(event, mutant) {
  if (event.name === "test_fn_failure") failedUnder = mutant;
  else if (failedUnder !== mutant) return;
  else if (event.name === "test_start") event.test.mode = "skip";
  else if (event.name === "run_describe_start") event.describeBlock.mode = "skip";
}
module.exports = MutationEnvironment;
module.exports.HookCoverage = HookCoverage;
module.exports.bail = bail;

/**
 * jest's node environment with a bail for mutation testing: once a test fails under a mutant, the
 * rest of that mutant's tests are skipped (the mutant is killed; StrykerJS needs no more). jest has
 * no programmatic bail (jestjs/jest#11766), so StrykerJS otherwise runs every covering test of every
 * killed mutant. The dry run (no active mutant) runs everything, as coverage needs.
 */
const { TestEnvironment } = require("jest-environment-node");

// The outer realm's module state, shared by every suite of a run (StrykerJS runs them in band).
let failedUnder = null;

class MutationEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined) return;
    // A failing test only: a failing beforeAll fails its suite's tests, which must run to report it
    // (skipped, they would read as a surviving mutant).
    if (event.name === "test_fn_failure") failedUnder = mutant;
    else if (event.name === "test_start" && failedUnder === mutant) event.test.mode = "skip";
  }
}
module.exports = MutationEnvironment;

/**
 * Property tests are deterministic under CI (a fixed seed) and random locally; fast-check prints
 * the seed and the counterexample of any failure, so a local find can be replayed.
 * Mutation runs (StrykerJS sets STRYKER_TESTS through scripts/mutation.mjs) rerun the covering
 * properties of every mutant under instrumentation: the fixed seed keeps runs comparable, and a tenth
 * of the runs keeps them affordable (see `runs`).
 */
import fc from "fast-check";

export const MUTATION_RUN = process.env.STRYKER_TESTS !== undefined;
if (process.env.CI || MUTATION_RUN) fc.configureGlobal({ seed: 20261130, ...(MUTATION_RUN ? { numRuns: 10 } : {}) });

/** A property's number of runs: as asked, or a tenth of it (at least two) in a mutation run. */
export const runs = (n: number) => (MUTATION_RUN ? Math.max(2, Math.ceil(n / 10)) : n);

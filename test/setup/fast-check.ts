/**
 * Property tests are deterministic under CI (a fixed seed) and random locally; fast-check prints
 * the seed and the counterexample of any failure, so a local find can be replayed.
 */
import fc from "fast-check";

if (process.env.CI) fc.configureGlobal({ seed: 20261130 });

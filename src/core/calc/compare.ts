/**
 * Every comparison that decides a printed verdict — plan targets, national thresholds, the 2017
 * school rule, class-size standards — goes through here, with one relative tolerance, so that
 * 9/1000×100 = 0.8999999999999999 meets a standard of 0.9 and 0.1 + 0.2 meets 0.3 (domain notes §7.2).
 */
import type { Comparator } from "../values";

/** Relative tolerance for "equal" (domain notes §7.2). */
export const TOLERANCE = 1e-9;

/** a and b are equal up to the relative tolerance. */
export function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** a ≥ b, or equal within the tolerance. */
export function atLeast(a: number, b: number): boolean {
  return a >= b || close(a, b);
}

/** a ≤ b, or equal within the tolerance. */
export function atMost(a: number, b: number): boolean {
  return a <= b || close(a, b);
}

/**
 * `value comparator bound`, strictness respected: ＜0.40 is not met by 0.40 (nor by a value within
 * the tolerance of it), ≤0.45 is met by 0.45000000000000001. `=` and `~` mean equality here.
 */
export function meets(value: number, comparator: Comparator, bound: number): boolean {
  switch (comparator) {
    case "<":
      return value < bound && !close(value, bound);
    case "<=":
      return atMost(value, bound);
    case ">":
      return value > bound && !close(value, bound);
    case ">=":
      return atLeast(value, bound);
    case "=":
    case "~":
      return close(value, bound);
  }
}

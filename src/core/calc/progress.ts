/**
 * Progress against a target over a plan period ("时间过半、任务过半").
 *
 * With B the baseline, T the target, V the actual, b the base year, t_y the target year:
 * - elapsed share τ = (year − b) / (t_y − b), capped at 1 after the target year;
 * - expected value on the straight path E = B + (T − B)·τ;
 * - completion P = (V − B) / (T − B), not clamped (works unchanged when lower is better);
 * - gap: T − V when higher is better, V − T when lower is better (≤ 0 means reached, except that a
 *   strict bound is not reached at equality).
 * Status categories follow the national 14th FYP mid-term review (see docs/domain in shared notes).
 */
import { calcMessages } from "../i18n";
import type { Comparator } from "../values";
import { err, ok, type Calc } from "./errors";

export type Sense = "up" | "down";

export interface Bound {
  value: number;
  comparator: Comparator;
}

export interface Period {
  baseYear: number;
  targetYear: number;
}

export const DEFAULT_PERIOD: Period = { baseYear: 2020, targetYear: 2025 };

/** Rounds to 15 significant digits (Excel's precision), removing binary noise from a quotient. */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}

/**
 * Rounds a sum or difference to 15 significant digits of its operands' magnitude: 1 − 0.998 is
 * 0.002, not 0.0020000000000000018, and 0.935 − 0.9252 is 0.0098.
 */
export function atScale(x: number, scale: number): number {
  if (!Number.isFinite(x) || scale === 0) return x;
  const decimals = 14 - Math.floor(Math.log10(scale));
  return decimals > 0 && decimals <= 100 ? Number(x.toFixed(decimals)) : x;
}

export function difference(a: number, b: number): number {
  return atScale(a - b, Math.max(Math.abs(a), Math.abs(b)));
}

/** Relative tolerance for "equal" so that 0.1 + 0.2 meets a target of 0.3. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function checkPeriod(year: number, period: Period): Calc<Period> {
  if (!Number.isInteger(period.baseYear) || !Number.isInteger(period.targetYear)) {
    return err("num", calcMessages.yearNotInteger());
  }
  if (period.targetYear <= period.baseYear) {
    return err("num", calcMessages.periodOrder(period.baseYear, period.targetYear));
  }
  if (!Number.isFinite(year) || year < period.baseYear) {
    return err("num", calcMessages.yearBeforeBase(year, period.baseYear));
  }
  return ok(period);
}

/** τ, capped at 1 after the target year. Caller has checked the period. */
export function elapsedShare(year: number, period: Period): number {
  return Math.min(1, (year - period.baseYear) / (period.targetYear - period.baseYear));
}

/** Value on the straight path; the target itself from the target year on. */
export function expectedValue(baseline: number, target: number, year: number, period: Period): Calc<number> {
  const checked = checkPeriod(year, period);
  if (!checked.ok) return checked;
  if (year >= period.targetYear) return ok(target);
  if (year === period.baseYear) return ok(baseline);
  return ok(atScale(baseline + difference(target, baseline) * elapsedShare(year, period), Math.max(Math.abs(baseline), Math.abs(target))));
}

/** (V − B)/(T − B); for a maintain target (B = T) 1 when met (V = T), else 0. */
export function completion(baseline: number, actual: number, target: number): number {
  if (nearlyEqual(baseline, target)) return nearlyEqual(actual, target) ? 1 : 0;
  return tidy(difference(actual, baseline) / difference(target, baseline));
}

/** The better direction implied by a bound comparator, if it implies one. */
export function senseOfComparator(comparator: Comparator): Sense | null {
  if (comparator === "<" || comparator === "<=") return "down";
  if (comparator === ">" || comparator === ">=") return "up";
  return null;
}

/** Direction of betterment: the target's bound if it has one, else from baseline to target. */
export function inferSense(baseline: number | null, target: Bound): Sense {
  return senseOfComparator(target.comparator) ?? (baseline !== null && target.value < baseline ? "down" : "up");
}

export function gap(actual: number, target: number, sense: Sense): number {
  return sense === "up" ? difference(target, actual) : difference(actual, target);
}

/**
 * Whether `actual` reaches the target. A bound's comparator and strictness decide (＜0.40 is not
 * reached by 0.40); a plain figure is reached at or beyond it in the better direction; a maintain
 * target (B = T, no bound) only by equality.
 */
export function reached(actual: number, target: Bound, sense: Sense, maintain: boolean): boolean {
  switch (target.comparator) {
    case "<":
      return actual < target.value;
    case "<=":
      return actual <= target.value || nearlyEqual(actual, target.value);
    case ">":
      return actual > target.value;
    case ">=":
      return actual >= target.value || nearlyEqual(actual, target.value);
    default:
      if (nearlyEqual(actual, target.value)) return true;
      if (maintain) return false;
      return sense === "up" ? actual > target.value : actual < target.value;
  }
}

export const STATUSES = ["met", "onTrack", "behind", "regressing", "missed", "noData"] as const;
export type Status = (typeof STATUSES)[number];

export interface StatusInput {
  baseline: Bound;
  /** null: no value yet. */
  actual: number | null;
  target: Bound;
  year: number;
  period: Period;
}

export interface Assessment {
  status: Status;
  expected: number;
  completion: number | null;
  elapsed: number;
  gap: number | null;
  sense: Sense;
}

/**
 * Rules, in order: no actual → noData; target reached → met; year ≥ target year, or a maintain
 * target → missed; completion ≥ elapsed share → onTrack; completion ≥ 0 → behind; else regressing.
 * Bound targets (＜0.42 → ＜0.40) use the bound values as B and T.
 */
export function assess(input: StatusInput): Calc<Assessment> {
  const { baseline, actual, target, year, period } = input;
  const checked = checkPeriod(year, period);
  if (!checked.ok) return checked;
  const sense = inferSense(baseline.value, target);
  const maintain = nearlyEqual(baseline.value, target.value);
  const elapsed = elapsedShare(year, period);
  const expectedResult = expectedValue(baseline.value, target.value, year, period);
  if (!expectedResult.ok) return expectedResult;
  const expected = expectedResult.value;
  if (actual === null) {
    return ok({ status: "noData", expected, completion: null, elapsed, gap: null, sense });
  }
  const done = completion(baseline.value, actual, target.value);
  const distance = gap(actual, target.value, sense);
  const base = { expected, completion: done, elapsed, gap: distance, sense };
  if (reached(actual, target, sense, maintain)) return ok({ status: "met", ...base });
  if (year >= period.targetYear || maintain) return ok({ status: "missed", ...base });
  if (done >= elapsed) return ok({ status: "onTrack", ...base });
  if (done >= 0) return ok({ status: "behind", ...base });
  return ok({ status: "regressing", ...base });
}

/** Open SDG's replacement for zeros in growth rates. */
const PACE_ZERO = 0.001;

/**
 * Pace ratio R = actual CAGR / required CAGR (Open SDG / Statistics Canada method):
 * actual = (V/B)^(1/(year − b)) − 1, required = (T/B)^(1/(t_y − b)) − 1; zeros become 0.001.
 * R ≥ 0.95 on track, 0.60–0.95 needs acceleration, 0–0.60 limited progress, < 0 deterioration.
 */
export function pace(baseline: number, actual: number, target: number, year: number, period: Period): Calc<number> {
  const checked = checkPeriod(year, period);
  if (!checked.ok) return checked;
  if (year === period.baseYear) return err("num", calcMessages.paceAtBaseYear(period.baseYear));
  if (baseline < 0 || actual < 0 || target < 0) return err("num", calcMessages.paceNegative());
  const b = baseline === 0 ? PACE_ZERO : baseline;
  const v = actual === 0 ? PACE_ZERO : actual;
  const t = target === 0 ? PACE_ZERO : target;
  const required = Math.pow(t / b, 1 / (period.targetYear - period.baseYear)) - 1;
  if (required === 0) return err("div0", calcMessages.paceMaintain());
  const actualRate = Math.pow(v / b, 1 / (year - period.baseYear)) - 1;
  return ok(actualRate / required);
}

/**
 * The plan period and exact arithmetic for progress ("时间过半、任务过半"): the elapsed share
 * τ = (year − b) / (t_y − b), capped at 1 after the target year; differences rounded at 15 digits;
 * the Open SDG pace ratio. The verdict rules themselves live in verdict.ts.
 */
import { calcMessages } from "../messages";
import { err, ok, type Calc } from "./errors";

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

export function checkPeriod(year: number, period: Period): Calc<Period> {
  if (!Number.isInteger(period.baseYear) || !Number.isInteger(period.targetYear)) {
    return err("value", calcMessages.yearNotInteger());
  }
  if (period.targetYear <= period.baseYear) {
    return err("value", calcMessages.periodOrder(period.baseYear, period.targetYear));
  }
  if (!Number.isFinite(year) || year < period.baseYear) {
    return err("value", calcMessages.yearBeforeBase(year, period.baseYear));
  }
  return ok(period);
}

/** τ, capped at 1 after the target year. Caller has checked the period. */
export function elapsedShare(year: number, period: Period): number {
  return Math.min(1, (year - period.baseYear) / (period.targetYear - period.baseYear));
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
  if (year === period.baseYear) return err("value", calcMessages.paceAtBaseYear(period.baseYear));
  if (baseline < 0 || actual < 0 || target < 0) return err("value", calcMessages.paceNegative());
  const b = baseline === 0 ? PACE_ZERO : baseline;
  const v = actual === 0 ? PACE_ZERO : actual;
  const t = target === 0 ? PACE_ZERO : target;
  const required = Math.pow(t / b, 1 / (period.targetYear - period.baseYear)) - 1;
  if (required === 0) return err("na", calcMessages.paceMaintain());
  const actualRate = Math.pow(v / b, 1 / (year - period.baseYear)) - 1;
  return ok(actualRate / required);
}

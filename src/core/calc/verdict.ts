/**
 * The verdict rules of domain notes §7, in one place: PLAN.STATUS / PROGRESS / EXPECTED / GAP, the
 * sheet's live columns, the pane, the report and the command line all call `verdict`.
 *
 * 1. No value → noData (an unreadable or rejected value is `invalid`, decided by the caller).
 * 2. Reached (compare.ts tolerance, strictness respected): before the target year reachedEarly,
 *    else reached. Per-year targets must be reached in every year so far.
 * 3. Not reached in or after the target year (a task's own deadline) → missed.
 * 4. Not reached before it: a measured baseline and a figure → completion P = (V − B)/(T − B)
 *    against the elapsed share τ (P ≥ τ onTrack, 0 ≤ P < τ behind, P < 0 regressing); maintain,
 *    per-year targets and bounds the baseline already met → regressing; a baseline that is itself a
 *    bound → behind while within it, regressing outside it.
 * 5. Expected value (序时进度值) E = B + (T − B)·τ only where B is measured and T one figure.
 */
import { calcMessages } from "../messages";
import { type Bilingual } from "../i18n";
import { atScale, checkPeriod, difference, elapsedShare, tidy, type Period } from "./progress";
import { err, ok, type Calc } from "./errors";
import { meets } from "./compare";
import { reaches, targetInterval, type Baseline, type Sense, type Target } from "./target";
import type { Status } from "./status";

export interface VerdictInput {
  /** null: the plan states none (a count from nothing passes a measured 0). */
  baseline: Baseline | null;
  target: Target;
  /** The value for the year; null when there is none. */
  actual: number | null;
  year: number;
  /** Base year and the target's own deadline. */
  period: Period;
  /** Values of earlier years (for per-year targets and the year a target was first reached). */
  earlier?: ReadonlyArray<{ year: number; value: number | null }>;
}

export interface Verdict {
  status: Status;
  /** Completion (V − B)/(T − B); null where the plan defines none (with `why`). */
  completion: number | null;
  /** 序时进度值; null where the plan defines none. */
  expected: number | null;
  /** Distance still to go in the target's units; ≤ 0 when reached (a strict bound at equality: 0, not reached). */
  gap: number | null;
  elapsed: number;
  sense: Sense;
  /** The first year the target was reached (per the values given). */
  firstReached: number | null;
  /** Why completion or the expected value does not exist. */
  why: Bilingual | null;
}

/** The figure a path leads to: the target, or the nearest end of its band or range. */
function pathEnd(target: Target, from: number): number {
  const interval = targetInterval(target);
  if (!interval) return target.value;
  return from < interval.low ? interval.low : from > interval.high ? interval.high : target.value;
}

/** Distance still to go; 0 within a band or range, ≤ 0 beyond a figure or bound in the better direction. */
export function gapTo(actual: number, target: Target): number {
  const interval = targetInterval(target);
  if (interval) {
    if (actual < interval.low) return difference(interval.low, actual);
    if (actual > interval.high) return difference(actual, interval.high);
    return 0;
  }
  const raw = target.sense === "up" ? difference(target.value, actual) : difference(actual, target.value);
  // Within the tolerance the gap is 0 and the target reached; a strict bound at equality stays 0, unreached.
  return reaches(actual, target) ? Math.min(0, raw) : Math.max(0, raw);
}

/**
 * Completion that agrees with `reaches` for one-sided targets (figures, bounds): ≥ 1 exactly when
 * reached, whatever the magnitudes (rounding at 15 digits must not turn a miss into 100 %).
 * Beyond a band or range completion exceeds 1 without reaching it.
 */
function agreeingCompletion(b: number, v: number, target: Target, end: number): number {
  const p = tidy(difference(v, b) / difference(end, b));
  if (targetInterval(target)) return p;
  if (reaches(v, target)) return Math.max(1, p);
  return p >= 1 ? 1 - Number.EPSILON : p;
}

/** The path the plan defines for completion and the expected value, or why there is none. */
export function pathOf(baseline: Baseline | null, target: Target): { from: number; to: number } | { why: Bilingual } {
  if (baseline === null) return { why: calcMessages.noBaseline() };
  if (baseline.bound !== null) return { why: calcMessages.baselineIsBound() };
  if (target.kind === "maintain") return { why: calcMessages.maintainNoPath() };
  if (target.perYear) return { why: calcMessages.perYearNoPath() };
  if (reaches(baseline.value, target)) return { why: calcMessages.baselineMeetsTarget() };
  const to = pathEnd(target, baseline.value);
  if (difference(to, baseline.value) === 0) return { why: calcMessages.maintainNoPath() };
  return { from: baseline.value, to };
}

/** 序时进度值 for a year, or why the plan defines none. */
export function expectedFor(baseline: Baseline | null, target: Target, year: number, period: Period): Calc<number> {
  const checked = checkPeriod(year, period);
  if (!checked.ok) return checked;
  if (target.kind === "maintain") return ok(target.value);
  const path = pathOf(baseline, target);
  if ("why" in path) return err("na", path.why);
  if (year >= period.targetYear) return ok(path.to);
  const { from, to } = path;
  if (year === period.baseYear) return ok(from);
  return ok(atScale(from + difference(to, from) * elapsedShare(year, period), Math.max(Math.abs(from), Math.abs(to))));
}

/** Completion for a value, or why the plan defines none. */
export function completionFor(baseline: Baseline | null, target: Target, actual: number): Calc<number> {
  const path = pathOf(baseline, target);
  if ("why" in path) return err("na", path.why);
  return ok(agreeingCompletion(path.from, actual, target, path.to));
}

export function verdict(input: VerdictInput): Calc<Verdict> {
  const { baseline, target, actual, year, period } = input;
  const checked = checkPeriod(year, period);
  if (!checked.ok) return checked;
  const elapsed = elapsedShare(year, period);
  const path = pathOf(baseline, target);
  const expected = expectedFor(baseline, target, year, period);
  const base = { elapsed, sense: target.sense, expected: expected.ok ? expected.value : null, why: "why" in path ? path.why : null };
  const history = (input.earlier ?? []).filter((e) => e.year < year).sort((a, b) => a.year - b.year);
  const firstReachedIn = (values: ReadonlyArray<{ year: number; value: number | null }>) =>
    values.find((e) => e.value !== null && reaches(e.value, target))?.year ?? null;
  if (actual === null) return ok({ ...base, status: "noData", completion: null, gap: null, firstReached: firstReachedIn(history) });

  const reachedNow = reaches(actual, target);
  const failedBefore = target.perYear && history.some((e) => e.value !== null && !reaches(e.value, target));
  const reached = reachedNow && !failedBefore;
  const completion = "why" in path ? null : agreeingCompletion(path.from, actual, target, path.to);
  const result = { ...base, completion, gap: gapTo(actual, target) };
  const all = [...history, { year, value: actual }];
  if (reached) {
    const first = target.perYear ? (all.find((e) => e.value !== null)?.year ?? year) : (firstReachedIn(all) ?? year);
    return ok({ ...result, status: year < period.targetYear ? "reachedEarly" : "reached", firstReached: first });
  }
  const verdictOf = (status: Status) => ok({ ...result, status, firstReached: firstReachedIn(all) });
  if (year >= period.targetYear) return verdictOf("missed");
  if (target.perYear || target.kind === "maintain") return verdictOf("regressing");
  if (baseline?.bound) return verdictOf(meets(actual, baseline.bound, baseline.value) ? "behind" : "regressing");
  if (completion === null) {
    // Bounds (or ranges) the baseline already met: the aim was to stay there. No baseline: no path to judge.
    return verdictOf(baseline === null ? "behind" : "regressing");
  }
  if (completion >= elapsed) return verdictOf("onTrack");
  return verdictOf(completion >= 0 ? "behind" : "regressing");
}

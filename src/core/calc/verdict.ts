/**
 * The verdict rules of domain notes §7 and its amendments §7a, in one place: PLAN.STATUS / PROGRESS / EXPECTED / GAP, the
 * sheet's live columns, the pane, the report and the command line all call `verdict`.
 *
 * 1. No value → noData (an unreadable or rejected value is `invalid`, decided by the caller).
 * 2. Reached (compare.ts tolerance, strictness respected; beyond a directed band or range counts,
 *    marked exceeded, §7a.1): before the target year reachedEarly, in it reached, after it (a task's
 *    own deadline) reachedLate when the deadline year's value fell short (§7a.4).
 * 3. Duties every year, maintain targets and bounds the baseline already met are never reached early
 *    (§7a.2): per-year duties go invalid (any year so far) → a failed year (regressing, in or after
 *    the target year missed) → a blank year (noData, naming it) → met: onTrack, in the target year reached.
 * 4. Not reached in or after the target year → missed. Before it: a measured baseline and a figure →
 *    completion P = (V − B)/(T − B) against the elapsed share τ (P ≥ τ onTrack, 0 ≤ P < τ behind,
 *    P < 0 regressing); a hold target slipping out → regressing; a baseline that is itself a bound →
 *    behind while within it, regressing outside it.
 * 5. Expected value (序时进度值) E = B + (T − B)·τ only where B is measured and T one figure.
 */
import { calcMessages } from "../messages";
import { type Bilingual } from "../i18n";
import { atScale, checkPeriod, difference, elapsedShare, tidy, type Period } from "./progress";
import { err, ok, type Calc } from "./errors";
import { meets } from "./compare";
import { exceeds, reaches, targetInterval, type Baseline, type Sense, type Target } from "./target";
import { isReached, type Status } from "./status";

export interface VerdictInput {
  /** null: the plan states none (a count from nothing passes a measured 0). */
  baseline: Baseline | null;
  target: Target;
  /** The value for the year; null when there is none. */
  actual: number | null;
  year: number;
  /** Base year and the target's own deadline. */
  period: Period;
  /**
   * Earlier years (what a task had achieved by each): per-year duties judge every one; figure targets
   * read the unbroken run that ended in a reach and the value in the deadline year. "invalid": the data
   * check rejected that year's value.
   */
  earlier?: ReadonlyArray<YearValue>;
}

export interface YearValue {
  year: number;
  value: number | null | "invalid";
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
  /** The first year of the unbroken run of reached years that ends in this one (figure targets only). */
  firstReached: number | null;
  /** Reached beyond a directed band's far edge: more than planned (超额, §7a.1). */
  exceeded: boolean;
  /** A per-year duty: the first year so far left blank, which makes it 无数据. */
  blankYear: number | null;
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
    // Beyond a directed band's far edge is more than planned: a negative gap, as beyond a figure.
    const sign = (farSide: Sense) => (target.directed && target.sense === farSide ? -1 : 1);
    if (actual < interval.low) return sign("down") * difference(interval.low, actual);
    if (actual > interval.high) return sign("up") * difference(actual, interval.high);
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
  if (targetInterval(target) && !target.directed) return p;
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

/** Whether the aim is to stay where the row already is: a duty every year, a level to maintain, a bound met at the start. */
export function isHold(baseline: Baseline | null, target: Target): boolean {
  return target.perYear || target.kind === "maintain" || (baseline !== null && baseline.bound === null && reaches(baseline.value, target));
}

/**
 * The first year of the unbroken run of years, ending with the last one given, in which the target
 * was reached (domain notes §7a.3). A blank, invalid or missing year breaks the run: holding the
 * target through it was never shown.
 */
export function runStart(all: ReadonlyArray<YearValue>, target: Target): number | null {
  let start: number | null = null;
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i]!;
    if (typeof e.value !== "number" || !reaches(e.value, target)) break;
    if (start !== null && e.year !== start - 1) break;
    start = e.year;
  }
  return start;
}

export function verdict(input: VerdictInput): Calc<Verdict> {
  const { baseline, target, actual, year, period } = input;
  const checked = checkPeriod(year, period);
  if (!checked.ok) return checked;
  const elapsed = elapsedShare(year, period);
  const path = pathOf(baseline, target);
  const expected = expectedFor(baseline, target, year, period);
  const base = { elapsed, sense: target.sense, expected: expected.ok ? expected.value : null, why: "why" in path ? path.why : null, blankYear: null };
  const history = (input.earlier ?? []).filter((e) => e.year < year).sort((a, b) => a.year - b.year);
  const all: YearValue[] = [...history, { year, value: actual }];
  const due = year >= period.targetYear;
  const completion = actual === null || "why" in path ? null : agreeingCompletion(path.from, actual, target, path.to);
  const measured = actual === null ? { completion: null, gap: null } : { completion, gap: gapTo(actual, target) };
  const result = (status: Status, extra: Partial<Verdict> = {}) =>
    ok<Verdict>({ ...base, ...measured, status, firstReached: null, exceeded: actual !== null && isReached(status) && exceeds(actual, target), ...extra });

  // A duty every year (§7a.2): invalid in any year so far, then a year that failed, then a year left blank;
  // met every year is on track before the target year and reached in it, never reached early.
  if (target.perYear) {
    if (all.some((e) => e.value === "invalid")) return result("invalid");
    if (all.some((e) => typeof e.value === "number" && !reaches(e.value, target))) return result(due ? "missed" : "regressing");
    const blank = all.find((e) => e.value === null);
    if (blank) return result("noData", { blankYear: blank.year });
    return result(due ? "reached" : "onTrack");
  }
  if (actual === null) return result("noData");
  if (isHold(baseline, target)) {
    // Maintain targets and bounds met at the start: holding is on track, slipping out regresses (§7a.2).
    if (reaches(actual, target)) return result(due ? "reached" : "onTrack");
    return result(due ? "missed" : "regressing");
  }
  if (reaches(actual, target)) {
    const firstReached = runStart(all, target) ?? year;
    if (!due) return result("reachedEarly", { firstReached });
    // Past the deadline, a value recorded for the deadline year that fell short makes it late (§7a.4);
    // in the deadline year itself that value is this one, which reached it.
    const atDeadline = all.find((e) => e.year === period.targetYear)?.value;
    const late = typeof atDeadline === "number" && !reaches(atDeadline, target);
    return result(late ? "reachedLate" : "reached", { firstReached });
  }
  if (due) return result("missed");
  if (baseline?.bound) return result(meets(actual, baseline.bound, baseline.value) ? "behind" : "regressing");
  // No baseline: no path to judge by.
  if (completion === null) return result("behind");
  if (completion >= elapsed) return result("onTrack");
  return result(completion >= 0 ? "behind" : "regressing");
}

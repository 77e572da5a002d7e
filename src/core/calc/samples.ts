/**
 * Turning what a spreadsheet hands over (scalars, rows, columns, 2D blocks, text, blanks, errors)
 * into validated numbers and samples — or a specific CalcError naming the argument and the fix.
 *
 * Blank rule: a blank value skips its whole row (value and weight) on purpose, so that a range may
 * run past the last school. A present value with a blank weight is an error, never a skip.
 */
import { calcMessages } from "../messages";
import { isBlank, readValue, type PlanValue } from "../values";
import { err, ok, type Calc } from "./errors";
import {
  coefficientOfVariation,
  gini,
  mcloone,
  rangeRatio,
  selectQuantile,
  theil,
  verstegen,
  weightedMean,
  type Sample,
} from "./equity";

/** A scalar, a row, a column or a 2D block, flattened row by row. */
export function flatten(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  const out: unknown[] = [];
  for (const row of range) {
    if (Array.isArray(row)) for (const cell of row) out.push(cell);
    else out.push(row);
  }
  return out;
}

export { isBlank };

/** One argument as a plan-style value (text such as `＜0.40` or `19.62:1` accepted). */
export function readArg(arg: unknown, name: string, position?: number): Calc<PlanValue> {
  const read = readValue(arg);
  if (read.ok) return ok(read.value);
  return err("value", calcMessages.badArgument(name, position, read.error.message));
}

export function readNumber(arg: unknown, name: string): Calc<number> {
  const read = readArg(arg, name);
  return read.ok ? ok(read.value.value) : read;
}

/** Optional number: blank or omitted gives the fallback. */
export function readOptionalNumber(arg: unknown, name: string, fallback: number): Calc<number> {
  return isBlank(arg) ? ok(fallback) : readNumber(arg, name);
}

/** Values (and optional weights) as a validated sample; see the blank rule above. */
export function readSample(
  values: unknown,
  weights: unknown,
  names: { values: string; weights: string },
  /** Only rows whose group cell equals `key` (e.g. the stage column and "小学"); no array formula needed. */
  filter?: { groups: unknown; key: string },
): Calc<Sample> {
  const xs = flatten(values);
  // Omitted means unweighted; a given but empty weights range is an error per row, never unweighted.
  const ws = weights === null || weights === undefined ? null : flatten(weights);
  if (ws !== null && ws.length !== xs.length) {
    return err("value", calcMessages.sizeMismatch(names.values, xs.length, names.weights, ws.length));
  }
  const gs = filter ? flatten(filter.groups) : null;
  if (gs !== null && gs.length !== xs.length) return err("value", calcMessages.sizeMismatch(names.values, xs.length, "groups", gs.length));
  const key = filter?.key.trim();
  const outX = new Float64Array(xs.length);
  const outW = new Float64Array(xs.length);
  let n = 0;
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    if (gs !== null && String(gs[i] ?? "").trim() !== key) continue;
    const cell = xs[i];
    let x: number;
    // Numbers are the common case: skip the text reader for them (a 100,000-row range stays fast).
    if (typeof cell === "number" && Number.isFinite(cell)) x = cell;
    else {
      if (isBlank(cell)) continue;
      const read = readArg(cell, names.values, i + 1);
      if (!read.ok) return read;
      x = read.value.value;
    }
    let w = 1;
    if (ws !== null) {
      const wcell = ws[i];
      if (typeof wcell === "number" && Number.isFinite(wcell)) w = wcell;
      else {
        if (isBlank(wcell)) return err("value", calcMessages.missingWeight(names.weights, i + 1));
        const read = readArg(wcell, names.weights, i + 1);
        if (!read.ok) return read;
        w = read.value.value;
      }
      if (w < 0) return err("value", calcMessages.negativeWeight(names.weights, i + 1, w));
    }
    outX[n] = x;
    outW[n] = w;
    total += w;
    n++;
  }
  if (n === 0) return err("na", calcMessages.emptyRange(names.values));
  if (total === 0) return err("div0", calcMessages.zeroWeights(names.weights));
  return ok({ values: outX.subarray(0, n), weights: outW.subarray(0, n) });
}

export type MeasureName = "cv" | "gini" | "theil" | "mcloone" | "verstegen" | "rangeRatio";

const MEASURES: Record<MeasureName, (s: Sample) => number> = {
  cv: coefficientOfVariation,
  gini,
  theil,
  mcloone,
  verstegen,
  rangeRatio,
};

/** Checks a measure's preconditions on a valid sample, then computes it. */
export function measure(name: MeasureName, sample: Sample, valuesName: string): Calc<number> {
  const { values } = sample;
  if (name !== "cv") {
    for (let i = 0; i < values.length; i++) {
      if (values[i]! < 0) return err("value", calcMessages.negativeValue(valuesName, values[i]!));
    }
  }
  if (name === "cv" || name === "gini" || name === "theil") {
    const mean = weightedMean(sample);
    if (mean === 0) return err("div0", calcMessages.zeroMean(valuesName));
    if (mean < 0) return err("value", calcMessages.negativeMean(valuesName));
  } else {
    const reference = selectQuantile(sample, name === "rangeRatio" ? 0.05 : 0.5);
    if (reference === 0) {
      return err("div0", name === "rangeRatio" ? calcMessages.zeroP5(valuesName) : calcMessages.zeroMedian(valuesName));
    }
  }
  return ok(MEASURES[name](sample));
}

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
import { coefficientOfVariation, gini, medianRatio, selectQuantileInPlace, selectTwoInPlace, theil, weightedMean, type Sample } from "./equity";

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

/** A range's shape: a scalar, a row or column (1D), or a 2D block read row by row. */
interface Grid {
  n: number;
  cols: number;
  rows: unknown[][] | null;
  flat: unknown[] | null;
  scalar: unknown;
}

/**
 * `trusted`: take the block as rectangular from its first row, as Excel hands blocks over (the
 * reader checks each row as it goes and starts again untrusted when one is ragged).
 */
function grid(range: unknown, trusted = true): Grid {
  if (!Array.isArray(range)) return { n: 1, cols: 1, rows: null, flat: null, scalar: range };
  if (range.length > 0 && Array.isArray(range[0])) {
    const rows = range as unknown[][];
    const cols = rows[0]!.length;
    let rectangular = true;
    if (!trusted) for (let r = 0; r < rows.length && rectangular; r++) rectangular = Array.isArray(rows[r]) && rows[r]!.length === cols;
    if (rectangular) return { n: rows.length * cols, cols, rows, flat: null, scalar: undefined };
  }
  return { n: flatten(range).length, cols: 1, rows: null, flat: flatten(range), scalar: undefined };
}

const cellOf = (g: Grid, i: number): unknown => (g.rows ? g.rows[(i / g.cols) | 0]![i % g.cols] : g.flat ? g.flat[i] : g.scalar);

// Reused buffers: a 100,000-row range allocates nothing per call once they have grown (issue 12).
// A sample returned by readSample is a view into them, valid until the next readSample.
let bufferX = new Float64Array(1024);
let bufferW = new Float64Array(1024);
function buffers(n: number): void {
  if (bufferX.length >= n) return;
  const size = Math.max(n, bufferX.length * 2);
  bufferX = new Float64Array(size);
  bufferW = new Float64Array(size);
}

/**
 * The hot path: plain numbers (and blanks) in same-shaped blocks, read with no call per cell. Gives
 * up (null) at the first cell that needs the full reader — text, an error, a blank weight, a negative
 * weight — so that every message stays exactly the reader's.
 */
function readNumbers(rowsX: unknown[][], rowsW: unknown[][] | null, cols: number): { n: number; total: number; sum: number; min: number } | null {
  const outX = bufferX;
  const outW = bufferW;
  let n = 0;
  let total = 0;
  let sum = 0;
  let min = Infinity;
  for (let r = 0; r < rowsX.length; r++) {
    const rx = rowsX[r]!;
    const rw = rowsW === null ? null : rowsW[r]!;
    if (!Array.isArray(rx) || rx.length !== cols || (rw !== null && (!Array.isArray(rw) || rw.length !== cols))) return null;
    for (let c = 0; c < cols; c++) {
      const x = rx[c];
      if (typeof x !== "number") {
        if (x === "" || x === null || x === undefined) continue;
        return null;
      }
      let w = 1;
      if (rw !== null) {
        const wc = rw[c];
        if (typeof wc !== "number" || !(wc >= 0) || wc === Infinity) return null;
        w = wc;
      }
      if (x - x !== 0) return null; // NaN or ±Infinity
      outX[n] = x;
      outW[n] = w;
      total += w;
      sum += w * x;
      if (x < min) min = x;
      n++;
    }
  }
  return { n, total, sum, min };
}

/**
 * How many samples each reader produced: the hot path is what keeps a 100,000-row range fast (issue
 * 12), and both readers give the same sample, so only this count shows which one ran (tests read it).
 */
export const readerRuns = { fast: 0, general: 0 };

/**
 * Values (and optional weights) as a validated sample, read in one pass straight from the 2D arrays
 * Excel passes, into reused buffers; see the blank rule above. Errors name the item in row order.
 */
export function readSample(
  values: unknown,
  weights: unknown,
  names: { values: string; weights: string },
  /** Only rows whose group cell equals `key` (e.g. the stage column and "小学"); no array formula needed. */
  filter?: { groups: unknown; key: string },
): Calc<Sample> {
  let xs = grid(values);
  // Omitted means unweighted; a given but empty weights range is an error per row, never unweighted.
  let ws = weights === null || weights === undefined ? null : grid(weights);
  let gs = filter ? grid(filter.groups) : null;
  if ((ws !== null && ws.n !== xs.n) || (gs !== null && gs.n !== xs.n)) {
    // Sizes taken from first rows can mislead only for ragged blocks: count them cell by cell.
    xs = grid(values, false);
    ws = ws === null ? null : grid(weights, false);
    gs = gs === null ? null : grid(filter!.groups, false);
  }
  if (ws !== null && ws.n !== xs.n) return err("value", calcMessages.sizeMismatch(names.values, xs.n, names.weights, ws.n));
  if (gs !== null && gs.n !== xs.n) return err("value", calcMessages.sizeMismatch(names.values, xs.n, "groups", gs.n));
  const key = filter?.key.trim();
  buffers(xs.n);
  if (xs.rows !== null && gs === null && (ws === null || (ws.rows !== null && ws.cols === xs.cols))) {
    const fast = readNumbers(xs.rows, ws?.rows ?? null, xs.cols);
    if (fast) {
      readerRuns.fast++;
      if (fast.n === 0) return err("na", calcMessages.emptyRange(names.values));
      if (fast.total === 0) return err("div0", calcMessages.zeroWeights(names.weights));
      return ok({ values: bufferX.subarray(0, fast.n), weights: bufferW.subarray(0, fast.n), min: fast.min, mean: fast.sum / fast.total });
    }
  }
  // The general reader: ragged blocks, text, errors, groups — every cell through readArg's messages.
  readerRuns.general++;
  return readGeneral(grid(values, false), ws === null ? null : grid(weights, false), gs === null ? null : grid(filter!.groups, false), key, names);
}

function readGeneral(xs: Grid, ws: Grid | null, gs: Grid | null, key: string | undefined, names: { values: string; weights: string }): Calc<Sample> {
  buffers(xs.n);
  const outX = bufferX;
  const outW = bufferW;
  let n = 0;
  let total = 0;
  let min = Infinity;
  for (let i = 0; i < xs.n; i++) {
    if (gs !== null && String(cellOf(gs, i) ?? "").trim() !== key) continue;
    const cell = cellOf(xs, i);
    let x: number;
    if (typeof cell === "number" && Number.isFinite(cell)) x = cell;
    else {
      if (isBlank(cell)) continue;
      const read = readArg(cell, names.values, i + 1);
      if (!read.ok) return read;
      x = read.value.value;
    }
    let w = 1;
    if (ws !== null) {
      const wcell = cellOf(ws, i);
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
    if (x < min) min = x;
    n++;
  }
  if (n === 0) return err("na", calcMessages.emptyRange(names.values));
  if (total === 0) return err("div0", calcMessages.zeroWeights(names.weights));
  return ok({ values: outX.subarray(0, n), weights: outW.subarray(0, n), min });
}

export type MeasureName = "cv" | "gini" | "theil" | "mcloone" | "verstegen" | "rangeRatio";

/**
 * Checks a measure's preconditions on a valid sample, then computes it, in as few passes as the
 * measure allows: the minimum comes from reading, the median or percentiles are selected once, in
 * place (a sample from readSample is a scratch buffer; others are copied first).
 */
export function measure(name: MeasureName, sample: Sample, valuesName: string): Calc<number> {
  const { values } = sample;
  let min = sample.min;
  if (min === undefined) {
    min = Infinity;
    for (let i = 0; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  }
  if (name !== "cv" && min < 0) {
    let first = 0;
    while (values[first]! >= 0) first++;
    return err("value", calcMessages.negativeValue(valuesName, values[first]!));
  }
  if (name === "cv" || name === "gini" || name === "theil") {
    const mean = sample.mean ?? weightedMean(sample);
    if (mean === 0) return err("div0", calcMessages.zeroMean(valuesName));
    if (mean < 0) return err("value", calcMessages.negativeMean(valuesName));
    return ok(name === "cv" ? coefficientOfVariation(sample, mean) : name === "gini" ? gini(sample) : theil(sample, mean));
  }
  const scratch = sample.min === undefined ? { values: Float64Array.from(values), weights: Float64Array.from(sample.weights) } : sample;
  if (name === "rangeRatio") {
    // Both percentiles by selection in place; the second starts where the first stopped.
    const [p5, p95] = selectTwoInPlace(scratch, 0.05, 0.95);
    if (p5 === 0) return err("div0", calcMessages.zeroP5(valuesName));
    return ok((p95 - p5) / p5);
  }
  const m = selectQuantileInPlace(scratch, 0.5);
  if (m === 0) return err("div0", calcMessages.zeroMedian(valuesName));
  return ok(medianRatio(scratch, m, name === "mcloone" ? -1 : 1));
}

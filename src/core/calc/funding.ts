/**
 * Year-over-year funding checks (domain notes §8): 三个增长, 两个只增不减, teachers' pay. One rule set
 * behind the PLAN growth functions, the funding sheet's live columns, the report and the CLI.
 *
 * A cell reads as a figure (a finite number ≥ 0), blank, or invalid (text, a logical, an error, a
 * negative amount). Invalid data decides first: a check never reads 落实 from a cell it could not read.
 */
import type { Bilingual } from "../i18n";
import { isBlank } from "../values";
import { atLeast, close } from "./compare";
import { err, ok, type Calc } from "./errors";
import { calcMessages } from "../messages";

export type FundingVerdict = "met" | "notMet" | "noData" | "invalid";

export const FUNDING_VERDICTS: readonly FundingVerdict[] = ["met", "notMet", "noData", "invalid"];

export const FUNDING_LABELS: Record<FundingVerdict, Bilingual> = {
  met: { zh: "落实", en: "Met" },
  notMet: { zh: "未落实", en: "Not met" },
  noData: { zh: "无数据", en: "No data" },
  invalid: { zh: "数据有误", en: "Invalid data" },
};

export const FUNDING_COLORS: Record<FundingVerdict, { fill: string; font: string }> = {
  met: { fill: "#C6EFCE", font: "#006100" },
  notMet: { fill: "#FFC7CE", font: "#9C0006" },
  noData: { fill: "#EDEDED", font: "#595959" },
  invalid: { fill: "#F4B084", font: "#7F2704" },
};

export type Reading = number | null | "invalid";

export function readFigure(cell: unknown): Reading {
  if (isBlank(cell)) return null;
  return typeof cell === "number" && Number.isFinite(cell) && cell >= 0 ? cell : "invalid";
}

/** Growth from one year to the next (0.05 = +5 %); null where it is not defined (a blank, a zero before). */
export function growthRate(previous: Reading, current: Reading): number | null {
  if (typeof previous !== "number" || typeof current !== "number" || previous === 0) return null;
  return current / previous - 1;
}

/** The worst of several verdicts: invalid data, then not met, then no data; none at all is no data. */
export function combine(verdicts: readonly FundingVerdict[]): FundingVerdict {
  if (!verdicts.length) return "noData";
  for (const v of ["invalid", "notMet", "noData"] as const) if (verdicts.includes(v)) return v;
  return "met";
}

/** One step of one series: strictly higher (grows), or not lower (never falls), with the tolerance. */
export function stepVerdict(previous: Reading, current: Reading, strict: boolean): FundingVerdict {
  if (previous === "invalid" || current === "invalid") return "invalid";
  if (previous === null || current === null) return "noData";
  const ok = strict ? current > previous && !close(current, previous) : atLeast(current, previous);
  return ok ? "met" : "notMet";
}

/** A series has no students in both years of a step: nothing to check for that stage. */
const absent = (counts: Reading[] | undefined, i: number) =>
  counts !== undefined && (counts[i - 1] === null || counts[i - 1] === 0) && (counts[i] === null || counts[i] === 0);

/**
 * Every series rises (strict) or does not fall from position i−1 to i. A stage with no students in
 * either year (its count blank or 0) and no figures is left out; a stage with students and a missing
 * figure is no data, never a pass.
 */
export function risesAt(series: readonly Reading[][], i: number, strict: boolean, counts?: readonly Reading[][]): FundingVerdict {
  if (i < 1) return "noData";
  const steps: FundingVerdict[] = [];
  series.forEach((s, k) => {
    if (s[i - 1] === null && s[i] === null && absent(counts?.[k], i)) return;
    steps.push(stepVerdict(s[i - 1] ?? null, s[i] ?? null, strict));
  });
  return combine(steps);
}

/** Growth of `a` above growth of `b` from position i−1 to i (appropriations against regular revenue). */
export function fasterAt(a: readonly Reading[], b: readonly Reading[], i: number): FundingVerdict {
  if (i < 1) return "noData";
  const cells = [a[i - 1], a[i], b[i - 1], b[i]];
  if (cells.includes("invalid")) return "invalid";
  const ga = growthRate(a[i - 1] ?? null, a[i] ?? null);
  const gb = growthRate(b[i - 1] ?? null, b[i] ?? null);
  if (ga === null || gb === null) return "noData";
  return ga > gb && !close(ga, gb) ? "met" : "notMet";
}

/** A level at least another (teachers' average pay against civil servants'). */
export function notBelow(value: Reading, reference: Reading): FundingVerdict {
  if (value === "invalid" || reference === "invalid") return "invalid";
  if (value === null || reference === null) return "noData";
  return atLeast(value, reference) ? "met" : "notMet";
}

/**
 * Steps worth judging over a whole series: from the first position with any figure to the last,
 * so years not reported yet (or before the records start) are not "no data", but a hole is.
 */
export function stepsWithData(series: readonly Reading[][]): number[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  const has = (i: number) => series.some((s) => s[i] !== null && s[i] !== undefined);
  let first = -1;
  let last = -1;
  for (let i = 0; i < length; i++) {
    if (!has(i)) continue;
    if (first < 0) first = i;
    last = i;
  }
  const steps: number[] = [];
  for (let i = first + 1; first >= 0 && i <= last; i++) steps.push(i);
  return steps;
}

/**
 * Series as PLAN functions receive them: a single row (1 × n) runs across the years; any other range
 * runs down, one series per column.
 */
export function readSeries(range: unknown, name: string): Calc<{ series: Reading[][]; raw: unknown[][]; across: boolean }> {
  const rows: unknown[][] = Array.isArray(range) ? (range as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[range]];
  const across = rows.length === 1 && (rows[0]?.length ?? 0) > 1;
  const cols = across ? 1 : Math.max(0, ...rows.map((r) => r.length));
  const raw: unknown[][] = across ? [rows[0]!] : Array.from({ length: cols }, (_, c) => rows.map((r) => r[c] ?? null));
  if (!raw.length || !raw[0]!.length) return err("value", calcMessages.oneSeries(name));
  return ok({ series: raw.map((s) => s.map(readFigure)), raw, across });
}

function readPosition(arg: unknown, n: number): Calc<number | null> {
  const cell = Array.isArray(arg) ? (arg as unknown[][])[0]?.[0] : arg;
  if (isBlank(cell)) return ok(null);
  if (typeof cell !== "number" || !Number.isInteger(cell) || cell < 1 || cell > n) return err("value", calcMessages.position(String(cell), n));
  return ok(cell - 1);
}

/** Growth at a position (a number, or "" where a figure is blank), or the whole series' growths. */
export function growthCall(values: unknown, position: unknown): Calc<number | string | (number | string)[][]> {
  const read = readSeries(values, "values");
  if (!read.ok) return read;
  const { series, raw, across } = read.value;
  const bad = series.flatMap((s, k) => s.map((r, i) => ({ r, i, k }))).find((x) => x.r === "invalid");
  if (bad) return err("value", calcMessages.notFigure("values", bad.i + 1, String(raw[bad.k]![bad.i])));
  const n = series[0]!.length;
  const at = readPosition(position, n);
  if (!at.ok) return at;
  const i = at.value;
  if (i !== null) {
    if (series.length > 1) return err("value", calcMessages.oneSeries("values"));
    const s = series[0]!;
    if (i === 0 || s[i] === null || s[i - 1] === null) return ok("");
    if (s[i - 1] === 0) return err("div0", calcMessages.growthFromZero(i + 1));
    return ok(growthRate(s[i - 1]!, s[i]!)!);
  }
  const growths = series.map((s) => s.map((_, j) => (j === 0 ? "" : (growthRate(s[j - 1]!, s[j]!) ?? ""))));
  // Back to the shape Excel gave: across a row, or down one column per series.
  return ok(across ? growths : Array.from({ length: n }, (_, j) => growths.map((g) => g[j]!)));
}

/** Every series grows (strict) or never falls, at a position or over the years with data. */
export function risesCall(values: unknown, position: unknown, counts: unknown, strict: boolean): Calc<FundingVerdict | ""> {
  const read = readSeries(values, "values");
  if (!read.ok) return read;
  const { series } = read.value;
  let countSeries: Reading[][] | undefined;
  if (!isBlank(Array.isArray(counts) ? (counts as unknown[][])[0]?.[0] : counts) || (Array.isArray(counts) && (counts as unknown[][]).length > 1)) {
    const c = readSeries(counts, "counts");
    if (!c.ok) return c;
    if (c.value.series.length !== series.length || c.value.series[0]!.length !== series[0]!.length) return err("value", calcMessages.countsShape());
    countSeries = c.value.series;
  }
  const at = readPosition(position, series[0]!.length);
  if (!at.ok) return at;
  if (at.value === 0) return ok("");
  if (at.value !== null) return ok(risesAt(series, at.value, strict, countSeries));
  return ok(combine(stepsWithData(series).map((i) => risesAt(series, i, strict, countSeries))));
}

/** One series grows faster than another, at a position or in every year with data. */
export function fasterCall(values: unknown, reference: unknown, position: unknown): Calc<FundingVerdict | ""> {
  const a = readSeries(values, "values");
  if (!a.ok) return a;
  const b = readSeries(reference, "reference");
  if (!b.ok) return b;
  if (a.value.series.length > 1) return err("value", calcMessages.oneSeries("values"));
  if (b.value.series.length > 1) return err("value", calcMessages.oneSeries("reference"));
  const sa = a.value.series[0]!;
  const sb = b.value.series[0]!;
  if (sa.length !== sb.length) return err("value", calcMessages.sameLength(sa.length, sb.length));
  const at = readPosition(position, sa.length);
  if (!at.ok) return at;
  if (at.value === 0) return ok("");
  if (at.value !== null) return ok(fasterAt(sa, sb, at.value));
  return ok(combine(stepsWithData([sa, sb]).map((i) => fasterAt(sa, sb, i))));
}

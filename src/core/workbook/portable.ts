/**
 * The portable formula dialect: the template's live columns written with built-in functions only
 * (arithmetic, IF, AND/OR, INDEX/MATCH, SUMPRODUCT, COUNTIF …; nothing newer than Excel 2010, no
 * LET, IFS or dynamic arrays), so a workbook stays live in WPS, LibreOffice and Excel 2016 without
 * the add-in. The rules are the core's (calc/verdict.ts, target.ts, compare.ts, funding.ts,
 * balance.ts, equity.ts): this module only spells them in a spreadsheet's words.
 *
 * What the plan fixes for a row (the kind of target, its figures, the unit, the basis, the
 * deadline) is read here by the core's own parsers and written into the row's formula as constants;
 * what a planner types (the yearly values, the band, the monitoring year) is referenced. Every
 * comparison keeps the core's relative tolerance (1E-9) and strictness. Excel's AND and OR evaluate
 * every argument, so anything that may meet text or a blank is guarded by IF, which does not.
 */
import { DEFAULT_BAND, directionFromText, readBaseline, readTarget, type Baseline, type Sense, type Target } from "../calc/target";
import { TOLERANCE, meets } from "../calc/compare";
import { difference } from "../calc/progress";
import type { Basis } from "../calc/achieved";
import { STATUS_LABELS, type Status } from "../calc/status";
import { MILESTONE_STATE_LABELS } from "../calc/milestone";
import { BALANCE_FLOOR, BALANCE_STANDARDS, type BalanceStage } from "../calc/balance";
import { FUNDING_LABELS, type FundingVerdict } from "../calc/funding";
import { isBlank } from "../values";
import type { Language } from "../i18n";
import type { Cell, WorkbookSnapshot } from "./model";

export type FormulaDialect = "plan" | "portable";
export const FORMULA_DIALECTS: readonly FormulaDialect[] = ["plan", "portable"];

/**
 * The dialect a workbook's live columns are written in: PLAN.* where any template table's formula
 * calls it, built-in functions where they have formulas without it, PLAN.* for a workbook with none.
 */
export function workbookDialect(snapshot: WorkbookSnapshot): FormulaDialect {
  let formulas = 0;
  for (const table of Object.values(snapshot.tables)) {
    for (const row of table?.formulas ?? []) {
      for (const cell of row) {
        if (typeof cell !== "string" || !cell.startsWith("=")) continue;
        if (/\bPLAN\./i.test(cell)) return "plan";
        formulas++;
      }
    }
  }
  return formulas ? "portable" : "plan";
}

/** A number, or an Excel expression (always self-contained: compound ones are parenthesised). */
type Num = number | string;
/** A truth value known now, or an Excel expression. */
export type Bool = boolean | string;

/** An Excel number literal (15 significant digits at most, as Excel stores them). */
export function lit(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const s = String(Number(x.toPrecision(15))).toUpperCase();
  return x < 0 ? `(${s})` : s;
}
export const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const ex = (n: Num): string => (typeof n === "number" ? lit(n) : n);
const TOL = String(TOLERANCE).toUpperCase();

const abs = (n: Num): Num => (typeof n === "number" ? Math.abs(n) : `ABS(${n})`);
// A difference of two figures the plan fixes is taken as the core takes it (no binary noise: 0.94 − 0.9252 is 0.0148).
const sub = (a: Num, b: Num): Num => (typeof a === "number" && typeof b === "number" ? difference(a, b) : `(${ex(a)}-${ex(b)})`);
const mul = (a: Num, b: Num): Num => (typeof a === "number" && typeof b === "number" ? a * b : a === 1 ? b : b === 1 ? a : `(${ex(a)}*${ex(b)})`);
/** The tolerance's scale: the larger magnitude of the two sides. */
const scale = (a: Num, b: Num): Num => {
  const [x, y] = [abs(a), abs(b)];
  return typeof x === "number" && typeof y === "number" ? Math.max(x, y) : `MAX(${ex(x)},${ex(y)})`;
};
const slack = (a: Num, b: Num): string => `${TOL}*${ex(scale(a, b))}`;

/** `a comparator b` as compare.ts decides it: equal within the relative tolerance, strictness kept. */
function cmp(a: Num, comparator: "<" | "<=" | ">" | ">=", b: Num): Bool {
  if (typeof a === "number" && typeof b === "number") return meets(a, comparator, b);
  switch (comparator) {
    case ">=":
      return `${ex(a)}>=${ex(b)}-${slack(a, b)}`;
    case "<=":
      return `${ex(a)}<=${ex(b)}+${slack(a, b)}`;
    case ">":
      return `${ex(a)}>${ex(b)}+${slack(a, b)}`;
    case "<":
      return `${ex(a)}<${ex(b)}-${slack(a, b)}`;
  }
}

const not = (b: Bool): Bool => (typeof b === "boolean" ? !b : `NOT(${b})`);
function all(...items: Bool[]): Bool {
  if (items.some((i) => i === false)) return false;
  const open = items.filter((i): i is string => typeof i === "string");
  return open.length === 0 ? true : open.length === 1 ? open[0]! : `AND(${open.join(",")})`;
}
export function anyOf(...items: Bool[]): Bool {
  if (items.some((i) => i === true)) return true;
  const open = items.filter((i): i is string => typeof i === "string");
  return open.length === 0 ? false : open.length === 1 ? open[0]! : `OR(${open.join(",")})`;
}
/** A truth value as an Excel expression. */
export const truth = (b: Bool): string => (typeof b === "boolean" ? (b ? "TRUE" : "FALSE") : b);
/** `a < b` and `a > b` exactly (pathEnd and gapTo compare without the tolerance), folded where known. */
const below = (a: Num, b: Num): Bool => (typeof a === "number" && typeof b === "number" ? a < b : `${ex(a)}<${ex(b)}`);
const above = (a: Num, b: Num): Bool => (typeof a === "number" && typeof b === "number" ? a > b : `${ex(a)}>${ex(b)}`);
/** IF over numbers, folded where the condition is known now. */
function pick(c: Bool, yes: Num, no: Num): Num {
  if (c === true) return yes;
  if (c === false) return no;
  return yes === no ? yes : `IF(${c},${ex(yes)},${ex(no)})`;
}
/** IF, folded where the condition is known now. */
function iff(c: Bool, yes: string, no: string): string {
  if (c === true) return yes;
  if (c === false) return no;
  return yes === no ? yes : `IF(${c},${yes},${no})`;
}

/** A cell the data check rejects under its unit: text, a negative, a percent past 100 % (150 % gross). */
export function rejected(cell: string, percentMax: number | null): string {
  const beyond = percentMax === null ? "" : `,${cell}>${lit(percentMax)}`;
  return `AND(${cell}<>"",OR(NOT(ISNUMBER(${cell})),${cell}<0${beyond}))`;
}

// ---------------------------------------------------------------------------------------------
// Targets

/** A target with what a row fixes resolved: its edges may still read the band cell. */
interface TargetForm {
  target: Target;
  sense: Sense;
  directed: boolean;
  /** A band or range's edges (about targets read the row's band). */
  low?: Num;
  high?: Num;
}

/** The band a 左右 target uses: the row's band cell, blank meaning the default. */
const bandOf = (bandCell: string) => `IF(${bandCell}="",${lit(DEFAULT_BAND)},${bandCell})`;

function interval(t: Target, bandCell: string): { low: Num; high: Num } | null {
  if (t.kind === "about") {
    const half = mul(bandOf(bandCell), Math.abs(t.value));
    return { low: sub(t.value, half), high: `(${lit(t.value)}+${ex(half)})` };
  }
  // A range always has its upper end (an open one, "2-3项以上", is read as a bound).
  if (t.kind === "range") return { low: t.value, high: t.max ?? 1e307 };
  return null;
}

function reaches(v: Num, f: TargetForm): Bool {
  const t = f.target;
  switch (t.kind) {
    case "figure":
    case "maintain":
      return cmp(v, f.sense === "up" ? ">=" : "<=", t.value);
    case "bound":
      return cmp(v, t.comparator as "<" | "<=" | ">" | ">=", t.value);
    case "about":
    case "range": {
      const fromLow = cmp(v, ">=", f.low!);
      const toHigh = cmp(v, "<=", f.high!);
      if (f.directed) return f.sense === "up" ? fromLow : toHigh;
      return all(fromLow, toHigh);
    }
  }
}

/** Distance still to go (verdict.ts gapTo). `v` is known to be a number. */
function gap(v: string, f: TargetForm): string {
  if (f.low !== undefined && f.high !== undefined) {
    const sign = (far: Sense) => (f.directed && f.sense === far ? -1 : 1);
    return ex(pick(below(v, f.low), mul(sign("down"), sub(f.low, v)), pick(above(v, f.high), mul(sign("up"), sub(v, f.high)), 0)));
  }
  const raw = ex(f.sense === "up" ? sub(f.target.value, v) : sub(v, f.target.value));
  return iff(reaches(v, f), `MIN(0,${raw})`, `MAX(0,${raw})`);
}

/** The path completion and the expected value follow (verdict.ts pathOf), or none. */
function pathOf(baseline: Baseline | null, f: TargetForm): { from: number; to: Num; exists: Bool } | null {
  const t = f.target;
  if (baseline === null || baseline.bound !== null || t.kind === "maintain" || t.perYear) return null;
  const b = baseline.value;
  const to: Num = f.low !== undefined && f.high !== undefined ? pick(below(b, f.low), f.low, pick(above(b, f.high), f.high, t.value)) : t.value;
  const exists = all(not(reaches(b, f)), typeof to === "number" ? to !== b : `${to}<>${lit(b)}`);
  if (exists === false) return null;
  return { from: b, to, exists };
}

/** What the plan fixes for a row, as PLAN.STATUS and the report read it. */
export interface RowPlan {
  baseline: Cell;
  target: Cell;
  direction?: Cell;
  /** The row counts things delivered (units.ts countsThings): beyond a band with no direction is more, not a miss. */
  counts: boolean;
  perYear?: boolean;
}

/**
 * The target's forms: one, or — for a 左右 target whose better direction only a baseline outside the
 * band shows (target.ts bandSense) — one per side of the band as the band cell now sets it.
 */
function targetForms(row: RowPlan, bandCell: string): { baseline: Baseline | null; forms: Array<{ when: Bool; form: TargetForm }> } | null {
  let baseline: Baseline | null = null;
  if (!isBlank(row.baseline)) {
    const b = readBaseline(row.baseline);
    if (!b.ok) return null;
    baseline = b.value;
  }
  const hint = directionFromText(row.direction ?? null);
  if (hint === undefined) return null;
  const t = readTarget(row.target, { baseline, direction: hint, band: null, perYear: row.perYear, counts: row.counts });
  if (!t.ok) return null;
  const target = t.value;
  const edges = interval(target, bandCell);
  const form = (sense: Sense, directed: boolean): TargetForm => ({ target, sense, directed, ...(edges ?? {}) });
  if (!edges) return { baseline, forms: [{ when: true, form: form(target.sense, false) }] };
  if (hint === "up" || hint === "down") return { baseline, forms: [{ when: true, form: form(hint, true) }] };
  const neutral = form("up", hint === null && row.counts);
  if (hint !== null || baseline === null || baseline.bound !== null) return { baseline, forms: [{ when: true, form: neutral }] };
  const under = cmp(baseline.value, "<", edges.low);
  const over = cmp(baseline.value, ">", edges.high);
  return {
    baseline,
    forms: [
      { when: under, form: form("up", true) },
      { when: over, form: form("down", true) },
      { when: true, form: neutral },
    ],
  };
}

function byForm(forms: Array<{ when: Bool; form: TargetForm }>, build: (f: TargetForm) => string): string {
  let out: string | null = null;
  for (let i = forms.length - 1; i >= 0; i--) out = out === null ? build(forms[i]!.form) : iff(forms[i]!.when, build(forms[i]!.form), out);
  return out!;
}

// ---------------------------------------------------------------------------------------------
// Verdicts

export interface VerdictContext {
  /** The monitoring year's name (PM_Year). */
  year: string;
  baseYear: number;
  /** The target's own deadline. */
  deadline: number;
  /** The band cell of the row. */
  band: string;
  language: Language;
}

/** One year's value as the verdict reads it: the value (a number or ""), and when the data check rejects it. */
export interface YearCell {
  year: number;
  value: string;
  rejected: string;
}

const statusLabel = (s: Status, language: Language) => quote(STATUS_LABELS[s][language]);

/** The data check's band rule (target.ts bandAccepted): blank, or a number from 0 to 99 %. */
const bandRejected = (band: string) => `NOT(OR(${band}="",AND(ISNUMBER(${band}),${band}>=0,${band}<1)))`;

/** The elapsed share τ of the period at the monitoring year, capped at 1. */
const elapsed = (ctx: VerdictContext) => `MIN(1,(${ctx.year}-${ctx.baseYear})/${ctx.deadline - ctx.baseYear})`;

export interface StatusInput {
  row: RowPlan;
  /** The value for the year: "" or a number (or text the gate rejects). */
  actual: string;
  /** When the actual, or anything it was built from up to the year, is rejected. */
  actualRejected: Bool;
  /** Every year's own value from the first plan year (per-year duties judge each one so far). */
  years: YearCell[];
  /** What had been achieved by the deadline year, where the deadline can pass before the plan ends (reached late). */
  atDeadline?: string;
}

/** The status column (verdict.ts verdict), the label in the workbook's language. */
export function statusFormula(input: StatusInput, ctx: VerdictContext): string {
  const L = (s: Status) => statusLabel(s, ctx.language);
  const shape = targetForms(input.row, ctx.band);
  if (!shape) return `=${L("invalid")}`;
  const { baseline, forms } = shape;
  const due = `${ctx.year}>=${ctx.deadline}`;
  const soFar = (y: YearCell) => `${ctx.year}>=${y.year}`;
  const body = byForm(forms, (f) => {
    if (f.target.perYear) {
      // Every year so far (§7a.2): a rejected value, then a year that failed, then a year left blank.
      const bad = rejectedUpTo(input.years, ctx.year);
      const failed = anyOf(...input.years.map((y) => `IF(AND(${soFar(y)},ISNUMBER(${y.value})),${truth(not(reaches(y.value, f)))},FALSE)`));
      const blank = anyOf(...input.years.map((y) => `AND(${soFar(y)},${y.value}="")`));
      return iff(bad, L("invalid"), iff(failed, `IF(${due},${L("missed")},${L("regressing")})`, iff(blank, L("noData"), `IF(${due},${L("reached")},${L("onTrack")})`)));
    }
    const a = input.actual;
    const reached = reaches(a, f);
    const hold = anyOf(f.target.kind === "maintain", baseline !== null && baseline.bound === null ? reaches(baseline.value, f) : false);
    const held = iff(reached, `IF(${due},${L("reached")},${L("onTrack")})`, `IF(${due},${L("missed")},${L("regressing")})`);
    // Past the deadline, a value recorded for the deadline year that fell short makes it late (§7a.4).
    const late = input.atDeadline ? `IF(AND(${ctx.year}>${ctx.deadline},ISNUMBER(${input.atDeadline})),${iff(reaches(input.atDeadline, f), L("reached"), L("reachedLate"))},${L("reached")})` : L("reached");
    const path = pathOf(baseline, f);
    let pace: string;
    if (baseline?.bound) pace = iff(cmp(a, baseline.bound, baseline.value), L("behind"), L("regressing"));
    else if (!path) pace = L("behind");
    else {
      const p = `(${a}-${lit(path.from)})/${ex(sub(path.to, path.from))}`;
      pace = iff(path.exists, `IF(ROUND(${p},12)>=ROUND(${elapsed(ctx)},12),${L("onTrack")},IF(${p}>=0,${L("behind")},${L("regressing")}))`, L("behind"));
    }
    const moving = iff(reached, `IF(${due},${late},${L("reachedEarly")})`, `IF(${due},${L("missed")},${pace})`);
    return `IF(${a}="",${L("noData")},${iff(hold, held, moving)})`;
  });
  return `=IF(${bandRejected(ctx.band)},${L("invalid")},${iff(input.actualRejected, L("invalid"), body)})`;
}

/** The expected value (序时进度值, verdict.ts expectedFor): "—" where the plan defines none. */
export function expectedFormula(row: RowPlan, ctx: VerdictContext): string {
  const shape = targetForms(row, ctx.band);
  if (!shape) return `="—"`;
  return `=${byForm(shape.forms, (f) => {
    if (f.target.kind === "maintain") return lit(f.target.value);
    const path = pathOf(shape.baseline, f);
    if (!path) return `"—"`;
    const along = `${lit(path.from)}+${ex(sub(path.to, path.from))}*(${ctx.year}-${ctx.baseYear})/${ctx.deadline - ctx.baseYear}`;
    return iff(path.exists, `IF(${ctx.year}>=${ctx.deadline},${ex(path.to)},${along})`, `"—"`);
  })}`;
}

/**
 * Completion (verdict.ts completionFor): (V − B)/(T − B); at least 1 exactly when reached, below 1
 * when not (a directed band's far side excepted). "—" where the plan defines none or the value is rejected.
 */
export function completionFormula(row: RowPlan, actual: string, actualRejected: Bool, ctx: VerdictContext): string {
  const shape = targetForms(row, ctx.band);
  if (!shape) return `=IF(${actual}="","","—")`;
  const body = byForm(shape.forms, (f) => {
    const path = pathOf(shape.baseline, f);
    if (!path) return `"—"`;
    const p = `(${actual}-${lit(path.from)})/${ex(sub(path.to, path.from))}`;
    const agreeing = f.low !== undefined && !f.directed ? p : iff(reaches(actual, f), `MAX(1,${p})`, `MIN(${p},1-2^-52)`);
    return iff(path.exists, agreeing, `"—"`);
  });
  return `=IF(${actual}="","",IF(${truth(anyOf(bandRejected(ctx.band), actualRejected))},"—",${body}))`;
}

/** The gap column (verdict.ts gapTo): blank where there is no value or it is rejected. */
export function gapFormula(row: RowPlan, actual: string, actualRejected: Bool, ctx: VerdictContext): string {
  const shape = targetForms(row, ctx.band);
  if (!shape) return `=""`;
  return `=IF(${actual}="","",IF(${truth(anyOf(bandRejected(ctx.band), actualRejected))},"",${byForm(shape.forms, (f) => gap(actual, f))}))`;
}

// ---------------------------------------------------------------------------------------------
// Tasks: what was achieved by a year (achieved.ts achievedBy)

/** Achieved by the year `upTo` (an expression or a year), from the yearly cells by the basis; "" when none. */
export function achievedBy(cells: YearCell[], basis: Basis, upTo: string | number): string {
  const upToYear = (y: number): Bool => (typeof upTo === "number" ? upTo >= y : `${upTo}>=${y}`);
  const used = cells.filter((c) => upToYear(c.year) !== false);
  if (!used.length) return `""`;
  switch (basis) {
    case "cumulative": {
      const count = used.map((c) => (upToYear(c.year) === true ? `ISNUMBER(${c.value})` : `(${upToYear(c.year)})*ISNUMBER(${c.value})`)).join("+");
      const sum = used.map((c) => (upToYear(c.year) === true ? `N(${c.value})` : `IF(${upToYear(c.year)},N(${c.value}),0)`)).join("+");
      return `IF(${count}=0,"",${sum})`;
    }
    case "latest":
      // The last year up to then with a figure: the latest year's test outermost.
      return used.reduce((rest, c) => `IF(${truth(all(upToYear(c.year), `ISNUMBER(${c.value})`))},${c.value},${rest})`, `""`);
    case "eachYear": {
      const at = (c: YearCell) => `IF(ISNUMBER(${c.value}),${c.value},"")`;
      if (typeof upTo === "number") return at(used.find((c) => c.year === upTo) ?? { year: upTo, value: `""`, rejected: "FALSE" });
      return used.reduceRight((rest, c) => `IF(${upTo}=${c.year},${at(c)},${rest})`, `""`);
    }
  }
}

/** Achieved by the year by the basis the row's basis cell names (achieved.ts basisFromText; unknown reads as latest). */
export function achievedByBasisCell(cells: YearCell[], basisCell: string, upTo: string): string {
  const b = `TRIM(${basisCell})`;
  const starts = (words: string[]) => `OR(${words.map((w) => `LEFT(${b},${w.length})=${quote(w)}`).join(",")})`;
  return `IF(${starts(["累计", "cumulative"])},${achievedBy(cells, "cumulative", upTo)},IF(${starts(["每年", "each year"])},${achievedBy(cells, "eachYear", upTo)},${achievedBy(cells, "latest", upTo)}))`;
}

/** Whether any yearly cell up to the year is rejected. */
export function rejectedUpTo(cells: YearCell[], upTo: string): Bool {
  return anyOf(...cells.map((c) => `AND(${upTo}>=${c.year},${c.rejected})`));
}


// ---------------------------------------------------------------------------------------------
// Milestones (milestone.ts milestoneStatus)

export function milestoneFormula(cells: { state: string; planned: string; done: string }, ctx: { year: string; baseYear: number; language: Language }): string {
  const L = (s: Status) => statusLabel(s, ctx.language);
  const s = `TRIM(${cells.state})`;
  const is = (k: keyof typeof MILESTONE_STATE_LABELS) => `OR(${s}=${quote(MILESTONE_STATE_LABELS[k].zh)},${s}=${quote(MILESTONE_STATE_LABELS[k].en)})`;
  const known = `OR(${is("notStarted")},${is("inProgress")},${is("done")})`;
  // A year done of 0 is a blank cell passed as 0 by some desktop builds.
  const noDone = `OR(${cells.done}="",${cells.done}=0)`;
  const when = `IF(${noDone},${ctx.year},${cells.done})`;
  const done = `AND(${is("done")},OR(${noDone},${cells.done}<=${ctx.year}))`;
  const reached = `IF(${when}<${cells.planned},${L("reachedEarly")},IF(AND(NOT(${noDone}),${when}>${cells.planned}),${L("reachedLate")},${L("reached")}))`;
  const notDone = `IF(${ctx.year}>=${cells.planned},${L("missed")},IF(${is("notStarted")},IF((${ctx.year}-${ctx.baseYear})/(${cells.planned}-${ctx.baseYear})>=0.5,${L("behind")},${L("onTrack")}),${L("onTrack")}))`;
  return (
    `=IF(OR(${cells.state}="",${cells.state}=0),${L("noData")},IF(NOT(${known}),${L("invalid")},` +
    `IF(AND(NOT(${noDone}),NOT(ISNUMBER(${cells.done}))),${L("invalid")},IF(${done},${reached},${notDone}))))`
  );
}

// ---------------------------------------------------------------------------------------------
// Schools: the 2017 rule (balance.ts schoolRule) and the difference coefficient (equity.ts)

const STAGE_WORDS: Record<BalanceStage, string[]> = { primary: ["小学", "primary"], junior: ["初中", "junior", "junior secondary", "lower secondary"] };

/** The 2017 school rule over the row's seven per-student cells, by the row's stage. */
export function schoolRuleFormula(values: string[], stage: string, range: string, labels: { pass: string; fail: string }): string {
  const isStage = (s: BalanceStage) => `OR(${STAGE_WORDS[s].map((w) => `TRIM(${stage})=${quote(w)}`).join(",")})`;
  const rule = (s: BalanceStage) => {
    const std = BALANCE_STANDARDS[s];
    const missed = values.map((v, k) => `(${cmp(v, "<", std[k]!)})`).join("+");
    const nearly = values.map((v, k) => `(${cmp(v, "<", std[k]!)})*(${cmp(v, ">=", BALANCE_FLOOR * std[k]!)})`).join("+");
    return `IF(OR(${missed}=0,AND(${missed}=1,${nearly}=1)),${quote(labels.pass)},${quote(labels.fail)})`;
  };
  return `=IF(COUNT(${range})<${values.length},"",IF(${isStage("primary")},${rule("primary")},IF(${isStage("junior")},${rule("junior")},"")))`;
}

/**
 * The enrolment-weighted difference coefficient of one stage (equity.ts coefficientOfVariation):
 * √(Σw x² / Σw − x̄²) / x̄ over the schools of the stage with a value. SUMPRODUCT counts text (a
 * blank per-student cell) as 0 when each array is its own argument, so no array IF is needed. The
 * one-pass variance is exact to about 1E-15 of x̄²; below 1E-13 of it the values are equal (CV 0),
 * as the core says of equal values. No school: #N/A; no students or a mean of 0: #DIV/0!.
 */
export function diffCoefFormula(values: string, weights: string, groups: string, group: string): string {
  const inGroup = `--(${groups}=${quote(group)})`;
  const has = `--ISNUMBER(${values})`;
  const w = `SUMPRODUCT(${inGroup},${has},${weights})`;
  const mean = `(SUMPRODUCT(${inGroup},${has},${weights},${values})/${w})`;
  const variance = `(SUMPRODUCT(${inGroup},${has},${weights},${values},${values})/${w}-${mean}^2)`;
  return `=IF(SUMPRODUCT(${inGroup},${has})=0,NA(),IF(${variance}<=1E-13*${mean}^2,0/${mean},SQRT(${variance})/${mean}))`;
}

// ---------------------------------------------------------------------------------------------
// Funding (funding.ts): growth and the year-over-year checks, at a row of the funding table

/** A step's weight in the sum `combined` reads: each outranks any count of those below it (five stages at most). */
const FUNDING_CODES: Record<FundingVerdict, number> = { invalid: 1000, notMet: 100, noData: 10, met: 1 };

/** A funding figure the rules cannot read: text, a logical, a negative. */
const figureRejected = (c: string) => `AND(${c}<>"",OR(NOT(ISNUMBER(${c})),${c}<0))`;

/** One step of one series as its code (FUNDING_CODES), 0 when the stage is left out. */
function stepCode(prev: string, cur: string, strict: boolean, counts?: { prev: string; cur: string }): string {
  const C = FUNDING_CODES;
  const grows = strict ? `${cur}>${prev}+${TOL}*MAX(ABS(${cur}),ABS(${prev}))` : `${cur}>=${prev}-${TOL}*MAX(ABS(${cur}),ABS(${prev}))`;
  const code = `IF(OR(${figureRejected(prev)},${figureRejected(cur)}),${C.invalid},IF(OR(${prev}="",${cur}=""),${C.noData},IF(${grows},${C.met},${C.notMet})))`;
  if (!counts) return code;
  const none = (c: string) => `OR(${c}="",${c}=0)`;
  return `IF(AND(${prev}="",${cur}="",${none(counts.prev)},${none(counts.cur)}),0,${code})`;
}

/**
 * The worst of the steps (funding.ts combine) from their codes summed: one invalid step passes 1000,
 * one not met 100, one without data 10, the met ones stay below 10; none at all is 0, no data. MATCH
 * reads the sum once (no LET before Excel 2021); CHOOSE and MATCH exist in every spreadsheet.
 */
function combined(codes: string[], language: Language): string {
  const L = (v: FundingVerdict) => quote(FUNDING_LABELS[v][language]);
  return `CHOOSE(MATCH(${codes.join("+")},{0,1,10,100,1000},1),${[L("noData"), L("met"), L("noData"), L("notMet"), L("invalid")].join(",")})`;
}

export interface FundingCells {
  /** This row's cell of a column, and the row above's. */
  cur: (column: string) => string;
  prev: (column: string) => string;
}

/**
 * Growth into this year from the cell above: blank beside a blank; #DIV/0! after a 0; #N/A where
 * either figure cannot be read (text, a negative).
 */
export function growthFormula(cur: string, prev: string): string {
  return `=IF(${cur}="","",IF(OR(${figureRejected(cur)},${figureRejected(prev)}),NA(),IF(${prev}="","",${cur}/${prev}-1)))`;
}

/** Every series rises (strict) or never falls from last year; stages with no students either year left out. */
export function risesFormula(series: string[], strict: boolean, cells: FundingCells, language: Language, counts?: string[]): string {
  return combined(
    series.map((s, k) => stepCode(cells.prev(s), cells.cur(s), strict, counts ? { prev: cells.prev(counts[k]!), cur: cells.cur(counts[k]!) } : undefined)),
    language,
  );
}

/** The first series grows faster than the second from last year (funding.ts fasterAt). */
export function fasterFormula(a: string, b: string, cells: FundingCells, language: Language): string {
  const L = (v: FundingVerdict) => quote(FUNDING_LABELS[v][language]);
  const four = [cells.prev(a), cells.cur(a), cells.prev(b), cells.cur(b)];
  const growth = (s: string) => `(${cells.cur(s)}/${cells.prev(s)}-1)`;
  const [ga, gb] = [growth(a), growth(b)];
  return (
    `IF(OR(${four.map(figureRejected).join(",")}),${L("invalid")},` +
    `IF(OR(${four.map((c) => `${c}=""`).join(",")},${cells.prev(a)}=0,${cells.prev(b)}=0),${L("noData")},` +
    `IF(${ga}>${gb}+${TOL}*MAX(ABS(${ga}),ABS(${gb})),${L("met")},${L("notMet")})))`
  );
}

/** A level at least another (funding.ts notBelow). */
export function notBelowFormula(value: string, reference: string, language: Language): string {
  return combined([stepCode(reference, value, false)], language);
}

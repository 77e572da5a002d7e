/**
 * The annual report as data: everything the report sheet shows, computed from a workbook snapshot
 * with the same core as PLAN.* (so the report and the live sheet agree). One model, two writers:
 * the add-in (Office.js) and the command line (exceljs).
 */
import { assess, type Status, STATUSES } from "../calc/progress";
import { BALANCE_FLOOR, BALANCE_INDICATORS, BALANCE_STANDARDS, CV_THRESHOLDS, planCoefficientBound, type BalanceStage } from "../calc/balance";
import { measure } from "../calc/samples";
import { pick, reportText, type Language } from "../i18n";
import type { Plan, Unit } from "../plan/schema";
import { isBlank, readValue, type Comparator } from "../values";
import { IH, SCHOOL_INDICATORS, SH, TH, noteHeader, planYears, unitFromLabel, yearHeader } from "../workbook/layout";
import type { Cell, TableSnapshot, WorkbookSnapshot } from "../workbook/model";

export type ReportKind = "annual" | "midterm" | "final";

export interface IndicatorLine {
  id: string;
  group: string;
  name: string;
  stage: string;
  unit: Unit | null;
  baseline: Cell;
  target: Cell;
  actual: number | null;
  expected: number | null;
  completion: number | null;
  elapsed: number;
  gap: number | null;
  status: Status | null;
  note: string;
}

export interface StageBalance {
  stage: BalanceStage;
  schools: number;
  rows: Array<{ label: string; cv: number | null; error: string | null; national: boolean | null; plan: boolean | null }>;
  max: number | null;
  mean: number | null;
  classShare: number | null;
  planBound: { comparator: Comparator; value: number } | null;
  failing: Array<{ school: string; met: number; missed: string[] }>;
}

export interface ReportModel {
  language: Language;
  year: number;
  kind: ReportKind;
  sheetName: string;
  title: string;
  planName: string;
  templateId: string;
  templateVersion: string;
  generatedAt: string;
  completeness: { withValue: number; total: number };
  groups: Array<{ name: string; counts: Record<Status, number> }>;
  overall: Record<Status, number>;
  indicators: IndicatorLine[];
  /** Misses and behind-path indicators, worst first. */
  misses: IndicatorLine[];
  balance: StageBalance[];
  contradictions: Array<{ id: string; summary: string }>;
  tasks: Array<{ id: string; name: string; target: string; targetValue: number | null; achieved: number | null; rate: number | null; basis: string; unit: Unit | null }>;
}

export function reportKind(plan: Plan, year: number): ReportKind {
  const { baseYear, targetYear } = plan.period;
  if (year >= targetYear) return "final";
  return year === Math.ceil((baseYear + targetYear) / 2) ? "midterm" : "annual";
}

export function reportSheetName(year: number, language: Language): string {
  return pick(reportText.sheetName(year), language);
}

const emptyCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
const RANK: Partial<Record<Status, number>> = { regressing: 0, missed: 1, behind: 2 };

function reader(table: TableSnapshot | undefined) {
  const col = (h: string) => (table ? table.headers.indexOf(h) : -1);
  return (row: Cell[], h: string): Cell | undefined => (col(h) < 0 ? undefined : row[col(h)]);
}

/** The latest plan year up to which any indicator has a value; the first plan year when none has. */
export function latestYearWithData(plan: Plan, snapshot: WorkbookSnapshot): number {
  const table = snapshot.tables.indicators;
  const years = planYears(plan);
  const cell = reader(table);
  for (const y of [...years].reverse()) {
    if (table?.values.some((row) => !isBlank(cell(row, yearHeader(y))))) return y;
  }
  return years[0]!;
}

function indicatorLines(plan: Plan, snapshot: WorkbookSnapshot, year: number): IndicatorLine[] {
  const table = snapshot.tables.indicators;
  if (!table) return [];
  const cell = reader(table);
  const period = { baseYear: plan.period.baseYear, targetYear: plan.period.targetYear };
  const lines: IndicatorLine[] = [];
  for (const row of table.values) {
    const id = String(cell(row, IH.id) ?? "").trim();
    if (!id) continue;
    const baseline = readValue(cell(row, IH.baseline));
    const target = readValue(cell(row, IH.target));
    const raw = cell(row, yearHeader(year));
    const actual = isBlank(raw) ? null : readValue(raw);
    const line: IndicatorLine = {
      id,
      group: String(cell(row, IH.group) ?? ""),
      name: String(cell(row, IH.name) ?? ""),
      stage: String(cell(row, IH.stage) ?? ""),
      unit: unitFromLabel(cell(row, IH.unit)),
      baseline: cell(row, IH.baseline) ?? null,
      target: cell(row, IH.target) ?? null,
      actual: actual && actual.ok ? actual.value.value : null,
      expected: null,
      completion: null,
      elapsed: Math.min(1, (year - period.baseYear) / (period.targetYear - period.baseYear)),
      gap: null,
      status: null,
      note: String(cell(row, noteHeader(year)) ?? ""),
    };
    if (baseline.ok && target.ok && (!actual || actual.ok)) {
      const result = assess({ baseline: baseline.value, target: target.value, actual: line.actual, year, period });
      if (result.ok) {
        line.expected = result.value.expected;
        line.completion = result.value.completion;
        line.gap = result.value.gap;
        line.status = result.value.status;
      }
    }
    lines.push(line);
  }
  return lines;
}

function shortfall(l: IndicatorLine): number {
  return (l.status === "missed" ? 1 : l.elapsed) - (l.completion ?? 0);
}

function stageBalance(plan: Plan, snapshot: WorkbookSnapshot, stage: BalanceStage, language: Language): StageBalance {
  const table = snapshot.tables.schools;
  const cell = reader(table);
  const stageName = stage === "primary" ? "小学" : "初中";
  const rows = (table?.values ?? []).filter((r) => String(cell(r, SH.stage) ?? "").trim() === stageName && !isBlank(cell(r, SH.school)));
  const num = (c: Cell | undefined) => (typeof c === "number" && Number.isFinite(c) ? c : null);
  const perStudent = rows.map((r) => {
    const enrolment = num(cell(r, SH.enrolment));
    return SCHOOL_INDICATORS.map((ind) => {
      const v = num(cell(r, ind.raw));
      return enrolment && enrolment > 0 && v !== null ? (v / enrolment) * ind.scale : null;
    });
  });
  const weights = rows.map((r) => num(cell(r, SH.enrolment)));
  const planBound = planCoefficientBound(plan, stage);
  const meets = (v: number, bound: { comparator: Comparator; value: number }) =>
    bound.comparator === "<" ? v < bound.value : v <= bound.value;
  const cvRows = SCHOOL_INDICATORS.map((_, k) => {
    const label = pick(BALANCE_INDICATORS[k]!, language);
    const values = perStudent.map((p) => p[k] ?? null);
    const present = values.map((v, i) => (v === null || weights[i] === null ? null : i)).filter((i): i is number => i !== null);
    if (present.length === 0) return { label, cv: null, error: pick(reportText.noSchools, language), national: null, plan: null };
    const sample = {
      values: Float64Array.from(present.map((i) => values[i]!)),
      weights: Float64Array.from(present.map((i) => weights[i]!)),
    };
    const result = measure("cv", sample, "values");
    if (!result.ok) return { label, cv: null, error: pick(result.error.message, language), national: null, plan: null };
    const cv = result.value;
    return { label, cv, error: null, national: cv <= CV_THRESHOLDS[stage], plan: planBound ? meets(cv, planBound) : null };
  });
  const cvs = cvRows.map((r) => r.cv).filter((v): v is number => v !== null);
  const complete = cvs.length === SCHOOL_INDICATORS.length;
  const classes = rows.reduce((s, r) => s + (num(cell(r, SH.classes)) ?? 0), 0);
  const standard = rows.reduce((s, r) => s + (num(cell(r, SH.standardClasses)) ?? 0), 0);
  const failing: StageBalance["failing"] = [];
  rows.forEach((r, i) => {
    const values = perStudent[i]!;
    if (values.some((v) => v === null)) return;
    const shares = values.map((v, k) => v! / BALANCE_STANDARDS[stage][k]!);
    const missed = shares.map((s, k) => (s < 1 ? k : -1)).filter((k) => k >= 0);
    const pass = missed.length === 0 || (missed.length === 1 && shares[missed[0]!]! >= BALANCE_FLOOR);
    if (!pass) {
      failing.push({ school: String(cell(r, SH.school)), met: 7 - missed.length, missed: missed.map((k) => pick(BALANCE_INDICATORS[k]!, language)) });
    }
  });
  return {
    stage,
    schools: rows.length,
    rows: cvRows,
    max: complete ? Math.max(...cvs) : null,
    mean: complete ? cvs.reduce((a, b) => a + b, 0) / cvs.length : null,
    classShare: classes > 0 ? standard / classes : null,
    planBound,
    failing,
  };
}

function taskLines(snapshot: WorkbookSnapshot, plan: Plan, year: number): ReportModel["tasks"] {
  const table = snapshot.tables.tasks;
  if (!table) return [];
  const cell = reader(table);
  const years = planYears(plan).filter((y) => y <= year);
  return table.values
    .filter((row) => !isBlank(cell(row, TH.id)))
    .map((row) => {
      const basis = String(cell(row, TH.basis) ?? "");
      const values = years.map((y) => cell(row, yearHeader(y))).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      const achieved = values.length === 0 ? null : basis.startsWith("累计") ? values.reduce((a, b) => a + b, 0) : values[values.length - 1]!;
      const targetValue = typeof cell(row, TH.targetValue) === "number" ? (cell(row, TH.targetValue) as number) : null;
      const unitLabel = String(cell(row, TH.unit) ?? "").trim();
      return {
        id: String(cell(row, TH.id)),
        name: String(cell(row, TH.name) ?? ""),
        target: String(cell(row, TH.target) ?? ""),
        targetValue,
        achieved,
        rate: achieved !== null && targetValue ? achieved / targetValue : null,
        basis,
        unit: unitLabel === "%" ? "percent" : null,
      };
    });
}

export interface ReportOptions {
  language: Language;
  /** Local time as the report prints it, e.g. "2026-11-30 08:40". */
  generatedAt: string;
}

export function buildReport(plan: Plan, snapshot: WorkbookSnapshot, year: number, options: ReportOptions): ReportModel {
  const { language } = options;
  const indicators = indicatorLines(plan, snapshot, year);
  const overall = emptyCounts();
  const groups = new Map<string, Record<Status, number>>();
  for (const line of indicators) {
    const status = line.status ?? "noData";
    overall[status]++;
    const counts = groups.get(line.group) ?? emptyCounts();
    counts[status]++;
    groups.set(line.group, counts);
  }
  const misses = indicators
    .filter((l) => l.status !== null && RANK[l.status] !== undefined)
    .sort((a, b) => RANK[a.status!]! - RANK[b.status!]! || shortfall(b) - shortfall(a));
  const kind = reportKind(plan, year);
  return {
    language,
    year,
    kind,
    sheetName: reportSheetName(year, language),
    title: `${pick(plan.names, language)} ${pick(reportText.title(year, kind), language)}`,
    planName: pick(plan.names, language),
    templateId: snapshot.meta?.templateId ?? plan.id,
    templateVersion: snapshot.meta?.version ?? plan.version,
    generatedAt: options.generatedAt,
    completeness: { withValue: indicators.filter((l) => l.actual !== null).length, total: indicators.length },
    groups: [...groups.entries()].map(([name, counts]) => ({ name, counts })),
    overall,
    indicators,
    misses,
    balance: (["primary", "junior"] as const).map((stage) => stageBalance(plan, snapshot, stage, language)),
    contradictions: plan.contradictions.map((c) => ({ id: c.id, summary: pick(c.summary, language) })),
    tasks: taskLines(snapshot, plan, year),
  };
}

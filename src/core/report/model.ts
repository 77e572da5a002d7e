/**
 * The annual report as data: everything the report sheet shows, computed from a workbook snapshot
 * with the same core as PLAN.* (so the report and the live sheet agree). One model, two writers:
 * the add-in (Office.js) and the command line (exceljs).
 */
import { emptyCounts, type Status } from "../calc/status";
import { BALANCE_INDICATORS, CV_THRESHOLDS, meetsSchoolRule, planCoefficientBound, type BalanceStage } from "../calc/balance";
import { meets } from "../calc/compare";
import { assessYear, rankMisses, type RowAssessment } from "../workbook/assess";
import { measure } from "../calc/samples";
import { pick, reportText, type Language } from "../i18n";
import type { Plan } from "../plan/schema";
import { isBlank, type Comparator } from "../values";
import { SCHOOL_INDICATORS, SH, planYears, yearHeader } from "../workbook/layout";
import type { Cell, TableSnapshot, WorkbookSnapshot } from "../workbook/model";

export type ReportKind = "annual" | "midterm" | "final";

/** An indicator or task row of the report: the one assessment's row. */
export type IndicatorLine = RowAssessment;
export type TaskLine = RowAssessment;

export interface ProblemLine {
  sheet: string;
  address: string;
  key: string;
  message: string;
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
  completeness: { withValue: number; invalid: number; total: number };
  groups: Array<{ name: string; counts: Record<Status, number> }>;
  overall: Record<Status, number>;
  indicators: IndicatorLine[];
  /** Indicators and tasks with invalid data, regressing, missed or behind, worst first. */
  misses: RowAssessment[];
  /** Error-level findings of the data check, naming sheet and cell. */
  problems: ProblemLine[];
  balance: StageBalance[];
  contradictions: Array<{ id: string; summary: string }>;
  tasks: TaskLine[];
  milestones: RowAssessment[];
}

export function reportKind(plan: Plan, year: number): ReportKind {
  const { baseYear, targetYear } = plan.period;
  if (year >= targetYear) return "final";
  return year === Math.ceil((baseYear + targetYear) / 2) ? "midterm" : "annual";
}

export function reportSheetName(year: number, language: Language): string {
  return pick(reportText.sheetName(year), language);
}

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
    return { label, cv, error: null, national: meets(cv, "<=", CV_THRESHOLDS[stage]), plan: planBound ? meets(cv, planBound.comparator, planBound.value) : null };
  });
  const cvs = cvRows.map((r) => r.cv).filter((v): v is number => v !== null);
  const complete = cvs.length === SCHOOL_INDICATORS.length;
  const classes = rows.reduce((s, r) => s + (num(cell(r, SH.classes)) ?? 0), 0);
  const standard = rows.reduce((s, r) => s + (num(cell(r, SH.standardClasses)) ?? 0), 0);
  const failing: StageBalance["failing"] = [];
  rows.forEach((r, i) => {
    const values = perStudent[i]!;
    if (values.some((v) => v === null)) return;
    const rule = meetsSchoolRule(values as number[], stage);
    if (!rule.pass) {
      failing.push({ school: String(cell(r, SH.school)), met: 7 - rule.missed.length, missed: rule.missed.map((k) => pick(BALANCE_INDICATORS[k]!, language)) });
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

export interface ReportOptions {
  language: Language;
  /** Local time as the report prints it, e.g. "2026-11-30 08:40". */
  generatedAt: string;
}

export function buildReport(plan: Plan, snapshot: WorkbookSnapshot, year: number, options: ReportOptions): ReportModel {
  const { language } = options;
  const assessment = assessYear(plan, snapshot, year);
  const indicators = assessment.indicators;
  const groups = new Map<string, Record<Status, number>>();
  for (const line of indicators) {
    const counts = groups.get(line.group) ?? emptyCounts();
    counts[line.status]++;
    groups.set(line.group, counts);
  }
  const kind = reportKind(plan, year);
  const invalid = indicators.filter((l) => l.status === "invalid").length;
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
    completeness: { withValue: indicators.filter((l) => l.actual !== null && l.status !== "invalid").length, invalid, total: indicators.length },
    groups: [...groups.entries()].map(([name, counts]) => ({ name, counts })),
    overall: assessment.counts,
    indicators,
    misses: rankMisses([...indicators, ...assessment.tasks, ...assessment.milestones]),
    problems: assessment.findings
      .filter((f) => f.severity === "error")
      .map((f) => ({ sheet: f.sheet, address: f.address, key: f.key, message: pick(f.message, language) })),
    balance: (["primary", "junior"] as const).map((stage) => stageBalance(plan, snapshot, stage, language)),
    contradictions: plan.contradictions.map((c) => ({ id: c.id, summary: pick(c.summary, language) })),
    tasks: assessment.tasks,
    milestones: assessment.milestones,
  };
}

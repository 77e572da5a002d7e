/**
 * The schools table per stage: the seven enrolment-weighted difference coefficients against the
 * national thresholds and the plan's own bound, their largest and mean, the standard class-size
 * share and the schools failing the 2017 rule. Feeds the report and the recording of computed
 * indicators (LOC-03, LOC-04) into their year.
 */
import { BALANCE_INDICATORS, CV_THRESHOLDS, meetsSchoolRule, planCoefficientBound, type BalanceStage } from "../calc/balance";
import { meets } from "../calc/compare";
import { measure } from "../calc/samples";
import { pick, type Language } from "../i18n";
import { reportText } from "../report/text";
import type { Plan } from "../plan/schema";
import { isBlank, type Comparator } from "../values";
import { readBaseline, readTarget } from "../calc/target";
import { verdict } from "../calc/verdict";
import type { Status } from "../calc/status";
import { SCHOOL_INDICATORS, SH } from "./layout";
import type { Cell, TableSnapshot, WorkbookSnapshot } from "./model";

export interface StageBalance {
  stage: BalanceStage;
  schools: number;
  rows: Array<{ label: string; cv: number | null; error: string | null; national: boolean | null; plan: boolean | null }>;
  max: number | null;
  mean: number | null;
  classShare: number | null;
  planBound: { comparator: Comparator; value: number } | null;
  failing: Array<{ school: string; met: number; missed: string[] }>;
  /** Schools without all seven figures: the 2017 rule cannot judge them. */
  incomplete: number;
  /**
   * Against the plan's own bound (＜0.40 / ＜0.35) in the report's year, the verdict words of §7
   * (§7a.10): each coefficient, the largest and the mean, judged like the plan's indicator row.
   */
  planStatus?: { rows: Array<Status | null>; max: Status | null; mean: Status | null };
}

/** A coefficient against the plan's indicator for the stage (baseline ＜0.42 → target ＜0.40), as §7 judges that row. */
export function planCoefficientStatus(plan: Plan, stage: BalanceStage, value: number | null, year: number): Status | null {
  const ind = plan.indicators.find((i) => i.unit === "coefficient" && i.stage === stage);
  if (!ind || value === null) return null;
  const b = readBaseline(ind.baseline.text);
  if (!b.ok) return null;
  const t = readTarget(ind.target.text, { baseline: b.value });
  if (!t.ok) return null;
  const v = verdict({ baseline: b.value, target: t.value, actual: value, year, period: { baseYear: plan.period.baseYear, targetYear: plan.period.targetYear } });
  return v.ok ? v.value.status : null;
}

export function reader(table: TableSnapshot | undefined) {
  const col = (h: string) => (table ? table.headers.indexOf(h) : -1);
  return (row: Cell[], h: string): Cell | undefined => (col(h) < 0 ? undefined : row[col(h)]);
}

export function stageBalance(plan: Plan, snapshot: WorkbookSnapshot, stage: BalanceStage, language: Language, year?: number): StageBalance {
  const table = snapshot.tables.schools;
  const cell = reader(table);
  const stageName = stage === "primary" ? "小学" : "初中";
  const rows = (table?.values ?? []).filter((r) => String(cell(r, SH.stage) ?? "").trim() === stageName && !isBlank(cell(r, SH.school)));
  const num = (c: Cell | undefined) => (typeof c === "number" && Number.isFinite(c) ? c : null);
  const perStudent = rows.map((r) => {
    const enrolment = num(cell(r, SH.enrolment));
    return SCHOOL_INDICATORS.map((ind) => {
      const v = num(cell(r, ind.raw));
      return enrolment !== null && enrolment > 0 && v !== null ? (v / enrolment) * ind.scale : null;
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
  let incomplete = 0;
  rows.forEach((r, i) => {
    const values = perStudent[i]!;
    if (values.some((v) => v === null)) {
      incomplete++;
      return;
    }
    const rule = meetsSchoolRule(values as number[], stage);
    if (!rule.pass) {
      failing.push({ school: String(cell(r, SH.school)), met: 7 - rule.missed.length, missed: rule.missed.map((k) => pick(BALANCE_INDICATORS[k]!, language)) });
    }
  });
  const max = complete ? Math.max(...cvs) : null;
  const mean = complete ? cvs.reduce((a, b) => a + b, 0) / cvs.length : null;
  const judged = (v: number | null) => (year === undefined ? null : planCoefficientStatus(plan, stage, v, year));
  return {
    stage,
    schools: rows.length,
    rows: cvRows,
    max,
    mean,
    classShare: classes > 0 ? standard / classes : null,
    planBound,
    failing,
    incomplete,
    ...(year === undefined ? {} : { planStatus: { rows: cvRows.map((r) => judged(r.cv)), max: judged(max), mean: judged(mean) } }),
  };
}

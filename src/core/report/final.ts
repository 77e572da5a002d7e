/**
 * The final evaluation (终期评估) of a plan period as data: every indicator and task target with its
 * value in each year of the period and its final verdict (domain notes §7: at the target year only
 * 提前实现 with the year first reached, 已实现, 未实现, 无数据, 数据有误), milestones delivered, the school
 * equity path, funding over the whole period, the building programme, and how the figures came out
 * against each reading of the plan's contradictions. Built from the one assessment of each year.
 */
import { emptyCounts, type Status } from "../calc/status";
import { meets } from "../calc/compare";
import { CV_THRESHOLDS } from "../calc/balance";
import { assessYear, countStatuses, type RowAssessment } from "../workbook/assess";
import { assessFunding, type FundingAssessment } from "../workbook/funding";
import { checkWorkbook } from "../workbook/check";
import { planYears } from "../workbook/layout";
import type { WorkbookSnapshot } from "../workbook/model";
import type { Plan } from "../plan/schema";
import { pick, type Language } from "../i18n";
import { buildReport, type ReportModel, type ReportOptions } from "./model";
import { finalText } from "./text";
import { finalNarrative } from "./narrative";

export interface FinalLine {
  row: RowAssessment;
  /** The value (what a task had achieved) in each year of the period, in order. */
  values: Array<number | null>;
}

export interface EquityPath {
  id: string;
  name: string;
  stage: "primary" | "junior";
  measure: "maxCoefficient" | "classShare";
  values: Array<number | null>;
  /** The national threshold for coefficients (0.50 / 0.45), null for the class-size share. */
  national: number | null;
  target: string;
}

export interface ContradictionReading {
  id: string;
  summary: string;
  readings: Array<{
    text: string;
    line: number;
    value: number | null;
    /** The row this reading is a target of (or, for another reading of it, the contradiction's first row). */
    ref: string | null;
    actual: number | null;
    unit: RowAssessment["unit"];
    /** A figure the plan states as a starting point, not a target: nothing to reach. */
    baseline: boolean;
    met: boolean | null;
  }>;
}

export interface FinalModel {
  language: Language;
  sheetName: string;
  title: string;
  period: { baseYear: number; startYear: number; targetYear: number };
  years: number[];
  /** The target year's annual model: header, data problems, funding, building, balance. */
  annual: ReportModel;
  indicators: FinalLine[];
  tasks: FinalLine[];
  milestones: RowAssessment[];
  groups: Array<{ name: string; counts: Record<Status, number> }>;
  overall: Record<Status, number>;
  taskCounts: Record<Status, number>;
  milestoneCounts: Record<Status, number>;
  equity: EquityPath[];
  /** Funding over the whole period (every reported year). */
  funding: FundingAssessment | null;
  contradictions: ContradictionReading[];
  summary: string[];
}

export function finalSheetName(plan: Plan, language: Language): string {
  return pick(finalText.sheetName(plan.period.startYear, plan.period.targetYear), language);
}

export function buildFinalReport(plan: Plan, snapshot: WorkbookSnapshot, options: ReportOptions): FinalModel {
  const { language } = options;
  const { targetYear } = plan.period;
  const years = planYears(plan);
  const findings = checkWorkbook(plan, snapshot);
  const byYear = new Map(years.map((y) => [y, assessYear(plan, snapshot, y, findings)]));
  const last = byYear.get(targetYear)!;
  const valuesOf = (kind: "indicators" | "tasks", id: string) =>
    years.map((y) => {
      const r = byYear.get(y)![kind].find((x) => x.id === id);
      return r && r.status !== "invalid" ? r.actual : null;
    });
  // The year a row was first reached: the first year whose assessment says reached. Still reached at
  // the end and first reached before its deadline is 提前实现; a row that fell back stays 未实现.
  // (The target year's verdict cannot tell for tasks: a cumulative or latest task is judged on what
  // it had achieved by then, without the years before.)
  const finalRow = (kind: "indicators" | "tasks", row: RowAssessment): RowAssessment => {
    const first = years.find((y) => {
      const r = byYear.get(y)![kind].find((x) => x.id === row.id);
      return r && (r.status === "reached" || r.status === "reachedEarly");
    });
    const reached = row.status === "reached" || row.status === "reachedEarly";
    if (!reached) return { ...row, firstReached: null };
    const firstReached = first ?? row.firstReached ?? targetYear;
    return { ...row, firstReached, status: firstReached < row.deadline ? "reachedEarly" : "reached" };
  };
  const indicators = last.indicators.map((row) => ({ row: finalRow("indicators", row), values: valuesOf("indicators", row.id) }));
  const tasks = last.tasks.map((row) => ({ row: finalRow("tasks", row), values: valuesOf("tasks", row.id) }));
  const groups = new Map<string, Record<Status, number>>();
  for (const { row } of indicators) {
    const counts = groups.get(row.group) ?? emptyCounts();
    counts[row.status]++;
    groups.set(row.group, counts);
  }
  const equity: EquityPath[] = plan.indicators
    .filter((i) => i.computed)
    .map((i) => ({
      id: i.id,
      name: pick(i.names, language),
      stage: i.computed!.stage,
      measure: i.computed!.measure,
      values: indicators.find((l) => l.row.id === i.id)?.values ?? years.map(() => null),
      national: i.computed!.measure === "maxCoefficient" ? CV_THRESHOLDS[i.computed!.stage] : null,
      target: i.target.text,
    }));
  const finalOf = new Map([...indicators, ...tasks].map((l) => [l.row.id, l.row]));
  const same = (a: number | undefined, b: number | null | undefined) => a !== undefined && b !== undefined && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  const figures = (id: string) => {
    const ind = plan.indicators.find((i) => i.id === id);
    const task = plan.tasks.find((t) => t.id === id);
    const target = ind?.target.value ?? (task && task.kind !== "range" ? task.target.value : task?.min.value);
    const baseline = ind?.baseline.value ?? (task?.kind === "change" ? task.from.value : undefined);
    return { target, baseline, lower: ind?.direction === "lower" };
  };
  const contradictions: ContradictionReading[] = plan.contradictions.map((c) => ({
    id: c.id,
    summary: pick(c.summary, language),
    readings: c.statements.map((s) => {
      const value = s.value ?? null;
      // The row the statement is the target of; a total that disagrees with its parts reads the total's
      // row. Any other figure (a count already reached, another definition) has no row to compare.
      const own = c.refs.find((r) => same(figures(r).target, value));
      const baseline = !own && c.refs.some((r) => same(figures(r).baseline, value));
      const refId = own ?? (!baseline && c.kind === "sum-of-parts" ? c.refs[0]! : null);
      const row = refId ? finalOf.get(refId) : undefined;
      const actual = row && row.status !== "invalid" ? row.actual : null;
      // A row's own target is judged by its verdict (bands, ranges, per-year rules); a total against its parts by the figure.
      const met =
        value === null || actual === null || !refId || !row
          ? null
          : own
            ? row.status === "reached" || row.status === "reachedEarly"
            : meets(actual, figures(refId).lower ? "<=" : ">=", value);
      return { text: s.text, line: s.source.line, value, ref: refId ?? null, actual, unit: row?.unit ?? null, baseline, met };
    }),
  }));
  const annual = buildReport(plan, snapshot, targetYear, options);
  const model: FinalModel = {
    language,
    sheetName: finalSheetName(plan, language),
    title: `${pick(plan.names, language)} ${pick(finalText.title(plan.period.startYear, targetYear), language)}`,
    period: plan.period,
    years,
    annual,
    indicators,
    tasks,
    milestones: last.milestones,
    groups: [...groups.entries()].map(([name, counts]) => ({ name, counts })),
    overall: countStatuses(indicators.map((l) => l.row)),
    taskCounts: countStatuses(tasks.map((l) => l.row)),
    milestoneCounts: countStatuses(last.milestones),
    equity,
    funding: assessFunding(plan, snapshot, findings),
    contradictions,
    summary: [],
  };
  return { ...model, summary: finalNarrative(model) };
}

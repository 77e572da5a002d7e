/**
 * The annual report as data: everything the report sheet shows, computed from a workbook snapshot
 * with the same core as PLAN.* (so the report and the live sheet agree). One model, two writers:
 * the add-in (Office.js) and the command line (exceljs).
 */
import { emptyCounts, type Status } from "../calc/status";
import { assessYear, rankMisses } from "../workbook/assess";
import { narrative } from "./narrative";
import type { IndicatorLine, ProblemLine, ReportKind, ReportModel, ReportOptions, TaskLine } from "./types";
import { recordedChecks } from "../workbook/record";
import { reader, stageBalance } from "../workbook/schools";
import { pick, type Language } from "../i18n";
import { reportText } from "./text";
import type { Plan } from "../plan/schema";
import { isBlank } from "../values";
import { planYears, yearHeader } from "../workbook/layout";
import type { WorkbookSnapshot } from "../workbook/model";
import { yearMarks } from "../workbook/marks";

// The report's shape lives in types.ts; its builders' callers keep importing it from here.
export type { IndicatorLine, ProblemLine, ReportKind, ReportModel, ReportOptions, TaskLine };






export function reportKind(plan: Plan, year: number): ReportKind {
  const { baseYear, targetYear } = plan.period;
  if (year >= targetYear) return "final";
  return year === Math.ceil((baseYear + targetYear) / 2) ? "midterm" : "annual";
}

export function reportSheetName(year: number, language: Language): string {
  return pick(reportText.sheetName(year), language);
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


/** The data check's milestone cross-checks for milestones already done in the assessed year. */
function crossChecks(assessment: ReturnType<typeof assessYear>, language: Language): string[] {
  const done = new Set(assessment.milestones.filter((m) => m.stateAsOf === "done").map((m) => m.id));
  return assessment.findings.filter((f) => f.code === "milestone-standard" && done.has(f.key)).map((f) => pick(f.message, language));
}

/** Distinct printed items among indicator rows: a plan row by its group and item number, any other by its ID. */
export function countItems(plan: Plan, ids: readonly string[]): number {
  const byId = new Map(plan.indicators.map((i) => [i.id, `${i.group}#${i.item}`]));
  return new Set(ids.map((id) => byId.get(id) ?? `row:${id}`)).size;
}


export function buildReport(plan: Plan, snapshot: WorkbookSnapshot, year: number, options: ReportOptions): ReportModel {
  const model = buildModel(plan, snapshot, year, options);
  return { ...model, summary: narrative(model) };
}

function buildModel(plan: Plan, snapshot: WorkbookSnapshot, year: number, options: ReportOptions): ReportModel {
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
    itemCount: countItems(plan, indicators.map((l) => l.id)),
    misses: rankMisses([...indicators, ...assessment.tasks, ...assessment.milestones]),
    problems: assessment.findings
      .filter((f) => f.severity === "error")
      .map((f) => ({ sheet: f.sheet, address: f.address, key: f.key, message: pick(f.message, language) })),
    balance: (["primary", "junior"] as const).map((stage) => stageBalance(plan, snapshot, stage, language, year)),
    marks: Object.fromEntries([...yearMarks(snapshot)].filter(([y]) => y <= year)),
    schoolYear: typeof snapshot.schoolYear === "number" && Number.isInteger(snapshot.schoolYear) ? snapshot.schoolYear : null,
    recorded: recordedChecks(plan, snapshot, year).filter((c) => !c.agrees),
    contradictions: plan.contradictions.map((c) => ({ id: c.id, summary: pick(c.summary, language) })),
    tasks: assessment.tasks,
    milestones: assessment.milestones,
    crossChecks: crossChecks(assessment, language),
    funding: assessment.funding,
    building: assessment.building,
    summary: [],
  };
}

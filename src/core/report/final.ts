/**
 * The final evaluation (终期评估) of a plan period as data: every indicator and task target with its
 * value in each year of the period and its final verdict (domain notes §7 and §7a: at the target year
 * only 提前实现 with the first year of the unbroken run, 已实现, 逾期实现, 未实现, 无数据, and 数据有误
 * when any year of the period was rejected), milestones delivered, the school
 * equity path, funding over the whole period, the building programme, and how the figures came out
 * against each reading of the plan's contradictions. Built from the one assessment of each year.
 */
import { emptyCounts, isReached, type Status } from "../calc/status";
import { meets } from "../calc/compare";
import { CV_THRESHOLDS } from "../calc/balance";
import { assessYear, countStatuses, type RowAssessment } from "../workbook/assess";
import { assessFunding, type FundingAssessment } from "../workbook/funding";
import { checkWorkbook } from "../workbook/check";
import { planYears } from "../workbook/layout";
import type { WorkbookSnapshot } from "../workbook/model";
import type { Attribute, Plan } from "../plan/schema";
import { pick, type Language } from "../i18n";
import { buildReport, type ReportOptions } from "./model";
import { finalText } from "./text";
import { finalSections } from "./narrative";
import type { ContradictionReading, EquityPath, FinalLine, FinalModel, FinalSections, FundingTotal, Shortfall } from "./types";

// The evaluation's shape lives in types.ts; its builders' callers keep importing it from here.
export type { ContradictionReading, EquityPath, FinalLine, FinalModel, FinalSections, FundingTotal, Shortfall };








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
  const historyOf = (kind: "indicators" | "tasks", id: string) => years.map((y) => byYear.get(y)![kind].find((x) => x.id === id));
  // The final verdict (domain notes §7a.3, §7a.7): 数据有误 when any year of the period was rejected;
  // 提前实现 only when the unbroken run of reached years that ends in the target year began before the
  // deadline (the target year's verdict names that run's first year); per-year duties and levels held
  // carry no first year and stay 已实现; 逾期实现 as the target year's verdict found it.
  const attributeOf = new Map<string, Attribute>([...plan.indicators, ...plan.tasks].flatMap((x) => (x.attribute ? [[x.id, x.attribute] as [string, Attribute]] : [])));
  const finalLine = (kind: "indicators" | "tasks", row: RowAssessment): FinalLine => {
    const history = historyOf(kind, row.id);
    const values = history.map((r) => (r && r.status !== "invalid" ? r.actual : null));
    const rejected = history.map((r) => r?.rejected);
    const extra = { notes: history.map((r) => (r?.note ?? "").trim()), attribute: attributeOf.get(row.id) ?? null };
    const badYears = history.filter((r): r is RowAssessment => r?.status === "invalid");
    if (badYears.length) {
      const seen = new Set<string>();
      const problems = badYears.flatMap((r) => r.problems).filter((f) => !seen.has(`${f.sheet}!${f.address}`) && seen.add(`${f.sheet}!${f.address}`));
      return { row: { ...row, status: "invalid", firstReached: null, exceeded: false, problems }, values, rejected, ...extra };
    }
    if (row.status === "reached" && row.firstReached !== null && row.firstReached < row.deadline) return { row: { ...row, status: "reachedEarly" }, values, rejected, ...extra };
    return { row: isReached(row.status) ? row : { ...row, firstReached: null }, values, rejected, ...extra };
  };
  const indicators = last.indicators.map((row) => finalLine("indicators", row));
  const tasks = last.tasks.map((row) => finalLine("tasks", row));
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
            ? isReached(row.status)
            : meets(actual, figures(refId).lower ? "<=" : ">=", value);
      return { text: s.text, line: s.source.line, value, ref: refId ?? null, actual, unit: row?.unit ?? null, baseline, met };
    }),
  }));
  const annual = buildReport(plan, snapshot, targetYear, options);
  const funding = assessFunding(plan, snapshot, findings);
  // 三、存在问题及原因: the planners' notes are the stated reasons — a task's one note, an indicator's
  // notes of the years that have one, each with its year.
  const reasonOf = (l: FinalLine) => {
    const distinct = [...new Set(l.notes.filter(Boolean))];
    if (distinct.length <= 1) return distinct[0] ?? "";
    return l.notes.map((n, k) => (n ? pick(finalText.noteOfYear(years[k]!, n), language) : "")).filter(Boolean).join(language === "zh" ? "；" : "; ");
  };
  const short = (status: Status) => status === "missed" || status === "reachedLate";
  const shortfalls: Shortfall[] = [
    ...[...indicators, ...tasks].filter((l) => short(l.row.status)).map((l) => ({ row: l.row, reason: reasonOf(l) })),
    ...last.milestones.filter((m) => short(m.status)).map((m) => ({ row: m, reason: m.note.trim() })),
  ];
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
    funding,
    fundingTotal: fundingTotal(plan, funding),
    contradictions,
    cover: { plan: pick(plan.names, language), issuer: pick(plan.issuer, language) },
    shortfalls,
    attributes: attributeOf.size > 0,
    sections: { evaluation: [], achievements: [], problems: [], proposals: [] },
  };
  return { ...model, sections: finalSections(model) };
}

/** The period's budget education spending against the previous period's figure the plan prints. */
export function fundingTotal(plan: Plan, funding: FundingAssessment | null): FundingTotal | null {
  if (!funding) return null;
  const { startYear, targetYear } = plan.period;
  const inPeriod = planYears(plan).filter((y) => y >= startYear);
  const value = (y: number) => funding.budget.find((b) => b.year === y)?.value ?? null;
  const missing = inPeriod.filter((y) => typeof value(y) !== "number");
  const total = missing.length ? null : inPeriod.reduce((s, y) => s + (value(y) as number), 0);
  const previous = plan.previousFunding ?? null;
  return { from: startYear, to: targetYear, total, missing, previous, change: total !== null && previous ? total / previous.value - 1 : null };
}

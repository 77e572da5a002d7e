/**
 * Golden values at every edge that decides a printed verdict, through the report model (issue 16):
 * a CV exactly at the national 0.50 / 0.45, exactly at the plan's strict ＜0.40 / ＜0.35, a school
 * exactly at 85 % of a standard, the order of misses within a status, and the report year a task's
 * achieved value is taken from. Every expected value is worked out by hand in the comments; none
 * comes from the product.
 */
import { buildReport } from "../../src/core/report/model";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { IH, SCHOOL_INDICATORS, SH, TABLES, TH, planYears, yearHeader } from "../../src/core/workbook/layout";
import type { Cell, TableSnapshot, WorkbookSnapshot } from "../../src/core/workbook/model";
import { CV_EDGE_SCHOOLS, CV_EDGE_VERDICTS, CV_EDGES, RULE_EDGE_PASSES, RULE_EDGE_SCHOOLS, TASK_ACHIEVED, TASK_VALUES } from "./edge-cases";

const PLAN = embeddedPlan();
const YEARS = planYears(PLAN);

function table(name: string, sheet: string, headers: string[], values: Cell[][]): TableSnapshot {
  return { name, sheet, col: 0, row: 4, headers, formulas: values, values };
}

function workbook(tables: WorkbookSnapshot["tables"]): WorkbookSnapshot {
  return { tables, sheets: Object.values(tables).map((t) => t!.sheet), names: [], meta: null, year: null, protectedSheets: [] };
}

const SCHOOL_HEADERS = [SH.school, SH.stage, SH.enrolment, SH.classes, SH.standardClasses, ...SCHOOL_INDICATORS.map((i) => i.raw)];
/** A school row; `raw` in the order of SCHOOL_INDICATORS (per-100 indicators are head counts). */
const school = (name: string, stage: string, enrolment: number, raw: number[]): Cell[] => [name, stage, enrolment, 10, 10, ...raw];

function schoolsReport(rows: Cell[][]) {
  const snapshot = workbook({ schools: table(TABLES.schools, "学校数据", SCHOOL_HEADERS, rows) });
  return buildReport(PLAN, snapshot, 2023, { language: "zh", generatedAt: "" });
}

describe("the difference coefficient at its thresholds (two schools of 100 students, equal weights)", () => {
  // Built inside each test (a test runner that maps code to the tests running it sees it there).
  const balance = () => schoolsReport(CV_EDGE_SCHOOLS.map(([n, stage, e, raw]) => school(n, stage, e, raw))).balance;

  test("primary: 0.50 meets the national ≤0.50; 0.50 and 0.40 both miss the plan's ＜0.40", () => {
    const [p] = balance();
    expect(p!.rows.map((r) => r.cv)).toEqual(CV_EDGES.primary.map((v) => expect.closeTo(v, 15)));
    expect(p!.rows.map((r) => r.national)).toEqual(CV_EDGE_VERDICTS.primary.national);
    expect(p!.rows.map((r) => r.plan)).toEqual(CV_EDGE_VERDICTS.primary.plan);
    expect(p!.max).toBeCloseTo(0.5, 15);
    expect(p!.mean).toBeCloseTo(0.9 / 7, 15);
  });

  test("junior: 0.45 meets the national ≤0.45, 0.455 does not; 0.35 misses the plan's ＜0.35", () => {
    const [, j] = balance();
    expect(j!.rows.map((r) => r.cv)).toEqual(CV_EDGES.junior.map((v) => expect.closeTo(v, 15)));
    expect(j!.rows.map((r) => r.national)).toEqual(CV_EDGE_VERDICTS.junior.national);
    expect(j!.rows.map((r) => r.plan)).toEqual(CV_EDGE_VERDICTS.junior.plan);
  });

  test("the thresholds are the stage's own: primary 0.50 and junior 0.45 are not swapped", () => {
    // 0.455 ≤ 0.50 would pass were junior judged by the primary threshold.
    expect(balance()[1]!.rows[4]!.national).toBe(false);
    // A primary CV of 0.47 passes ≤0.50 and would fail ≤0.45: teaching area 53 and 147 → 94/200 = 0.47.
    const m = schoolsReport([school("示例小学丙", "小学", 100, [5, 2, 1, 5300, 800, 200_000, 3]), school("示例小学丁", "小学", 100, [5, 2, 1, 14700, 800, 200_000, 3])]);
    expect(m.balance[0]!.rows[3]!.cv).toBeCloseTo(0.47, 15);
    expect(m.balance[0]!.rows[3]!.national).toBe(true);
  });
});

describe("the 2017 school rule at 85 % of a standard (primary standards 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3)", () => {
  // 1,000 students each: per-100 = head count ÷ 10; per student = figure ÷ 1,000.
  const rule = () => schoolsReport(RULE_EDGE_SCHOOLS.map(([n, stage, e, raw]) => school(n, stage, e, raw)));

  test("exactly at the standard and exactly at 85 % pass; 84.99 % and two misses fail", () => {
    const failing = rule().balance[0]!.failing;
    expect(RULE_EDGE_SCHOOLS.map(([n]) => !failing.some((f) => f.school === n))).toEqual(RULE_EDGE_PASSES);
    expect(failing.map((f) => [f.school, f.met])).toEqual([
      ["示例小学三", 6],
      ["示例小学四", 5],
    ]);
    expect(failing[0]!.missed).toEqual(["生均体育运动场馆面积（m²）"]);
    expect(failing[1]!.missed).toEqual(["生均教学及辅助用房面积（m²）", "生均体育运动场馆面积（m²）"]);
  });
});

describe("misses: worst first within a status", () => {
  const headers = [IH.id, IH.name, IH.unit, IH.direction, IH.baseline, IH.target, ...YEARS.map(yearHeader)];
  // Baseline 10, target 110 by 2025; in 2023 the elapsed share is 3/5 = 0.6.
  const row = (id: string, v2023: number): Cell[] => [id, id, "", "", 10, 110, ...YEARS.map((y) => (y === 2023 ? v2023 : null))];
  const report = () => buildReport(
    PLAN,
    workbook({
      indicators: table(TABLES.indicators, "规划指标", headers, [
        row("A-01", 60), // completion 50/100 = 0.5 < 0.6 → behind, shortfall 0.1
        row("Z-02", 30), // completion 20/100 = 0.2 → behind, shortfall 0.4
        row("M-03", 5), // below the baseline: completion −0.05 → regressing
        row("B-04", 60), // as A-01: ties go by ID
        row("C-05", 80), // completion 0.7 ≥ 0.6 → on track, not a miss
      ]),
    }),
    2023,
    { language: "zh", generatedAt: "" },
  );

  test("regressing before behind; within behind the larger shortfall first, then by ID", () => {
    const model = report();
    expect(model.misses.map((m) => [m.id, m.status])).toEqual([
      ["M-03", "regressing"],
      ["Z-02", "behind"],
      ["A-01", "behind"],
      ["B-04", "behind"],
    ]);
    expect(model.misses.map((m) => m.completion)).toEqual([expect.closeTo(-0.05, 15), expect.closeTo(0.2, 15), expect.closeTo(0.5, 15), expect.closeTo(0.5, 15)]);
  });
});

describe("a task's achieved value is the report year's", () => {
  const headers = [TH.id, TH.name, TH.target, TH.basis, TH.period, TH.baseline, ...YEARS.map(yearHeader)];
  const row = (id: string, target: string, basis: string): Cell[] => [id, id, target, basis, "2021–2025", 0, ...YEARS.map((y) => TASK_VALUES[y] ?? null)];
  const snapshot = workbook({
    tasks: table(TABLES.tasks, "任务目标", headers, [row("T-PRE-02", "13所", "累计 Cumulative"), row("T-PRE-03", "17所", "最新 Latest")]),
  });

  // Cumulative: the sum of the years so far; latest: that year's figure.
  test.each(TASK_ACHIEVED)("%i: cumulative %d, latest %d", (year, cumulative, latest) => {
    const model = buildReport(PLAN, snapshot, year, { language: "zh", generatedAt: "" });
    expect(model.tasks.map((t) => [t.id, t.actual])).toEqual([
      ["T-PRE-02", cumulative],
      ["T-PRE-03", latest],
    ]);
    // Completion against the target from a baseline of 0: achieved ÷ target.
    expect(model.tasks[0]!.completion).toBeCloseTo(cumulative / 13, 12);
    expect(model.tasks[1]!.completion).toBeCloseTo(latest / 17, 12);
  });
});

/**
 * The cached results the .xlsx writer stores for the live columns (what LibreOffice, WPS and Excel
 * before recalculating show): each worked out by hand from the formula the column carries, at the
 * edges a sampled mutation run of src/core/workbook left untested (issue 16).
 */
import { resultOps } from "../../src/core/workbook/results";
import { BH, FH, IH, LATE_LABEL, PH, SCHOOL_INDICATORS, SH, TH, buildTable, fundingTable, indicatorTable, projectTable, taskTable, balanceTable, schoolTable as schoolSpec, yearHeader, type TableKey, type TableSpec } from "../../src/core/workbook/layout";
import { SCHOOL_STAGES } from "../../src/core/calc/projects";
import { cellAddress } from "../../src/core/workbook/a1";
import { templateRows } from "../../src/core/workbook/rows";
import { embeddedPlan } from "../../src/core/plan/embedded";
import type { Cell, TableSnapshot, WorkbookSnapshot, WriteOp } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();

/** A table of `spec`'s columns with its header at row 3 (data from row 4), rows given by header. */
function table(spec: TableSpec, sheet: string, rows: Array<Record<string, Cell>>): TableSnapshot {
  const headers = spec.columns.map((c) => c.header);
  const values = rows.map((r) => headers.map((h) => (h in r ? r[h]! : null)));
  return { name: spec.name, sheet, col: 0, row: 2, headers, values, formulas: values };
}
const workbook = (tables: Partial<Record<TableKey, TableSnapshot>>, year: Cell = 2023): WorkbookSnapshot => ({
  tables,
  sheets: Object.values(tables).map((t) => t!.sheet),
  names: [],
  meta: null,
  year,
  protectedSheets: [],
});
/** The cached value of a table's column, row by row. */
function cached(ops: WriteOp[], t: TableSnapshot, header: string): Cell[] {
  const cells = new Map(ops.flatMap((o) => (o.op === "results" && o.sheet === t.sheet ? o.cells : [])));
  return t.values.map((_, r) => cells.get(cellAddress(t.headers.indexOf(header), r + 3)) as Cell);
}

describe("the funding sheet's computed columns", () => {
  const enrol = (n: number | null) => Object.fromEntries(SCHOOL_STAGES.map((s) => [FH.enrolment(s), n]));
  // Budget in 10k yuan; five stages of 100 pupils each: 1000 × 10000 / 500 = 20,000 yuan per pupil.
  const funding = table(fundingTable(PLAN), "教育经费", [
    { [FH.year]: 2020, [FH.budget]: 1000, [FH.revenue]: 2000, ...enrol(100) },
    { [FH.year]: 2021, [FH.budget]: 1100, [FH.revenue]: 2200, ...enrol(100) },
    { [FH.year]: 2022, [FH.budget]: 1200, ...enrol(100), [FH.enrolment("senior")]: null },
    { [FH.year]: 2023, [FH.budget]: 600, [FH.appropriation]: 550, ...enrol(0) },
  ]);
  const ops = resultOps(PLAN, workbook({ funding }), "zh");
  const round = (cells: Cell[]) => cells.map((c) => (typeof c === "number" ? Number(c.toFixed(12)) : c));

  test("compared: the appropriation where kept, else the budget", () => {
    expect(cached(ops, funding, FH.compared)).toEqual([1000, 1100, 1200, 550]);
  });

  test("per student: budget × 10,000 ÷ all pupils; blank with a stage's count missing or no pupils at all", () => {
    expect(cached(ops, funding, FH.perStudent)).toEqual([20000, 22000, "", ""]);
  });

  test("no growth from a blank year or from 0: blank", () => {
    const holes = table(fundingTable(PLAN), "教育经费", [{ [FH.year]: 2020 }, { [FH.year]: 2021, [FH.budget]: 1000 }, { [FH.year]: 2022, [FH.budget]: 0 }, { [FH.year]: 2023, [FH.budget]: 500 }]);
    expect(cached(resultOps(PLAN, workbook({ funding: holes }), "zh"), holes, FH.budgetGrowth)).toEqual(["", "", -1, ""]);
  });

  test("per student without a budget: blank, whatever the counts", () => {
    const noBudget = table(fundingTable(PLAN), "教育经费", [{ [FH.year]: 2020, ...enrol(100) }, { [FH.year]: 2021, [FH.budget]: "一千", ...enrol(100) }]);
    expect(cached(resultOps(PLAN, workbook({ funding: noBudget }), "zh"), noBudget, FH.perStudent)).toEqual(["", ""]);
  });

  test("growths from the row above: none in the first row, none to or from a blank", () => {
    expect(round(cached(ops, funding, FH.budgetGrowth))).toEqual(["", 0.1, Number((1200 / 1100 - 1).toFixed(12)), -0.5]);
    expect(round(cached(ops, funding, FH.revenueGrowth))).toEqual(["", 0.1, "", ""]);
    expect(round(cached(ops, funding, FH.perStudentGrowth))).toEqual(["", 0.1, "", ""]);
    // 1000 → 1100 → 1200 → 550 (the appropriation): −54.17 % in the last year.
    expect(round(cached(ops, funding, FH.appropriationGrowth))).toEqual(["", 0.1, Number((1200 / 1100 - 1).toFixed(12)), Number((550 / 1200 - 1).toFixed(12))]);
  });
});

describe("the indicator and task sheets' computed columns", () => {
  const ind = table(indicatorTable(PLAN), "规划指标", [
    { [IH.id]: "LOC-01", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94, [yearHeader(2023)]: 0.93, [yearHeader(2025)]: 0.95 },
    { [IH.id]: "LOC-02", [IH.unit]: "%", [IH.baseline]: 0.9684, [IH.target]: 1 },
    { [IH.id]: "", [yearHeader(2023)]: 0.5 },
  ]);

  test("the monitoring year's value, completion and status; blanks stay blank; a row without an ID has no status", () => {
    const ops = resultOps(PLAN, workbook({ indicators: ind }, 2023), "zh");
    expect(cached(ops, ind, IH.actual)).toEqual([0.93, "", 0.5]);
    // (0.93 − 0.9252) ÷ (0.94 − 0.9252) = 0.0048 ÷ 0.0148.
    expect((cached(ops, ind, IH.completion)[0] as number).toFixed(6)).toBe((0.0048 / 0.0148).toFixed(6));
    expect(cached(ops, ind, IH.completion).slice(1)).toEqual(["", "—"]);
    expect(cached(ops, ind, IH.status)).toEqual(["滞后", "无数据", ""]);
    // Gap: 0.93 is 0.01 short of 0.94; blank rows have none.
    expect((cached(ops, ind, IH.gap)[0] as number).toFixed(6)).toBe("0.010000");
    expect(cached(ops, ind, IH.gap).slice(1)).toEqual(["", ""]);
  });

  test("a row with a value but no target to judge it by: no gap (blank), completion —, invalid data", () => {
    const noTarget = table(indicatorTable(PLAN), "规划指标", [{ [IH.id]: "OWN-1", [IH.unit]: "%", [IH.baseline]: 0.5, [yearHeader(2023)]: 0.6 }]);
    const ops = resultOps(PLAN, workbook({ indicators: noTarget }, 2023), "zh");
    expect([cached(ops, noTarget, IH.gap), cached(ops, noTarget, IH.completion), cached(ops, noTarget, IH.status)]).toEqual([[""], ["—"], ["数据有误"]]);
  });

  test("a monitoring year outside the period (or none) caches the last year's results", () => {
    for (const year of [2030, "二〇二三", null]) {
      const ops = resultOps(PLAN, workbook({ indicators: ind }, year), "en");
      expect([year, cached(ops, ind, IH.actual)[0], cached(ops, ind, IH.status)[0]]).toEqual([year, 0.95, "Reached"]);
    }
  });

  test("a task without a value for the year: achieved and completion blank; a row of the planner's without a target is invalid data", () => {
    const template = templateRows("tasks", PLAN, "zh", () => "A1").find((r) => r.key === "T-LLL-02")!.cells;
    const tasks = table(taskTable(PLAN), "任务目标", [template, { [TH.id]: "OWN-1" }]);
    const ops = resultOps(PLAN, workbook({ tasks }, 2023), "zh");
    expect([cached(ops, tasks, TH.achieved), cached(ops, tasks, TH.rate), cached(ops, tasks, TH.status)]).toEqual([
      ["", ""],
      ["", ""],
      ["无数据", "数据有误"],
    ]);
  });

  test("a task row without an ID has no verdict: its achieved, completion and status stay blank", () => {
    const tasks = table(taskTable(PLAN), "任务目标", [{ [TH.id]: "", [yearHeader(2023)]: 3 }]);
    const ops = resultOps(PLAN, workbook({ tasks }, 2023), "zh");
    expect([cached(ops, tasks, TH.achieved), cached(ops, tasks, TH.rate), cached(ops, tasks, TH.status)]).toEqual([[""], [""], [""]]);
  });

  test("tables without rows get no cached results at all (no empty write)", () => {
    const ind = table(indicatorTable(PLAN), "规划指标", []);
    const tasks = table(taskTable(PLAN), "任务目标", []);
    expect(resultOps(PLAN, workbook({ indicators: ind, tasks }, 2023), "zh").filter((o) => o.op === "results")).toEqual([]);
  });
});

describe("the balance sheet's checks", () => {
  test("the class-share row has no national or plan check; the coefficient rows do", () => {
    // Two primary schools, 100 pupils each, every resource 10 and 30 (CV 0.5 each: exactly the national bound).
    const school = (name: string, v: number): Record<string, Cell> => ({ [SH.school]: name, [SH.stage]: "小学", [SH.enrolment]: 100, [SH.classes]: 4, [SH.standardClasses]: 2, ...Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, v])) });
    const schoolTable = table(schoolSpec(), "学校数据", [school("甲", 10), school("乙", 30)]);
    const balance = table(balanceTable(), "均衡分析", Array.from({ length: SCHOOL_INDICATORS.length + 3 }, (_, i) => ({ [BH.indicator]: `row ${i}` })));
    const ops = resultOps(PLAN, workbook({ schools: schoolTable, balance }), "zh");
    const national = cached(ops, balance, BH.primaryNational);
    expect(national).toEqual([...SCHOOL_INDICATORS.map(() => "达标"), "达标", "达标", ""]);
    // ＜0.40 is missed by 0.5; class share 2 of 4 standard classes each: 0.5.
    expect(cached(ops, balance, BH.primaryPlan)).toEqual([...SCHOOL_INDICATORS.map(() => "未达标"), "未达标", "未达标", ""]);
    expect(cached(ops, balance, BH.primaryCv).at(-1)).toBe(0.5);
  });
});

describe("the schools sheet's per-student columns and 2017 rule (third sample, seed 20261203)", () => {
  // 甲: 200 pupils, every raw figure 100 → 0.5 per pupil (×100 where the indicator is per 100 pupils: 50).
  // 乙: no pupils → no per-student figure, no rule. 丙: one raw figure missing → that figure blank and no rule.
  const raw = (v: Cell) => Object.fromEntries(SCHOOL_INDICATORS.map((i) => [i.raw, v]));
  const schools = table(schoolSpec(), "学校数据", [
    { [SH.school]: "甲", [SH.stage]: "小学", [SH.enrolment]: 200, ...raw(100) },
    { [SH.school]: "乙", [SH.stage]: "小学", [SH.enrolment]: 0, ...raw(100) },
    { [SH.school]: "丙", [SH.stage]: "小学", [SH.enrolment]: 200, ...raw(100), [SCHOOL_INDICATORS[0]!.raw]: null },
  ]);
  const balance = table(balanceTable(), "均衡分析", Array.from({ length: SCHOOL_INDICATORS.length + 3 }, (_, i) => ({ [BH.indicator]: `row ${i}` })));
  const ops = resultOps(PLAN, workbook({ schools, balance }), "zh");
  test("per student: raw ÷ pupils (× 100 where per 100), blank without pupils or without the figure", () => {
    SCHOOL_INDICATORS.forEach((ind, k) => {
      const each = ind.scale === 100 ? 50 : 0.5;
      expect([ind.per, cached(ops, schools, ind.per)]).toEqual([ind.per, [each, "", k === 0 ? "" : each]]);
    });
  });
  test("the rule needs all seven figures: 乙 and 丙 have none; 甲 has them and fails", () => {
    // 甲's per-pupil floor area, sports ground and equipment (0.5 each) are far below the primary
    // standards 4.5, 7.5 and 2000 (src/core/calc/balance.ts): more than one missed, so not met.
    expect(cached(ops, schools, SH.balance)).toEqual(["未达标 Not met", "", ""]);
  });
  test("no junior school: the junior columns' coefficients and checks are blank, none reads 达标 or 未达标", () => {
    for (const h of [BH.juniorCv, BH.juniorNational, BH.juniorPlan]) expect(new Set(cached(ops, balance, h))).toEqual(new Set([""]));
  });
});

describe("the project ledger's late mark (fourth sample, seed 20261204)", () => {
  // Due in 2025 and still under construction: late only once the monitoring year is past 2025.
  const projects = table(projectTable(PLAN), "建设项目", [
    { [PH.name]: "湖塘新校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.places]: 1350, [PH.start]: 2023, [PH.completion]: 2025, [PH.state]: "在建" },
    { [PH.name]: "礼嘉中学", [PH.stage]: "初中", [PH.kind]: "改扩建", [PH.places]: 600, [PH.start]: 2021, [PH.completion]: 2022, [PH.state]: "在建" },
  ]);

  test("a monitoring year past the period is read as its last, 2025: the project due in 2025 is not late yet, the one due in 2022 is", () => {
    for (const year of [2030, 2025]) {
      expect([year, cached(resultOps(PLAN, workbook({ projects }, year), "zh"), projects, PH.late)]).toEqual([year, ["", LATE_LABEL]]);
    }
    expect(cached(resultOps(PLAN, workbook({ projects }, 2022), "zh"), projects, PH.late)).toEqual(["", ""]);
  });

  test("past due but completed or in use: no late mark; a completion year typed as text is no year (sixth draw, seed 20261209)", () => {
    const done = table(projectTable(PLAN), "建设项目", [
      { [PH.name]: "已竣工校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.start]: 2021, [PH.completion]: 2022, [PH.state]: "已竣工" },
      { [PH.name]: "已交付校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.start]: 2021, [PH.completion]: 2022, [PH.actualYear]: 2022, [PH.state]: "已交付使用" },
      { [PH.name]: "文本年份", [PH.stage]: "小学", [PH.kind]: "新建", [PH.start]: 2021, [PH.completion]: "2022", [PH.state]: "在建" },
    ]);
    expect(cached(resultOps(PLAN, workbook({ projects: done }, 2025), "zh"), done, PH.late)).toEqual(["", "", ""]);
  });

  test("due 2022, put in use 2024: late in 2023, finished late from 2024; the planned year alone decides nothing once it is finished on time (§7a.4)", () => {
    const rows = table(projectTable(PLAN), "建设项目", [
      { [PH.name]: "迟交付校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.start]: 2021, [PH.completion]: 2022, [PH.actualYear]: 2024, [PH.state]: "已交付使用" },
      { [PH.name]: "准时校", [PH.stage]: "小学", [PH.kind]: "新建", [PH.start]: 2021, [PH.completion]: 2022, [PH.actualYear]: 2022, [PH.state]: "已竣工" },
    ]);
    const marks = (year: number) => cached(resultOps(PLAN, workbook({ projects: rows }, year), "zh"), rows, PH.late);
    expect([2022, 2023, 2024, 2025].map(marks)).toEqual([
      ["", ""],
      ["逾期 Late", ""],
      ["逾期完成 Finished late", ""],
      ["逾期完成 Finished late", ""],
    ]);
  });

  test("a workbook without a funding table gets no funding results, and every result is a write (sixth draw)", () => {
    const ops = resultOps(PLAN, workbook({ projects }, 2025), "zh");
    expect(ops.every((o) => typeof o === "object" && o.op === "results")).toBe(true);
    expect(ops.map((o) => (o as { sheet: string }).sheet)).toEqual(["建设项目"]);
  });

  test("no completion year, or no state typed: no late mark, however far past (fifth draw, seed 20261208)", () => {
    const unknown = table(projectTable(PLAN), "建设项目", [
      { [PH.name]: "无期限", [PH.stage]: "小学", [PH.kind]: "新建", [PH.start]: 2021, [PH.state]: "在建" },
      { [PH.name]: "无进展", [PH.stage]: "小学", [PH.kind]: "新建", [PH.start]: 2021, [PH.completion]: 2022 },
    ]);
    expect(cached(resultOps(PLAN, workbook({ projects: unknown }, 2025), "zh"), unknown, PH.late)).toEqual(["", ""]);
  });

  test("the programme sheet without its project ledger (deleted by the planner): no cached figures for it, no failure", () => {
    const build = table(buildTable(), "学校建设", [{}]);
    expect(resultOps(PLAN, workbook({ build }, 2023), "zh").filter((o) => o.op === "results" && o.sheet === "学校建设")).toEqual([]);
  });
});

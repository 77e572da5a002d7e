/**
 * The final evaluation at an edge a fresh run of final.ts left untested (issue 16): a row the data
 * check makes 数据有误 for a reason other than its values (here a band of 150 %: the target cannot be read with it, though every value is fine) shows no
 * yearly values, never a trajectory that reads as data.
 */
import { buildFinalReport } from "../../src/core/report/final";
import { IH, TH, indicatorTable, taskTable, yearHeader } from "../../src/core/workbook/layout";
import { cellAddress } from "../../src/core/workbook/a1";
import { finalSheet } from "../../src/core/report/final-sheet";
import { STATUS_COLORS } from "../../src/core/calc/status";
import { embeddedPlan } from "../../src/core/plan/embedded";
import type { Cell, WorkbookSnapshot } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();

test("an indicator whose band cannot be used (150 %, so no target can be read from it): 数据有误 in the final evaluation, its years shown as no values", () => {
  const headers = indicatorTable(PLAN).columns.map((c) => c.header);
  const row: Record<string, Cell> = { [IH.id]: "LOC-01", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94, [IH.band]: 1.5, [yearHeader(2021)]: 0.93, [yearHeader(2025)]: 0.95 };
  const values = [headers.map((h) => row[h] ?? null)];
  const snapshot: WorkbookSnapshot = {
    tables: { indicators: { name: "PM_Indicators", sheet: "规划指标", col: 0, row: 4, headers, values, formulas: values } },
    sheets: ["规划指标"],
    names: [],
    meta: null,
    year: 2025,
    protectedSheets: [],
  };
  const line = buildFinalReport(PLAN, snapshot, { language: "zh", generatedAt: "2026-11-30 08:40" }).indicators.find((l) => l.row.id === "LOC-01")!;
  expect([line.row.status, line.values]).toEqual(["invalid", [null, null, null, null, null]]);
});

/**
 * §7a.7 / rule 2 of §7a: a final verdict is never computed from a value the data check rejects, in
 * whichever year of the period it stands. Each bad kind goes into each year in turn, for an indicator
 * (LOC-01, 92.52 % → 94 %: every other year 95 %, which alone would read 提前实现) and for a task of
 * the planner's own (a share, latest basis: likewise 95 % against 94 %).
 */
describe("a rejected value in any year makes the final verdict 数据有误, counted so", () => {
  const indicatorHeaders = indicatorTable(PLAN).columns.map((c) => c.header);
  const taskHeaders = taskTable(PLAN).columns.map((c) => c.header);
  const YEARS = [2021, 2022, 2023, 2024, 2025];
  const BAD: Array<[string, Cell, boolean]> = [
    ["text (九十九点三)", "九十九点三", false],
    ["percentage points (98.5 in a percent cell)", 98.5, false],
    ["an Excel error (#DIV/0!)", "#DIV/0!", false],
    ["a merged cell", 0.95, true],
  ];
  const cases = BAD.flatMap(([what, cell, merged]) => YEARS.map((y) => [what, y, cell, merged] as const));
  test.each(cases)("%s in %p", (_what, year, bad, merged) => {
    const good = (y: number): Cell => (y === year && !merged ? bad : 0.95);
    const indicator: Record<string, Cell> = { [IH.id]: "LOC-01", [IH.group]: "地方发展性指标", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94, ...Object.fromEntries(YEARS.map((y) => [yearHeader(y), good(y)])) };
    const task: Record<string, Cell> = { [TH.id]: "OWN-1", [TH.section]: "自定", [TH.name]: "自定比例", [TH.unit]: "%", [TH.basis]: "最新", [TH.target]: 0.94, [TH.baseline]: 0.9, [TH.period]: "2021–2025", ...Object.fromEntries(YEARS.map((y) => [yearHeader(y), good(y)])) };
    // A merge over the year's cell and the one beside it (the indicator's and the task's own rows).
    const column = (headers: string[]) => headers.indexOf(yearHeader(year));
    const mergedOver = (headers: string[], row: number) => (merged ? { merged: [`${cellAddress(column(headers), row)}:${cellAddress(column(headers) + 1, row)}`] } : {});
    const rowsOf = (headers: string[], r: Record<string, Cell>) => [headers.map((h) => r[h] ?? null)];
    const snapshot: WorkbookSnapshot = {
      tables: {
        indicators: { name: "PM_Indicators", sheet: "规划指标", col: 0, row: 4, headers: indicatorHeaders, values: rowsOf(indicatorHeaders, indicator), formulas: rowsOf(indicatorHeaders, indicator), ...mergedOver(indicatorHeaders, 5) },
        tasks: { name: "PM_Tasks", sheet: "任务目标", col: 0, row: 2, headers: taskHeaders, values: rowsOf(taskHeaders, task), formulas: rowsOf(taskHeaders, task), ...mergedOver(taskHeaders, 3) },
      },
      sheets: ["规划指标", "任务目标"],
      names: [],
      meta: null,
      year: 2025,
      protectedSheets: [],
    };
    const model = buildFinalReport(PLAN, snapshot, { language: "zh", generatedAt: "2026-11-30 08:40" });
    const ind = model.indicators.find((l) => l.row.id === "LOC-01")!;
    const own = model.tasks.find((l) => l.row.id === "OWN-1")!;
    expect([ind.row.status, own.row.status]).toEqual(["invalid", "invalid"]);
    expect([model.overall.invalid, model.overall.reachedEarly, model.overall.reached]).toEqual([1, 0, 0]);
    expect([model.taskCounts.invalid, model.taskCounts.reachedEarly, model.taskCounts.reached]).toEqual([1, 0, 0]);
    // The other years are shown; the bad one is blank among the values and kept as typed beside them.
    expect(ind.values).toEqual(YEARS.map((y) => (y === year ? null : 0.95)));
    expect(ind.rejected).toEqual(YEARS.map((y) => (y === year ? (merged ? 0.95 : bad) : undefined)));
    // The cell is named among the row's problems.
    expect(ind.row.problems.map((p) => p.address)).toContain(cellAddress(column(indicatorHeaders), 5));
    // The printed sheet counts it under 数据有误 and shows the typed value in the invalid colours.
    const sheet = finalSheet(model);
    const cell = sheet.blocks.filter((b) => b.col === 4 + YEARS.indexOf(year) && b.fill === STATUS_COLORS.invalid.fill);
    expect(cell.length).toBeGreaterThanOrEqual(2);
  });
});

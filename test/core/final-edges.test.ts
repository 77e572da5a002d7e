/**
 * The final evaluation at an edge a fresh run of final.ts left untested (issue 16): a row the data
 * check makes 数据有误 for a reason other than its values (here a band of 150 %: the target cannot be read with it, though every value is fine) shows no
 * yearly values, never a trajectory that reads as data.
 */
import { buildFinalReport } from "../../src/core/report/final";
import { IH, indicatorTable, yearHeader } from "../../src/core/workbook/layout";
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

/**
 * The report's kind, sheet name and default year (issue 16), worked by hand for the 2021–2025 plan
 * (base year 2020): the mid-term year is the middle of 2020–2025 rounded up, ⌈2022.5⌉ = 2023.
 */
import { latestYearWithData, reportKind, reportSheetName } from "../../src/core/report/model";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { IH, TABLES, yearHeader } from "../../src/core/workbook/layout";
import type { Cell, WorkbookSnapshot } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();
const YEARS = [2021, 2022, 2023, 2024, 2025];

function snapshot(rows: Cell[][] | null): WorkbookSnapshot {
  const headers = [IH.id, ...YEARS.map(yearHeader)];
  const tables = rows ? { indicators: { name: TABLES.indicators, sheet: "规划指标", col: 0, row: 4, headers, formulas: rows, values: rows } } : {};
  return { tables, sheets: [], names: [], meta: null, year: null, protectedSheets: [] } as WorkbookSnapshot;
}

describe("the report's kind and name", () => {
  test.each([
    [2021, "annual"],
    [2022, "annual"],
    [2023, "midterm"],
    [2024, "annual"],
    [2025, "final"],
    [2026, "final"],
  ] as const)("%i is %s", (year, kind) => {
    expect(reportKind(PLAN, year)).toBe(kind);
  });

  test("a period with an even span: the middle year itself (2020–2030 → 2025)", () => {
    const plan = { ...PLAN, period: { ...PLAN.period, baseYear: 2020, startYear: 2021, targetYear: 2030 } };
    expect([2024, 2025, 2026].map((y) => reportKind(plan, y))).toEqual(["annual", "midterm", "annual"]);
  });

  test("the sheet name in each language", () => {
    expect([reportSheetName(2023, "zh"), reportSheetName(2023, "en")]).toEqual(["2023年度监测报告", "2023 Monitoring Report"]);
  });
});

describe("the year a report defaults to: the latest with any indicator value", () => {
  const row = (values: Cell[]): Cell[] => ["INT-01", ...values];
  test.each([
    ["values up to 2023 (2024 blank, 2025 spaces)", [row([1, 2, 3, "", "  "]), row([null, null, null, null, null])], 2023],
    ["a value only in 2025 on the second row", [row([1, "", "", "", ""]), row(["", "", "", "", 0])], 2025],
    ["text counts as a value (the data check reports it)", [row(["", "n/a", "", "", ""])], 2022],
    ["no value anywhere: the first plan year", [row(["", null, " ", "", ""])], 2021],
    ["no rows", [], 2021],
  ] as Array<[string, Cell[][], number]>)("%s → %i", (_what, rows, year) => {
    expect(latestYearWithData(PLAN, snapshot(rows))).toBe(year);
  });

  test("no indicator table: the first plan year", () => {
    expect(latestYearWithData(PLAN, snapshot(null))).toBe(2021);
  });
});

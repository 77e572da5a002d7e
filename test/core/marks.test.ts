/**
 * Year marks (domain notes §7a.6): which years' figures are estimates. The cells of PM_YearMarks above
 * the indicator table's year columns, read by the column below each; the reports say which years are
 * estimates; text that is no mark is an error naming its cell.
 */
import { markFromText, yearMarkFindings, yearMarks } from "../../src/core/workbook/marks";
import { IH, indicatorTable, yearHeader } from "../../src/core/workbook/layout";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildReport } from "../../src/core/report/model";
import { buildFinalReport } from "../../src/core/report/final";
import { finalSheet } from "../../src/core/report/final-sheet";
import { reportSheet } from "../../src/core/report/sheet";
import type { Cell, WorkbookSnapshot } from "../../src/core/workbook/model";

const PLAN = embeddedPlan();
const headers = indicatorTable(PLAN).columns.map((c) => c.header);
// Year columns J, L, N, P, R (2021–2025, each followed by its note); the marks row J4:R4 above the header row 5.
const J = headers.indexOf(yearHeader(2021));

function workbook(marks: Cell[] | null): WorkbookSnapshot {
  const row: Record<string, Cell> = { [IH.id]: "LOC-01", [IH.group]: "地方发展性指标", [IH.unit]: "%", [IH.baseline]: 0.9252, [IH.target]: 0.94, [yearHeader(2024)]: 0.93, [yearHeader(2025)]: 0.945 };
  const values = [headers.map((h) => row[h] ?? null)];
  return {
    tables: { indicators: { name: "PM_Indicators", sheet: "规划指标", col: 0, row: 4, headers, values, formulas: values } },
    sheets: ["规划指标"],
    names: marks ? ["PM_YearMarks"] : [],
    meta: null,
    year: 2025,
    protectedSheets: [],
    ...(marks ? { yearMarks: { sheet: "规划指标", col: J, row: 3, values: marks } } : {}),
  };
}

describe("year marks", () => {
  test.each([
    [null, null],
    ["", null],
    ["实际", null],
    ["Actual", null],
    ["预计", "estimate"],
    [" estimated ", "estimate"],
    ["初步", "preliminary"],
    ["PRELIMINARY", "preliminary"],
    ["估计", undefined],
  ] as const)("%p reads as %p", (cell, mark) => {
    expect(markFromText(cell)).toBe(mark);
  });

  test("each cell is the year of the column below it: the notes' cells between are not years", () => {
    // J4 (2021) … R4 (2025): 2024 preliminary, 2025 estimated; K4, M4 … stand over note columns.
    const marks = yearMarks(workbook(["", "预计", "", "", "", "", "初步", "", "预计"]));
    expect([...marks]).toEqual([
      [2024, "preliminary"],
      [2025, "estimate"],
    ]);
    expect(yearMarks(workbook(null)).size).toBe(0);
  });

  test("text that is no mark is an error naming its cell and the choices", () => {
    const found = yearMarkFindings(workbook(["估计"]));
    expect(found.map((f) => [f.severity, f.address, f.key])).toEqual([["error", "J4", "2021"]]);
    expect(found[0]!.message.zh).toBe("规划指标!J4：“估计”不是数据性质。2021 年的数据请选“实际”（或留空）、“预计”或“初步”。");
  });

  test("the final evaluation drafted from a 2025 estimate says so at its top and marks the year's column; the verdict is the estimate's", () => {
    const snapshot = workbook(["", "", "", "", "", "", "", "", "预计"]);
    const model = buildFinalReport(PLAN, snapshot, { language: "zh", generatedAt: "2025-12-10 09:00" });
    expect(model.sections.evaluation[0]).toBe("本评估生成于 2025 年，2021—2025年规划期尚未结束（至 2025 年底）：以下为截至目前的数据，不是终期结论。");
    expect(model.sections.evaluation).toContain("其中 2025年数据为预计数（见规划指标表“数据性质”一行），定稿前须以正式统计数据核实。");
    expect(model.sections.achievements[0]).toMatch(/^截至目前，1 项主要指标中，已实现 1 项/);
    // 0.945 ≥ 0.94 in 2025, 0.93 short in 2024: reached in the target year, on the estimate.
    expect(model.indicators[0]!.row.status).toBe("reached");
    const sheet = finalSheet(model);
    const header = sheet.blocks.find((b) => b.values[0]?.[0] === "编号" && b.values[0]?.includes("2025（预计）"));
    expect(header).toBeDefined();
    // The annual report of 2025 names it over its actual column; the 2024 report has nothing to say.
    const annual = reportSheet(buildReport(PLAN, snapshot, 2025, { language: "en", generatedAt: "" }));
    expect(annual.blocks.some((b) => b.values[0]?.[6] === "Actual (estimated)")).toBe(true);
    expect(reportSheet(buildReport(PLAN, snapshot, 2025, { language: "zh", generatedAt: "" })).blocks.some((b) => b.values[0]?.[6] === "本年实际（预计）")).toBe(true);
    expect(buildReport(PLAN, snapshot, 2024, { language: "zh", generatedAt: "" }).marks).toEqual({});
  });
});

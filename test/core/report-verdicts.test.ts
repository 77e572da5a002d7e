/**
 * The hand-worked verdict table (verdict-cases.ts) through PLAN.STATUS and through the report
 * model built from a workbook snapshot, and the proof that no unreadable or rejected input becomes
 * a verdict on any path (issue 9).
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { buildReport } from "../../src/core/report/model";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { STATUS_LABELS } from "../../src/core/calc/status";
import { IH, TABLES, planYears, yearHeader } from "../../src/core/workbook/layout";
import type { Cell, WorkbookSnapshot } from "../../src/core/workbook/model";
import { CASES, type Case } from "./verdict-cases";

const PLAN = embeddedPlan();
const ALL: Array<[string, Case]> = Object.entries(CASES).flatMap(([kind, cases]) => cases.map((c) => [kind, c] as [string, Case]));

/** A workbook whose indicator table holds one row per case, the year's value in its year column. */
function snapshotOf(rows: Array<{ id: string; unit?: string; baseline: unknown; target: unknown; values: Record<number, Cell> }>): WorkbookSnapshot {
  const years = planYears(PLAN);
  const headers = [IH.id, IH.name, IH.unit, IH.direction, IH.baseline, IH.target, ...years.map(yearHeader)];
  const values = rows.map((r) => [r.id, r.id, r.unit ?? "", "", r.baseline as Cell, r.target as Cell, ...years.map((y) => r.values[y] ?? null)]);
  return {
    tables: { indicators: { name: TABLES.indicators, sheet: "规划指标", col: 0, row: 4, headers, formulas: values, values } },
    sheets: ["规划指标"],
    names: [],
    meta: null,
    year: null,
    protectedSheets: [],
  };
}

describe("the verdict table through PLAN.STATUS", () => {
  test.each(ALL)("%s: %j", (_kind, [b, t, actual, year, status]) => {
    expect(F.status(b, actual ?? "", t, year, 2020, 2025, "en")).toBe(STATUS_LABELS[status].en);
  });
});

describe("the verdict table through the report model", () => {
  // The report covers plan years only; cases after 2025 are the core's (verdict.test.ts).
  const inPlan = ALL.filter(([, c]) => c[3] <= 2025);
  test.each(inPlan)("%s: %j", (_kind, [b, t, actual, year, status]) => {
    const model = buildReport(PLAN, snapshotOf([{ id: "X-01", baseline: b, target: t, values: { [year]: actual } }]), year, { language: "zh", generatedAt: "" });
    expect(model.indicators[0]!.status).toBe(status);
  });
});

describe("no path turns an unreadable or rejected input into a verdict", () => {
  const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "");
  test("any text in a year cell is 数据有误 in the report model and in the sheet's live status", () => {
    fc.assert(
      fc.property(text, (s) => {
        const model = buildReport(PLAN, snapshotOf([{ id: "X-01", baseline: 0.9, target: 0.95, values: { 2023: s } }]), 2023, { language: "zh", generatedAt: "" });
        expect(model.indicators[0]!.status).toBe("invalid");
        expect(model.indicators[0]!.actual).toBeNull();
        expect(model.problems.length).toBeGreaterThan(0);
        // The template's live column passes the row's unit: text there is invalid, as in the report.
        expect(F.status(0.9, s, 0.95, 2023, 2020, 2025, "en", "", "", "%")).toBe("Invalid data");
      }),
    );
  });
  test.each([
    ["percentage points in a percent row", 98.5, "%"],
    ["above 100 % in a net share", 1.012, "%"],
    ["an Excel error as text", "#REF!", "%"],
    ["Chinese numerals", "九十二", "%"],
    ["a negative share", -0.2, "%"],
  ])("%s (%p) is 数据有误 on every path", (_what, value, unit) => {
    const model = buildReport(PLAN, snapshotOf([{ id: "X-01", unit, baseline: 0.9, target: 0.95, values: { 2023: value as Cell } }]), 2023, { language: "zh", generatedAt: "" });
    expect(model.indicators[0]!.status).toBe("invalid");
    expect(F.status(0.9, value, 0.95, 2023, 2020, 2025, "zh", "", "", unit)).toBe("数据有误");
  });
});

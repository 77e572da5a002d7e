/**
 * The report's kind, sheet name and default year (issue 16), worked by hand for the 2021–2025 plan
 * (base year 2020): the mid-term year is the middle of 2020–2025 rounded up, ⌈2022.5⌉ = 2023.
 */
import { buildReport, latestYearWithData, reportKind, reportSheetName } from "../../src/core/report/model";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { checkWorkbook } from "../../src/core/workbook/check";
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

describe("the model's head: completeness, counts, problems, template", () => {
  // Three rows typed by hand for 2023: INT-01 a valid value, INT-02 a misread one, INT-04 blank. The
  // workbook is the source of truth: the report covers the rows it holds.
  const headers = [IH.id, IH.baseline, IH.target, ...YEARS.map(yearHeader)];
  const rowOf = (id: string, y2023: Cell, y2022: Cell = "", target?: string): Cell[] => {
    const ind = PLAN.indicators.find((i) => i.id === id)!;
    return [id, ind.baseline.value ?? "", target ?? ind.target.text, "", y2022, y2023, "", ""];
  };
  // INT-01 jumps from 20% to 99% (a warning, not a problem); INT-06 has a value and an unreadable target (its row invalid, no value judged).
  const rows = [rowOf("INT-01", 0.99, 0.2), rowOf("INT-02", "98..5"), rowOf("INT-04", ""), rowOf("INT-06", 12, "", "≥9x")];
  const snap = (meta: WorkbookSnapshot["meta"]): WorkbookSnapshot =>
    ({ tables: { indicators: { name: TABLES.indicators, sheet: "规划指标", col: 0, row: 4, headers, formulas: rows, values: rows } }, sheets: [], names: [], meta, year: 2023, protectedSheets: [] }) as unknown as WorkbookSnapshot;

  test("one valid value, one invalid, the rest without: counted once each, groups adding up to every indicator", () => {
    const m = buildReport(PLAN, snap(null), 2023, { language: "zh", generatedAt: "2026-11-30 08:40" });
    const n = 4;
    expect(m.completeness).toEqual({ withValue: 1, invalid: 2, total: n });
    expect(m.indicators.map((l) => [l.id, l.status === "invalid", l.actual])).toEqual([["INT-01", false, 0.99], ["INT-02", true, null], ["INT-04", false, null], ["INT-06", true, null]]);
    expect(m.indicators.find((l) => l.id === "INT-02")!.status).toBe("invalid");
    // Each group's counts are its indicators' statuses, none counted twice or negatively.
    for (const g of m.groups) {
      const mine = m.indicators.filter((l) => l.group === g.name);
      expect(Object.values(g.counts).reduce((a, b) => a + b, 0)).toBe(mine.length);
      for (const s of Object.keys(g.counts) as Array<keyof typeof g.counts>) expect([g.name, s, g.counts[s]]).toEqual([g.name, s, mine.filter((l) => l.status === s).length]);
    }
    expect(m.groups.reduce((a, g) => a + Object.values(g.counts).reduce((x, y) => x + y, 0), 0)).toBe(n);
    // Problems: errors only, each naming its cell; the misread value among them, INT-01's jump not.
    const findings = checkWorkbook(PLAN, snap(null));
    expect(findings.some((f) => f.key === "INT-01" && f.severity === "warning")).toBe(true);
    expect(m.problems.map((p) => p.key).sort()).toEqual(findings.filter((f) => f.severity === "error").map((f) => f.key).sort());
    expect(m.problems.some((p) => p.key === "INT-01")).toBe(false);
    expect(m.problems.find((p) => p.key === "INT-02")).toMatchObject({ sheet: "规划指标" });
    expect(m.problems.every((p) => typeof p.message === "string" && p.message.length > 0)).toBe(true);
    // The template named by the plan when the workbook has no meta record; the contradictions in the report's language.
    expect([m.templateId, m.templateVersion]).toEqual([PLAN.id, PLAN.version]);
    expect(m.contradictions).toEqual(PLAN.contradictions.map((c) => ({ id: c.id, summary: c.summary.zh })));
    expect(m.summary.length).toBeGreaterThan(0);
    expect(m.summary.every((p) => p.length > 0)).toBe(true);
  });

  test("the template as the workbook records it wins over the embedded plan's", () => {
    const m = buildReport(PLAN, snap({ templateId: "wujin-x", version: "9.9.9" } as WorkbookSnapshot["meta"]), 2023, { language: "en", generatedAt: "2026-11-30 08:40" });
    expect([m.templateId, m.templateVersion]).toEqual(["wujin-x", "9.9.9"]);
    expect(m.contradictions[0]!.summary).toBe(PLAN.contradictions[0]!.summary.en);
  });
});

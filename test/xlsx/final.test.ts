/**
 * The final evaluation (issue 15): every indicator's final verdict in the demo is worked out here
 * from the demo's yearly values and the plan's targets with the rules of domain notes §7, apart from
 * the core; the sheet is the same through both hosts (exceljs here, the Excel double there).
 */
import ExcelJS from "exceljs";
import { buildDemo } from "../../src/usecases/demo";
import { xlsxPort } from "../../src/xlsx/port";
import { excelPort } from "../../src/excel/port";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { buildFinalReport, type FinalModel } from "../../src/core/report/final";
import { finalSheet, trend } from "../../src/core/report/final-sheet";
import { STATUS_LABELS } from "../../src/core/calc/status";
import { IH, yearHeader } from "../../src/core/workbook/layout";
import { FakeContext, FakeWorkbookData, installExcelEnums } from "../excel/fake-excel";

const PLAN = embeddedPlan();
const YEARS = [2021, 2022, 2023, 2024, 2025];
let wb: ExcelJS.Workbook;
let model: FinalModel;

beforeAll(async () => {
  installExcelEnums();
  wb = new ExcelJS.Workbook();
  await buildDemo(xlsxPort(wb), new Date(2026, 10, 30, 8, 40));
  model = buildFinalReport(PLAN, snapshotFromWorkbook(wb), { language: "zh", generatedAt: "2026-11-30 08:40" });
}, 120_000);

/** Reached, by the plan's printed target, written out apart from the core (figures and bounds only). */
function reached(id: string, v: number): boolean {
  const ind = PLAN.indicators.find((i) => i.id === id)!;
  const t = ind.target.value;
  const eps = 1e-9 * Math.max(Math.abs(v), Math.abs(t));
  switch (ind.target.comparator) {
    case "<":
      return v < t - eps;
    case "<=":
      return v <= t + eps;
    case ">":
      return v > t + eps;
    case ">=":
      return v >= t - eps;
    default:
      return ind.direction === "lower" ? v <= t + eps : v >= t - eps;
  }
}

describe("the demo's final evaluation", () => {
  test("every indicator's final verdict and year first reached follow domain notes §7", () => {
    const table = snapshotFromWorkbook(wb).tables.indicators!;
    const col = (h: string) => table.headers.indexOf(h);
    for (const ind of PLAN.indicators) {
      const row = table.values.find((r) => r[col(IH.id)] === ind.id)!;
      const values = YEARS.map((y) => row[col(yearHeader(y))]).map((v) => (typeof v === "number" ? v : null));
      const first = YEARS.find((y, k) => values[k] !== null && reached(ind.id, values[k]!)) ?? null;
      const end = values[values.length - 1] ?? null;
      const expected = end === null ? "noData" : !reached(ind.id, end) ? "missed" : first! < 2025 ? "reachedEarly" : "reached";
      const line = model.indicators.find((l) => l.row.id === ind.id)!;
      expect([ind.id, line.row.status, line.row.firstReached]).toEqual([ind.id, expected, expected === "missed" || expected === "noData" ? null : first]);
      expect([ind.id, line.values]).toEqual([ind.id, values]);
    }
    // The demo's picture: most reached (six early), five missed (the lagging and regressing paths).
    expect(model.overall).toMatchObject({ reachedEarly: 6, reached: 12, missed: 5, noData: 0, invalid: 0 });
  });

  test("a row reached early and lost again is missed, not reached", () => {
    // LOC-09 (fitness) and LOC-11 (exchanges) regressed after 2021 and end short of their targets.
    for (const id of ["LOC-09", "LOC-11"]) expect(model.indicators.find((l) => l.row.id === id)!.row.status).toBe("missed");
  });

  test("the sheet: the year first reached, the trend drawn from the baseline on, counts by group", () => {
    const sheet = finalSheet(model);
    const cells = new Map<string, unknown>();
    for (const b of sheet.blocks) b.values.forEach((r, i) => r.forEach((v, j) => cells.set(`${b.row + i},${b.col + j}`, v)));
    const rowOf = (id: string) => sheet.blocks.find((b) => b.col === 0 && b.values[0]![0] === id && b.values[0]!.length > 6)!.row;
    const r = rowOf("INT-04");
    // ID, group, name, baseline, 2021–2025, target; then verdict, first reached, trend.
    expect(cells.get(`${r},10`)).toBe(STATUS_LABELS.reachedEarly.zh);
    expect(cells.get(`${r},11`)).toBe(2024);
    expect(cells.get(`${r},12`)).toBe(trend([0.7689, 0.7782, 0.786, 0.7938, 0.8, 0.8]));
    expect(trend([1, 2, null, 4])).toBe("▁▃ █");
    expect(trend([5, 5])).toBe("▄▄");
    expect(sheet.name).toBe("2021-2025终期评估");
  });

  test("the contradictions are read against each figure: 58 not reached, the parts' 57 reached", () => {
    const c = model.contradictions.find((x) => x.id === "C-BUILD-PROJECTS")!;
    expect(c.readings.map((r) => [r.value, r.actual, r.met])).toEqual([
      [58, 57, false],
      [57, 57, true],
    ]);
    // A figure that is a baseline is not a reading to reach.
    const ladder = model.contradictions.find((x) => x.id === "C-TALENT-LADDER")!;
    expect(ladder.readings[0]).toMatchObject({ baseline: true, met: null });
  });

  test("funding is evaluated over every year of the period, not only the monitoring year", () => {
    expect(new Set(model.funding!.checks.map((c) => c.year))).toEqual(new Set(YEARS));
    expect(model.funding!.checks.filter((c) => c.verdict === "notMet").map((c) => [c.year, c.check])).toEqual([[2022, "perStudent"]]);
  });

  test("both hosts write the same final evaluation sheet", async () => {
    // exceljs: the demo holds it; the Excel double: the same use case on a demo built there.
    const ws = wb.getWorksheet("2021-2025终期评估")!;
    const fromFile: unknown[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (v !== null && v !== "") fromFile.push(v);
    });
    const data = new FakeWorkbookData();
    data.addSheet("Sheet1");
    await buildDemo(excelPort(new FakeContext(data).excel), new Date(2026, 10, 30, 8, 40));
    const sheet = data.sheet("2021-2025终期评估")!;
    const firstColumn: unknown[] = [];
    for (const [key, cell] of sheet.cells) {
      const [c, r] = key.split(",").map(Number) as [number, number];
      if (c === 0 && cell.formula !== "" && cell.formula !== null && cell.formula !== undefined) firstColumn[r] = cell.formula;
    }
    expect(firstColumn.filter((v) => v !== undefined)).toEqual(fromFile);
  }, 120_000);
});

/**
 * No path turns an unreadable or rejected input into a verdict (issue 9): the command line, on a
 * workbook carrying the bad inputs planners produce, writes a report whose affected rows say
 * 数据有误, whose Data problems section names each cell, and prints a one-line bilingual summary.
 * The Office.js path reads the same workbook to the same verdicts (two-hosts.test.ts).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/xlsx/cli";
import { cellValue } from "../../src/xlsx/snapshot";
import { IH, TABLES } from "../../src/core/workbook/layout";

const dir = mkdtempSync(join(tmpdir(), "plan-monitor-bad-"));
const NOW = new Date(2026, 10, 30, 8, 40);

function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellValue(v ?? null));
  });
  return out;
}

/** The 0-based [row, col] of an indicator's cell in the demo's indicator table. */
function cellOf(ws: ExcelJS.Worksheet, id: string, header: string): string {
  const grid = rows(ws);
  const headerRow = grid.findIndex((r) => r?.includes(IH.id) && r.includes(header));
  const col = grid[headerRow]!.indexOf(header);
  const row = grid.findIndex((r, i) => i > headerRow && r?.[0] === id);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

describe("bad inputs never become verdicts (command line)", () => {
  const bad = join(dir, "bad.xlsx");
  const out = join(dir, "bad-report.xlsx");
  let report: unknown[][];
  let lines: string[];
  const cells: Record<string, string> = {};

  beforeAll(async () => {
    expect((await main(["demo", "-o", join(dir, "demo.xlsx")], { cwd: dir, now: NOW })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "demo.xlsx"));
    const ws = wb.getWorksheet("规划指标")!;
    const set = (id: string, value: ExcelJS.CellValue) => {
      cells[id] = cellOf(ws, id, "2023");
      ws.getCell(cells[id]!).value = value;
    };
    set("LOC-05-JUN", 98.5); // percentage points typed into a percent cell
    set("INT-06", "九十二"); // text that is no number
    set("INT-05-PRI", "#REF!"); // the text of an error
    set("INT-05-JUN", { error: "#REF!" } as ExcelJS.CellErrorValue); // a real error value
    // A merged cell across two indicator rows (LOC-08 and LOC-09): neither may borrow the other's value.
    cells["LOC-08"] = cellOf(ws, "LOC-08", "2023");
    cells["LOC-09"] = cellOf(ws, "LOC-09", "2023");
    ws.mergeCells(`${cells["LOC-08"]}:${cells["LOC-09"]}`);
    await wb.xlsx.writeFile(bad);
    const result = await main(["report", "bad.xlsx", "--year", "2023", "--replace", "-o", "bad-report.xlsx"], { cwd: dir, now: NOW });
    expect(result.code).toBe(0);
    lines = result.lines;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    report = rows(book.getWorksheet("2023年度监测报告")!);
  }, 120_000);

  test.each(["LOC-05-JUN", "INT-06", "INT-05-PRI", "INT-05-JUN", "LOC-08", "LOC-09"])("%s says 数据有误, with no figures", (id) => {
    const row = report.find((r) => r?.[0] === id)!; // the indicator table comes before the misses
    expect(row[11]).toBe("数据有误");
    // No actual, no 序时进度值, no completion, no gap: nothing is computed from a misread value.
    expect([row[6], row[7], row[8], row[10]].map((c) => c ?? "")).toEqual(["", "", "", ""]);
  });

  test("the Data problems section names each cell and what to do", () => {
    const start = report.findIndex((r) => typeof r?.[0] === "string" && (r[0] as string).startsWith("数据问题"));
    const section = report.slice(start + 2, start + 2 + 12).filter((r) => r?.[0] === "规划指标");
    const named = new Map(section.map((r) => [r[1], String(r[3])]));
    expect(named.get(cells["LOC-05-JUN"])).toContain("像是按百分点填写的");
    expect(named.get(cells["INT-06"])).toContain("“九十二”不是数值");
    expect(named.get(cells["INT-05-PRI"])).toContain("#REF!");
    expect(named.get(cells["INT-05-JUN"])).toContain("#REF!");
    expect(named.get(cells["LOC-08"])).toContain("合并单元格");
    expect(named.get(cells["LOC-09"])).toContain("合并单元格");
  });

  test("completeness counts invalid data apart from no data", () => {
    expect(String(report[1]![0])).toContain("23 项指标中 17 项有有效数据，6 项数据有误，0 项无数据");
  });

  test("the command line prints a one-line bilingual summary naming the cells", () => {
    const summary = lines.find((l) => l.startsWith("数据问题"))!;
    expect(summary).toMatch(/^数据问题 6 处（.*）.* \/ 6 data problem\(s\) \(.*\)/);
    for (const id of Object.keys(cells)) expect(summary).toContain(`规划指标!${cells[id]}`);
    expect(summary).not.toContain("\n");
  });

  test("the indicator table's sheet still has the planner's bad values as typed (nothing is changed)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("规划指标")!.getCell(cells["INT-06"]!).value).toBe("九十二");
    expect(wb.getWorksheet("规划指标")!.getCell(cells["LOC-05-JUN"]!).value).toBe(98.5);
    expect(TABLES.indicators).toBe("PM_Indicators");
  });
});

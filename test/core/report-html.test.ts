/**
 * The report printed from the offline page: numbers shown as the sheet's formats show them (worked
 * by hand), and the report's own layout drawn as tables, page by page.
 */
import { formatNumber, reportHtml } from "../../src/core/report/html";
import { reportSheet } from "../../src/core/report/sheet";
import { buildReport } from "../../src/core/report/model";
import { embeddedPlan } from "../../src/core/plan/embedded";
import { parseRange } from "../../src/core/workbook/a1";
import ExcelJS from "exceljs";
import { buildDemo } from "../../src/usecases/demo";
import { xlsxPort } from "../../src/xlsx/port";
import { snapshotFromWorkbook } from "../../src/xlsx/snapshot";

describe("numbers as the report's formats show them", () => {
  test.each([
    [0.9252, "0.00%", "92.52%"],
    [0.662162162, "0.0%", "66.2%"],
    [1, "0%", "100%"],
    [46395, "#,##0", "46,395"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [12.5, "#,##0.##", "12.5"],
    [12, "#,##0.##", "12"],
    [19.62, '0.00":1"', "19.62:1"],
    [1.4, '0.00" 个百分点"', "1.40 个百分点"],
    [-1.4, '0.00" pp"', "-1.40 pp"],
    [0.3456, "0.000", "0.346"],
    [2023, "0", "2023"],
    [0.1 + 0.2, "General", "0.3"],
    [7, "@", "7"],
  ])("%p in %s → %s", (v, format, shown) => {
    expect(formatNumber(v, format)).toBe(shown);
  });
});

test("the demo's 2023 report as printable tables: a table per page the report decided on, every cell of the sheet's text there", async () => {
  const wb = new ExcelJS.Workbook();
  await buildDemo(xlsxPort(wb), new Date(2026, 10, 30, 8, 40));
  const model = buildReport(embeddedPlan(), snapshotFromWorkbook(wb), 2023, { language: "zh", generatedAt: "2026-11-30 08:40" });
  const sheet = reportSheet(model);
  const html = reportHtml(sheet);
  expect((html.match(/<table class="report-page">/g) ?? []).length).toBe(sheet.breaks.filter((b) => b > 0).length + 1);
  // Every text a block holds in the print area is printed, escaped; numbers in their formats.
  const area = parseRange(sheet.print.printArea!.replace(/\$/g, ""));
  for (const b of sheet.blocks.filter((x) => x.col <= area.toCol && x.row <= area.toRow))
    for (const line of b.values)
      for (const v of line.slice(0, area.toCol - b.col + 1)) if (typeof v === "string" && v) expect(html).toContain(v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
  expect(html).toContain("2023年度规划实施监测报告");
  const loc01 = model.indicators.find((l) => l.id === "LOC-01")!;
  expect(html).toContain(formatNumber(loc01.actual!, "0.00%"));
  // The merged paragraphs span the columns they were merged over.
  expect(sheet.merges.length).toBeGreaterThan(0);
  expect((html.match(/colspan="\d+"/g) ?? []).length).toBeGreaterThanOrEqual(sheet.merges.length);
}, 120_000);

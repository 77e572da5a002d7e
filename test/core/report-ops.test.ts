/**
 * The report sheet as the Office.js adapter's write operations, and the time stamp reports print
 * (issue 16): a small sheet written by hand and the operations it must give, in order.
 */
import { reportOps } from "../../src/core/report/ops";
import { localStamp } from "../../src/core/report/time";
import type { ReportSheet } from "../../src/core/report/sheet";

describe("the report sheet as write operations", () => {
  const sheet: ReportSheet = {
    name: "2023年度监测报告",
    widths: [10, 2],
    blocks: [
      { row: 0, col: 0, values: [["标题", 1]] },
      // Text that Excel would read as a formula or a number is written as text; a hole as a blank.
      { row: 2, col: 1, values: [[null], ["=1+1"], ["2025"]], numberFormats: [["@"], ["@"], ["0"]], bold: true },
      { row: 6, col: 0, values: [["x"]], fill: "#FFC7CE" },
      { row: 7, col: 0, values: [["y"]], fontColor: "#595959" },
      { row: 8, col: 0, values: [["z"]], wrap: true },
      { row: 9, col: 0, values: [["w"]], size: 14 },
      { row: 10, col: 0, values: [[0.5]], numberFormats: [["0.00%"]] },
    ],
    merges: [{ address: "A5:M5", rowHeight: 30 }],
    rowHeights: [{ row: 3, points: 45 }],
    breaks: [4],
    bars: [{ address: "I2:I3", color: "#5B9BD5" }],
    chart: { title: "完成率", dataAddress: "O1:Q3", anchor: "A6", bottomRight: "N20" },
    print: { titleRows: "$1:$2", header: "规划", footer: "第 &P 页", printArea: "A1:M10", gridlines: false },
  };
  const S = sheet.name;

  test("replacing an existing sheet: delete, add, widths in points (7 a character), blocks (a single cell as A1:A1), each with its font and its own formats, then layout", () => {
    // Every block names the report's one font, so no cell falls back to the viewer's default face.
    const fmt = (address: string, f: object) => ({ op: "format", sheet: S, address, numberFormat: undefined, bold: undefined, fill: undefined, fontColor: undefined, wrap: undefined, size: undefined, fontName: "等线", valign: "top", ...f });
    expect(reportOps(sheet, "2023年度监测报告")).toEqual([
      { op: "deleteSheet", sheet: "2023年度监测报告" },
      { op: "addSheet", sheet: S },
      { op: "columnWidth", sheet: S, address: "A1:A1", points: 70 },
      { op: "columnWidth", sheet: S, address: "B1:B1", points: 14 },
      { op: "setCells", sheet: S, address: "A1:B1", formulas: [["标题", 1]] },
      fmt("A1:B1", {}),
      { op: "setCells", sheet: S, address: "B3:B5", formulas: [[""], ["'=1+1"], ["'2025"]] },
      fmt("B3:B5", { numberFormat: [["@"], ["@"], ["0"]], bold: true }),
      { op: "setCells", sheet: S, address: "A7:A7", formulas: [["x"]] },
      fmt("A7:A7", { fill: "#FFC7CE" }),
      { op: "setCells", sheet: S, address: "A8:A8", formulas: [["y"]] },
      fmt("A8:A8", { fontColor: "#595959" }),
      { op: "setCells", sheet: S, address: "A9:A9", formulas: [["z"]] },
      fmt("A9:A9", { wrap: true }),
      { op: "setCells", sheet: S, address: "A10:A10", formulas: [["w"]] },
      fmt("A10:A10", { size: 14 }),
      { op: "setCells", sheet: S, address: "A11:A11", formulas: [[0.5]] },
      fmt("A11:A11", { numberFormat: [["0.00%"]] }),
      { op: "merge", sheet: S, address: "A5:M5", rowHeight: 30 },
      { op: "rowHeight", sheet: S, address: "A4:A4", points: 45 },
      { op: "pageBreak", sheet: S, address: "A5:A5" },
      { op: "dataBar", sheet: S, address: "I2:I3", color: "#5B9BD5" },
      { op: "chart", sheet: S, title: "完成率", dataAddress: "O1:Q3", anchor: "A6", bottomRight: "N20" },
      { op: "pageLayout", sheet: S, titleRows: "$1:$2", header: "规划", footer: "第 &P 页", printArea: "A1:M10", gridlines: false },
      { op: "select", sheet: S, address: "A1" },
    ]);
  });

  test("a row's height is the most any of its parts needs, whichever the writers set last", () => {
    // Row 5 (0-based 4): a merged paragraph of 30 pt and a two-line status of 32; row 4 alone: 45.
    const ops = reportOps({ ...sheet, rowHeights: [{ row: 3, points: 45 }, { row: 4, points: 32 }] }, undefined);
    expect(ops.filter((o) => o.op === "merge" || o.op === "rowHeight")).toEqual([
      { op: "merge", sheet: S, address: "A5:M5", rowHeight: 32 },
      { op: "rowHeight", sheet: S, address: "A4:A4", points: 45 },
      { op: "rowHeight", sheet: S, address: "A5:A5", points: 32 },
    ]);
  });

  test("a new sheet: nothing deleted; no chart, no chart operation", () => {
    const ops = reportOps({ ...sheet, chart: null }, undefined);
    expect(ops[0]).toEqual({ op: "addSheet", sheet: S });
    expect(ops.some((o) => o.op === "deleteSheet" || o.op === "chart")).toBe(false);
  });
});

describe("the time stamp a report prints", () => {
  test.each([
    [new Date(2026, 10, 30, 8, 40), "2026-11-30 08:40"],
    [new Date(2026, 0, 5, 7, 3), "2026-01-05 07:03"],
    [new Date(2025, 11, 31, 23, 59, 59), "2025-12-31 23:59"],
  ])("%s → %s (local time, zero-padded)", (date, text) => {
    expect(localStamp(date)).toBe(text);
  });
});

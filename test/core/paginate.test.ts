/**
 * A report's pages, decided by the report (src/core/report/paginate.ts), on small sheets built by
 * hand. Page arithmetic by hand: A4 landscape is 595.3 pt tall, 0.75 in (54 pt) margins top and
 * bottom leave 487.3 pt; two 10-character columns (112 pt) print at 100 %, so a page holds
 * 487.3 × 0.9 = 438.57 pt of rows, 423.57 under one 15-pt title row: 28 rows of 15 pt, not 29.
 */
import { pageCapacity, paginate, printScale } from "../../src/core/report/paginate";
import { lineCount, wrapCutTexts } from "../../src/core/report/sheet";
import { parseRange } from "../../src/core/workbook/a1";
import type { Block, ReportSheet } from "../../src/core/report/sheet";

const HEAD: Partial<Block> = { bold: true, fill: "#DDEBF7" };

function sheet(blocks: Block[], extra: Partial<ReportSheet> = {}): ReportSheet {
  const last = Math.max(...blocks.map((b) => b.row + b.values.length - 1));
  return {
    name: "r",
    widths: [10, 10, 12],
    blocks,
    bars: [],
    chart: null,
    merges: [],
    breaks: [],
    rowHeights: [],
    print: { titleRows: "$1:$1", header: "", footer: "", printArea: `A1:B${last + 1}` },
    ...extra,
  };
}
const title: Block = { row: 0, col: 0, values: [["报告"]], bold: true, size: 14 };
const rows = (from: number, n: number, col = 0): Block[] => Array.from({ length: n }, (_, k) => ({ row: from + k, col, values: [[`r${k + 1}`, k + 1]] }));
const at = (s: ReportSheet, row: number) => s.blocks.filter((b) => b.row === row && b.col < 2).flatMap((b) => b.values[0]!);

describe("the page's size", () => {
  test("scale: the printed columns against the page's 741.09 pt; never above 100 %", () => {
    // 157 characters × 5.6 pt = 879.2 pt → 741.09 / 879.2 = 0.8429.
    expect(printScale(Array(157).fill(1), 157)).toBeCloseTo(0.8429, 4);
    expect(printScale([10, 10, 500], 2)).toBe(1);
    // At that scale a page holds 487.3 / 0.8429 × 0.9 = 520.3 sheet points, less the title rows.
    expect(pageCapacity(Array(157).fill(1), 157, 36)).toBeCloseTo(520.3 - 36, 0);
    // The 14-pt title row counts 21 pt: 438.57 − 21.
    expect(pageCapacity([10, 10], 2, 21)).toBeCloseTo(417.57, 2);
  });
});

describe("a table longer than a page", () => {
  // Title (21 pt) repeated on every page; a heading row, then 60 rows of 15 pt: 417.57 pt a page.
  const table = sheet([title, { row: 1, col: 0, values: [["名称", "数"]], ...HEAD }, ...rows(2, 60)]);
  const paged = paginate(table, 2, 1);

  test("every page it runs onto starts with its heading row again; no row lost, none out of order", () => {
    // Each page: heading + 26 rows (27 × 15 = 405; a 28th row would make 420 > 417.57).
    expect(paged.breaks).toEqual([28, 55]);
    for (const b of paged.breaks) expect(at(paged, b)).toEqual(["名称", "数"]);
    const body = paged.blocks.filter((b) => b.row > 1 && !b.bold).sort((a, b) => a.row - b.row).map((b) => b.values[0]![0]);
    expect(body).toEqual(Array.from({ length: 60 }, (_, k) => `r${k + 1}`));
    expect(paged.pages).toBe(3);
    // The print area grows by the two copies.
    expect(paged.print.printArea).toBe("A1:B64");
  });

  test("the copies keep the heading's height, alignment and merges", () => {
    const tall = paginate(
      { ...table, blocks: table.blocks.map((b) => (b.row === 1 ? { ...b, align: [undefined, "right" as const] } : b)), rowHeights: [{ row: 1, points: 32 }], merges: [{ address: "A2:B2", rowHeight: 32 }] },
      2,
      1,
    );
    const copy = tall.breaks[0]!;
    expect(tall.rowHeights).toContainEqual({ row: copy, points: 32 });
    expect(tall.merges).toContainEqual({ address: `A${copy + 1}:B${copy + 1}`, rowHeight: 32 });
    expect(tall.blocks.find((b) => b.row === copy && b.bold)!.align).toEqual([undefined, "right"]);
  });
});

describe("what moves with an inserted heading", () => {
  test("rows below it move down: merges, heights, bars, breaks, the chart; the chart's data beside the print area stays", () => {
    const s = sheet(
      [title, { row: 1, col: 0, values: [["名称", "数"]], ...HEAD }, ...rows(2, 40), { row: 45, col: 0, values: [["段落"]] }, { row: 2, col: 2, values: [["helper"]] }],
      {
        merges: [{ address: "A46:B46", rowHeight: 15 }],
        rowHeights: [{ row: 30, points: 15 }],
        bars: [{ address: "B3:B42", color: "#5B9BD5" }],
        breaks: [45],
        chart: { title: "c", dataAddress: "C3:C42", anchor: "A48", bottomRight: "B50" },
      },
    );
    const p = paginate(s, 2, 1);
    expect(p.breaks).toEqual([28, 46]);
    expect(p.merges[0]!.address).toBe("A47:B47");
    expect(p.rowHeights).toContainEqual({ row: 31, points: 15 });
    expect(p.bars[0]!.address).toBe("B3:B43");
    expect([p.chart!.anchor, p.chart!.bottomRight, p.chart!.dataAddress]).toEqual(["A49", "B51", "C3:C42"]);
    expect(p.blocks.find((b) => b.values[0]![0] === "helper")!.row).toBe(2);
  });
});

describe("what a page never ends with", () => {
  test("a section title and the heading under it go to the next page with the table's first rows", () => {
    // 25 filler rows (375 pt + 21 title) leave room for two more rows: the title and the heading would
    // fit, the first body row not.
    const s = sheet([title, ...rows(1, 25), { row: 26, col: 0, values: [["一、"]], bold: true, size: 12 }, { row: 27, col: 0, values: [["名称", "数"]], ...HEAD }, ...rows(28, 5)]);
    expect(paginate(s, 2, 1).breaks).toEqual([26]);
  });

  test("a blank row or one of empty cells past the page's end starts no page (it would print as nothing)", () => {
    const s = sheet([title, ...rows(1, 27), { row: 28, col: 0, values: [[""]], fill: "#FFF2CC" }, ...rows(30, 3)]);
    // Row 28 (empty, filled) and 29 (blank) overflow; the page starts at row 30, the next with content.
    expect(paginate(s, 2, 1).breaks).toEqual([30]);
  });

  test("a chart's rows stay on one page; the sheet's own breaks (a section on a new page) are kept", () => {
    const s = sheet([title, ...rows(1, 20), { row: 40, col: 0, values: [[""]] }, ...rows(41, 3)], { chart: { title: "c", dataAddress: "C1:C2", anchor: "A22", bottomRight: "B40" }, breaks: [41] });
    // 20 rows (300 pt) and the chart's 19 rows (285 pt) do not share a page: the chart starts one.
    expect(paginate(s, 2, 1).breaks).toEqual([21, 41]);
  });

  test("a short sheet is one page, nothing inserted", () => {
    const s = sheet([title, { row: 1, col: 0, values: [["名称", "数"]], ...HEAD }, ...rows(2, 5)]);
    const p = paginate(s, 2, 1);
    expect([p.breaks, p.pages, p.blocks.length]).toEqual([[], 1, 7]);
  });
});

describe("how many lines a wrapped text takes (lineCount), worked by hand", () => {
  test.each([
    // 规划 | （新 | 建+改 | 扩建 | 建） — "（" never ends a line, "）" never starts one: 5 lines in 5 units, not 4.
    ["规划（新建+改扩建）", 5, 5],
    // Ten units in eight: 序时进度 | 值.
    ["序时进度值", 8, 2],
    // A Latin word stays whole: Time | elapsed.
    ["Time elapsed", 8, 2],
    // An opening bracket at a line's end goes down with what follows: 甲乙 | （丙丁.
    ["甲乙（丙丁", 6, 2],
    // A word longer than the line is cut at the edge: 8 + 8 + 4.
    ["a".repeat(20), 8, 3],
    ["a".repeat(8), 8, 1],
    // A line break in the text starts a line.
    ["甲\n乙", 20, 2],
    ["", 5, 1],
  ])("%j in %d units: %d lines", (text, capacity, lines) => {
    expect(lineCount(text, capacity)).toBe(lines);
  });
});

describe("no text cut by its neighbour (wrapCutTexts)", () => {
  const widths = [10, 10, 10, 10];
  const long = "一二三四五六七八"; // 16 units

  test("cut by a value beside it: wrapped in its own cell, the row as high as its lines", () => {
    const out = wrapCutTexts([{ row: 0, col: 0, values: [[long, 5]] }], widths, 4, [], []);
    // 16 units in 10 × 0.95 = 9.5: two lines of 16 pt.
    expect(out.blocks.at(-1)).toMatchObject({ row: 0, col: 0, values: [[long]], wrap: true });
    expect(out.rowHeights).toEqual([{ row: 0, points: 32 }]);
    expect(out.merges).toEqual([]);
  });

  test("longer than the empty cells beside it too: merged across them up to the next value", () => {
    const text = "一二三四五六七八九十一二"; // 24 units: more than the 19 of A–B, less than a line of A–C
    const out = wrapCutTexts([{ row: 2, col: 0, values: [[text]] }, { row: 2, col: 2, values: [[1]] }], widths, 4, [], []);
    expect(out.merges).toEqual([{ address: "A3:B3", rowHeight: 32 }]);
    expect(out.blocks.at(-1)).toMatchObject({ values: [[text]], wrap: true });
  });

  test("untouched: a text that fits by running into empty cells, a heading row, an ID, a merged or wrapped cell, one past the print edge", () => {
    const blocks = [
      { row: 0, col: 0, values: [[long]] },
      { row: 1, col: 0, values: [[long, 1]], bold: true, fill: "#DDEBF7" },
      { row: 2, col: 0, values: [["T-BLD-PRI-PLACES", 1]] },
      { row: 3, col: 0, values: [[long, 1]], wrap: true },
      { row: 4, col: 0, values: [[long, 1]] },
      { row: 5, col: 3, values: [[long.repeat(3)]] },
    ];
    const out = wrapCutTexts(blocks, widths, 3, [], [{ address: "A5:B5", rowHeight: 16 }]);
    expect(out.blocks).toEqual(blocks);
    expect([out.rowHeights, out.merges.length]).toEqual([[], 1]);
  });
});

describe("the page rules at their edges (hand-built sheets; 423.57 pt a page under a 15-pt title row)", () => {
  const plainTitle: Block = { row: 0, col: 0, values: [["报告"]] };
  const filler = (from: number, n: number): Block[] => Array.from({ length: n }, (_, k) => ({ row: from + k, col: 0, values: [[`f${k + 1}`]] }));

  test("a section title before plain text is kept with it; a bold row before plain text is not", () => {
    // 27 rows (405 pt) leave room for one more: the title would fit, the line under it not.
    const titled = sheet([plainTitle, ...filler(1, 27), { row: 28, col: 0, values: [["二、"]], bold: true, size: 12 }, { row: 29, col: 0, values: [["正文"]] }, ...filler(30, 3)]);
    expect(paginate(titled, 2, 1).breaks).toEqual([28]);
    const bold = sheet([plainTitle, ...filler(1, 27), { row: 28, col: 0, values: [["粗体"]], bold: true }, { row: 29, col: 0, values: [["正文"]] }, ...filler(30, 3)]);
    expect(paginate(bold, 2, 1).breaks).toEqual([29]);
    // A 12-pt line that is not bold is no title either.
    const big = sheet([plainTitle, ...filler(1, 27), { row: 28, col: 0, values: [["大字"]], size: 12 }, { row: 29, col: 0, values: [["正文"]] }, ...filler(30, 3)]);
    expect(paginate(big, 2, 1).breaks).toEqual([29]);
  });

  test("a table ends at a section title: a title past the page's end gets no heading copied above it", () => {
    const s = sheet([plainTitle, { row: 1, col: 0, values: [["名称", "数"]], ...HEAD }, ...rows(2, 26), { row: 28, col: 0, values: [["三、"]], bold: true, size: 12 }, ...filler(29, 2)]);
    const p = paginate(s, 2, 1);
    // Heading + 26 rows fill the page; the title starts the next, alone, with no heading before it.
    expect(p.breaks).toEqual([28]);
    expect(at(p, 28)).toEqual(["三、"]);
  });

  test("a block of many rows is cut between its rows, each row keeping its own format", () => {
    const many: Block = { row: 2, col: 0, values: Array.from({ length: 40 }, (_, k) => [`m${k + 1}`, k]), numberFormats: Array.from({ length: 40 }, (_, k) => ["@", k % 2 ? "0" : "0.0"]) };
    const p = paginate(sheet([plainTitle, { row: 1, col: 0, values: [["名称", "数"]], ...HEAD }, many]), 2, 1);
    // Heading + 27 rows (420 pt) fill the first page; the 28th row goes on under the heading again.
    expect(p.breaks).toEqual([29]);
    expect(at(p, 29)).toEqual(["名称", "数"]);
    expect(p.blocks.find((b) => b.values[0]![0] === "m27")).toMatchObject({ row: 28, numberFormats: [["@", "0.0"]] });
    expect(p.blocks.find((b) => b.values[0]![0] === "m28")).toMatchObject({ row: 30, numberFormats: [["@", "0"]] });
  });

  test("what stands beside the print area (at the first column past it) neither moves nor counts", () => {
    const s = sheet([plainTitle, { row: 1, col: 0, values: [["名称", "数"]], ...HEAD }, { row: 1, col: 2, values: [["图表数据"]], ...HEAD }, ...rows(2, 30), { row: 30, col: 2, values: [["x"]], size: 14 }]);
    const p = paginate(s, 2, 1);
    expect(p.breaks).toEqual([29]);
    // The heading's copy leaves the helper heading out; the helper cell stays on its row.
    expect(p.blocks.filter((b) => b.row === 29).map((b) => b.values[0]![0])).toEqual(["名称"]);
    expect(p.blocks.find((b) => b.values[0]![0] === "x")!.row).toBe(30);
  });

  test("a row's height is the most its merges and heights say; a row with one value among blanks has content", () => {
    // Row 27 is 96 pt by its merge (a 16-pt height set too): 26 rows + 96 overflow, so it starts page 2.
    const tall = sheet([plainTitle, ...filler(1, 27), ...filler(28, 2)], { merges: [{ address: "A28:B28", rowHeight: 96 }], rowHeights: [{ row: 27, points: 16 }] });
    expect(paginate(tall, 2, 1).breaks).toEqual([27]);
    const mixed = sheet([plainTitle, ...filler(1, 28), { row: 29, col: 0, values: [["", "有"]] }, ...filler(30, 2)]);
    expect(paginate(mixed, 2, 1).breaks).toEqual([29]);
  });

  test("a break the sheet asks for at its first row, or twice over, makes one page each", () => {
    const s = sheet([plainTitle, ...filler(1, 5)], { breaks: [1] });
    expect(paginate(s, 2, 1)).toMatchObject({ breaks: [], pages: 1 });
    // A forced page that opens with a title, then a row taller than any page: the title is not moved
    // back onto the page before (it opens its own), the tall row takes a page, the rest the next.
    const t = sheet([plainTitle, ...filler(1, 5), { row: 10, col: 0, values: [["四、"]], bold: true, size: 12 }, { row: 11, col: 0, values: [["长"]] }, ...filler(12, 2)], { breaks: [10], rowHeights: [{ row: 11, points: 500 }] });
    expect(paginate(t, 2, 1).breaks).toEqual([10, 11, 12]);
  });

  test("copied headings bring their own height only", () => {
    const s = sheet([plainTitle, { row: 1, col: 0, values: [["名称", "数"]], ...HEAD }, ...rows(2, 40)], { rowHeights: [{ row: 1, points: 16 }, { row: 5, points: 16 }] });
    const p = paginate(s, 2, 1);
    const copy = p.breaks[0]!;
    expect(p.rowHeights.filter((h) => h.row === copy)).toEqual([{ row: copy, points: 16 }]);
  });

  test("without a print area the last row with a block ends the walk", () => {
    const s = sheet([plainTitle, { row: 1, col: 0, values: [["名称", "数"]], ...HEAD }, ...rows(2, 40)]);
    const p = paginate({ ...s, print: { ...s.print, printArea: undefined } }, 2, 1);
    expect([p.breaks.length, p.pages]).toEqual([1, 2]);
  });
});

describe("a range's corners (parseRange)", () => {
  test.each([
    ["B3:D9", { col: 1, row: 2, toCol: 3, toRow: 8 }],
    ["$A$1:$M$240", { col: 0, row: 0, toCol: 12, toRow: 239 }],
    ["C7", { col: 2, row: 6, toCol: 2, toRow: 6 }],
  ])("%s", (address, corners) => {
    expect(parseRange(address)).toEqual(corners);
  });
});

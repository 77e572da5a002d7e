/** The report sheet as write operations for the Office.js adapter (one round trip). */
import { parseAddress, rangeAddress } from "../workbook/a1";
import { asText, type WriteOp } from "../workbook/model";
import type { ReportSheet } from "./sheet";

/** One face for the whole report: Office's Chinese default (等线, with its own Latin letters); other suites substitute their CJK sans. */
export const REPORT_FONT = "等线";

/** `existing`: the report sheet the workbook already has for the year (any case), to replace. */
export function reportOps(sheet: ReportSheet, existing: string | undefined): WriteOp[] {
  const name = sheet.name;
  const ops: WriteOp[] = [];
  if (existing) ops.push({ op: "deleteSheet", sheet: existing });
  ops.push({ op: "addSheet", sheet: name });
  sheet.widths.forEach((w, c) => ops.push({ op: "columnWidth", sheet: name, address: rangeAddress(c, 0, 1, 1), points: w * 7 }));
  for (const b of sheet.blocks) {
    const address = rangeAddress(b.col, b.row, b.values[0]!.length, b.values.length);
    ops.push({ op: "setCells", sheet: name, address, formulas: b.values.map((r) => r.map((c) => asText(c ?? ""))) });
    // Every cell at the top of its row: beside a wrapped name or ID of two lines, the row's other
    // figures start on its first line, not at the bottom.
    // Every printed cell names its font, bold and headings too: a cell without one falls back to the
    // viewer's default, which LibreOffice renders in a serif face beside the others.
    ops.push({ op: "format", sheet: name, address, numberFormat: b.numberFormats, bold: b.bold, fill: b.fill, fontColor: b.fontColor, wrap: b.wrap, size: b.size, fontName: REPORT_FONT, valign: "top" });
    b.align?.forEach((a, j) => a && ops.push({ op: "format", sheet: name, address: rangeAddress(b.col + j, b.row, 1, 1), align: a }));
  }
  // A row's height is the most any of its parts needs (a wrapped name, a merged reason, a two-line
  // status): the writers set heights in turn, and the last one set would otherwise win.
  const heights = new Map<number, number>();
  const need = (row: number, points: number) => heights.set(row, Math.max(heights.get(row) ?? 0, points));
  for (const m of sheet.merges) need(parseAddress(m.address).row, m.rowHeight);
  for (const h of sheet.rowHeights) need(h.row, h.points);
  for (const m of sheet.merges) ops.push({ op: "merge", sheet: name, ...m, rowHeight: heights.get(parseAddress(m.address).row)! });
  for (const h of sheet.rowHeights) ops.push({ op: "rowHeight", sheet: name, address: rangeAddress(0, h.row, 1, 1), points: heights.get(h.row)! });
  for (const row of sheet.breaks) ops.push({ op: "pageBreak", sheet: name, address: rangeAddress(0, row, 1, 1) });
  for (const bar of sheet.bars) ops.push({ op: "dataBar", sheet: name, address: bar.address, color: bar.color });
  if (sheet.chart) ops.push({ op: "chart", sheet: name, ...sheet.chart });
  ops.push({ op: "pageLayout", sheet: name, ...sheet.print });
  ops.push({ op: "select", sheet: name, address: "A1" });
  return ops;
}

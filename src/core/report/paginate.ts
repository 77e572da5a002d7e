/**
 * A report's printed pages, decided here rather than left to the viewer: every page a table runs onto
 * starts under that table's headings again, a section title or a heading never ends a page alone, and
 * the footer can say how many pages the report itself has ("第 3 页，共 11 页"), whatever other sheets
 * the workbook prints.
 *
 * The estimate follows how Excel and LibreOffice lay out an A4 landscape page one page wide: the
 * sheet is scaled down to the page's width, and its rows fill the page's height at that scale. Pages
 * are filled only to FILL of what the estimate allows, so the viewer never has to break a page before
 * ours (that would add a page the footer does not count).
 */
import { cellAddress, parseAddress, parseRange, rangeAddress } from "../workbook/a1";
import type { Block, ReportSheet } from "./types";

/** A4 landscape with the default margins (0.7 in left and right, 0.75 in top and bottom), in points. */
const PRINT_WIDTH = 841.89 - 2 * 50.4;
const PRINT_HEIGHT = 595.3 - 2 * 54;
/**
 * Points one character of column width takes in print before scaling: 7 px (Calibri 11, the
 * workbook's default font) is 5.25 pt; LibreOffice measures a little wider (about 5.6 pt measured with
 * Carlito, Calibri's metric twin). The wider figure: a smaller scale, so fewer rows to a page.
 */
export const CHAR_POINTS = 5.6;
/** Share of the estimated page height filled. */
export const FILL = 0.9;
/** A row's height where none is set: 15 pt for 11 pt text, more for the larger title fonts. */
const DEFAULT_HEIGHT = 15;
const HEIGHT_BY_SIZE: Record<number, number> = { 14: 21, 12: 18 };

export const HEADER_FILL = "#DDEBF7";

/** A table's heading row: bold, on the heading fill, one row. */
export const isHeading = (b: Block) => b.bold === true && b.fill === HEADER_FILL && b.values.length === 1;
/** A section's title (一、…): bold in the section size. */
const isTitle = (b: Block) => b.size === 12 && b.bold === true;

/** The scale a sheet prints at, one page wide: its printed columns' width against the page's. */
export function printScale(widths: readonly number[], printedCols: number): number {
  const width = widths.slice(0, printedCols).reduce((a, b) => a + b, 0) * CHAR_POINTS;
  return Math.min(1, PRINT_WIDTH / width);
}

/** Sheet points of rows one page holds under its repeated title rows. */
export function pageCapacity(widths: readonly number[], printedCols: number, titleHeight: number): number {
  return (PRINT_HEIGHT / printScale(widths, printedCols)) * FILL - titleHeight;
}

/** Blocks of several rows as one block per row, so a page can start between any two rows. */
function singleRows(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) =>
    b.values.length === 1
      ? [b]
      : b.values.map((line, i) => ({ ...b, row: b.row + i, values: [line], ...(b.numberFormats ? { numberFormats: [b.numberFormats[i] ?? b.numberFormats[0]!] } : {}) })),
  );
}

const rowOf = (address: string) => parseAddress(address).row;

/** Moves every printed row from `at` on one row down (the chart's data beside the print area stays). */
function shift(s: ReportSheet, at: number, printedCols: number): ReportSheet {
  const down = (r: number) => (r >= at ? r + 1 : r);
  const moveRange = (address: string) => {
    const r = parseRange(address);
    return rangeAddress(r.col, down(r.row), r.toCol - r.col + 1, down(r.toRow) - down(r.row) + 1);
  };
  const moveCell = (address: string) => {
    const p = parseAddress(address);
    return cellAddress(p.col, down(p.row));
  };
  return {
    ...s,
    blocks: s.blocks.map((b) => (b.col < printedCols && b.row >= at ? { ...b, row: b.row + 1 } : b)),
    merges: s.merges.map((m) => ({ ...m, address: moveRange(m.address) })),
    rowHeights: s.rowHeights.map((h) => ({ ...h, row: down(h.row) })),
    breaks: s.breaks.map(down),
    bars: s.bars.map((b) => ({ ...b, address: moveRange(b.address) })),
    chart: s.chart ? { ...s.chart, anchor: moveCell(s.chart.anchor), bottomRight: moveCell(s.chart.bottomRight) } : null,
    print: { ...s.print, ...(s.print.printArea ? { printArea: moveRange(s.print.printArea) } : {}) },
  };
}

/** What the walk needs to know of each row, read afresh after every inserted heading. */
function rowIndex(s: ReportSheet, printedCols: number) {
  const byRow = new Map<number, Block[]>();
  for (const b of s.blocks) if (b.col < printedCols) byRow.set(b.row, [...(byRow.get(b.row) ?? []), b]);
  const explicit = new Map<number, number>();
  for (const h of s.rowHeights) explicit.set(h.row, Math.max(explicit.get(h.row) ?? 0, h.points));
  for (const m of s.merges) explicit.set(rowOf(m.address), Math.max(explicit.get(rowOf(m.address)) ?? 0, m.rowHeight));
  const height = (r: number) => explicit.get(r) ?? Math.max(DEFAULT_HEIGHT, ...(byRow.get(r) ?? []).map((b) => HEIGHT_BY_SIZE[b.size ?? 0] ?? DEFAULT_HEIGHT));
  const heading = (r: number) => (byRow.get(r) ?? []).some(isHeading);
  const content = (r: number) => (byRow.get(r) ?? []).some((b) => b.values.some((line) => line.some((v) => v !== "" && v !== null && v !== undefined)));
  const title = (r: number) => (byRow.get(r) ?? []).some(isTitle);
  // A table's body: the rows under a heading row down to an empty row, a title or the next heading.
  const tableOf = new Map<number, number>();
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    if (!heading(r)) continue;
    for (let k = r + 1; byRow.has(k) && !heading(k) && !title(k); k++) tableOf.set(k, r);
  }
  // A label standing over a table (a stage's name above its heading row) stays with it.
  const keepWithNext = (r: number) => title(r) || heading(r) || ((byRow.get(r) ?? []).every((b) => b.bold === true) && heading(r + 1));
  const chart = s.chart ? { from: parseAddress(s.chart.anchor).row, to: parseAddress(s.chart.bottomRight).row } : null;
  return { byRow, content, height, tableOf, keepWithNext, chart };
}

/**
 * Page starts for a report sheet (the sheet's own breaks, for sections that begin a page, kept), with
 * a table's heading row copied to the top of each page it continues on. `titleRows`: rows repeated on
 * every page (print titles), counted against each page's height.
 */
export function paginate(sheet: ReportSheet, printedCols: number, titleRows: number): ReportSheet & { pages: number } {
  let s: ReportSheet = { ...sheet, blocks: singleRows(sheet.blocks) };
  let idx = rowIndex(s, printedCols);
  const titleHeight = Array.from({ length: titleRows }, (_, r) => idx.height(r)).reduce((a, b) => a + b, 0);
  const capacity = pageCapacity(s.widths, printedCols, titleHeight);
  let last = s.print.printArea ? parseRange(s.print.printArea).toRow : Math.max(...s.blocks.map((b) => b.row));
  let forced = new Set(s.breaks);
  const starts: number[] = [];
  let pageStart = titleRows;
  let used = 0;
  let r = titleRows;
  while (r <= last) {
    if (forced.has(r) && r > pageStart) {
      starts.push(r);
      pageStart = r;
      used = 0;
    }
    // The rows a chart covers go on one page together.
    const end = idx.chart && r === idx.chart.from ? idx.chart.to : r;
    let h = 0;
    for (let k = r; k <= end; k++) h += idx.height(k);
    if (used > 0 && used + h > capacity) {
      // A row with nothing printed on it (blank, or empty cells left for the bureau's text) past the
      // page's end starts no page: the next row with content does. A page of empty cells is not
      // printed, and would leave the count one too high.
      if (!idx.content(r) && end === r) {
        r++;
        continue;
      }
      let b = r;
      while (b - 1 > pageStart && idx.keepWithNext(b - 1)) b--;
      const heading = idx.tableOf.get(b);
      if (heading !== undefined) {
        // The table goes on: its heading row again at the top of the new page.
        s = shift(s, b, printedCols);
        const copies = s.blocks.filter((x) => x.row === heading && x.col < printedCols).map((x) => ({ ...x, row: b }));
        const points = s.rowHeights.filter((x) => x.row === heading).map((x) => ({ ...x, row: b }));
        const merged = s.merges.filter((m) => rowOf(m.address) === heading).map((m) => {
          const r = parseRange(m.address);
          return { ...m, address: rangeAddress(r.col, b, r.toCol - r.col + 1, 1) };
        });
        s = { ...s, blocks: [...s.blocks, ...copies], rowHeights: [...s.rowHeights, ...points], merges: [...s.merges, ...merged] };
        forced = new Set([...forced].map((x) => (x >= b ? x + 1 : x)));
        last++;
        idx = rowIndex(s, printedCols);
      }
      starts.push(b);
      pageStart = b;
      used = 0;
      r = b;
      continue;
    }
    used += h;
    r = end + 1;
  }
  return { ...s, breaks: starts, pages: starts.length + 1 };
}

/**
 * A report sheet as printable HTML, for printing straight from the offline page: the same blocks,
 * merges, column widths, page breaks and number formats the workbook's report sheet gets, drawn as
 * tables (one per printed page the report decided on), A4 landscape.
 */
import { parseRange } from "../workbook/a1";
import type { Cell } from "../workbook/model";
import type { ReportSheet } from "./sheet";

/** Excel's General: up to 11 significant digits, no binary noise. */
function general(v: number): string {
  return String(Number(v.toPrecision(11)));
}

/**
 * A number as a cell format shows it, for the formats reports use: digits fixed (0) or optional (#)
 * after the point, thousands separators, percent, quoted text ("个百分点", ":1"). Negative numbers
 * take a minus sign before the format's first part.
 */
export function formatNumber(v: number, format: string): string {
  if (!Number.isFinite(v)) return String(v);
  const section = format.split(";")[0] ?? "";
  if (section === "" || /^general$/i.test(section) || section === "@") return general(v);
  const pieces = [...section.matchAll(/"([^"]*)"|(\\.)|([#0,]+(?:\.[#0]+)?|\.[#0]+)|(%)|([^"\\#0,.%]+)/g)];
  const percent = pieces.some((p) => p[4]);
  const pattern = pieces.find((p) => p[3])?.[3] ?? "0";
  const [whole = "", fraction = ""] = pattern.split(".");
  const fixed = (fraction.match(/0/g) ?? []).length;
  const optional = (fraction.match(/#/g) ?? []).length;
  const value = Math.abs(percent ? v * 100 : v);
  let text = value.toFixed(fixed + optional);
  if (optional) text = text.replace(new RegExp(`0{1,${optional}}$`), "").replace(/\.$/, fixed ? "." : "");
  const [digits = "0", dec] = text.split(".");
  let int = digits;
  if (whole.includes(",")) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (/^#+$/.test(whole.replace(/,/g, "")) && int === "0" && dec !== undefined) int = "";
  const number = dec !== undefined && dec !== "" ? `${int}.${dec}` : int;
  let out = "";
  let placed = false;
  for (const p of pieces) {
    if (p[1] !== undefined) out += p[1];
    else if (p[2] !== undefined) out += p[2].slice(1);
    else if (p[3] !== undefined) {
      if (!placed) out += number;
      placed = true;
    } else if (p[4]) out += "%";
    else if (p[5] !== undefined) out += p[5];
  }
  return (v < 0 && Number(number.replace(/,/g, "")) !== 0 ? "-" : "") + out;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function shown(value: Cell, format: string | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return format && format !== "@" ? formatNumber(value, format) : general(value);
  return String(value);
}

interface Drawn {
  text: string;
  bold?: boolean;
  fill?: string;
  color?: string;
  wrap?: boolean;
  size?: number;
  right?: boolean;
}

/** The report sheet as an HTML fragment: a heading-free set of tables, page by page. */
export function reportHtml(sheet: ReportSheet): string {
  const cells = new Map<string, Drawn>();
  let rows = 0;
  for (const b of sheet.blocks) {
    b.values.forEach((line, i) =>
      line.forEach((value, j) => {
        const format = b.numberFormats?.[i]?.[j] ?? b.numberFormats?.[0]?.[j];
        cells.set(`${b.row + i},${b.col + j}`, {
          text: shown(value, format),
          bold: b.bold,
          fill: b.fill,
          color: b.fontColor,
          wrap: b.wrap,
          size: b.size,
          right: typeof value === "number" || b.align?.[j] === "right",
        });
      }),
    );
    rows = Math.max(rows, b.row + b.values.length);
  }
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const r = parseRange(m.address);
    const span = { rows: r.toRow - r.row + 1, cols: r.toCol - r.col + 1 };
    spans.set(`${r.row},${r.col}`, span);
    for (let i = 0; i < span.rows; i++) for (let j = 0; j < span.cols; j++) if (i || j) covered.add(`${r.row + i},${r.col + j}`);
  }
  // What prints is the print area: the chart's helper data beside it does not.
  const area = sheet.print.printArea ? parseRange(sheet.print.printArea.replace(/\$/g, "")) : null;
  const cols = area ? area.toCol + 1 : sheet.widths.length;
  if (area) rows = Math.min(rows, area.toRow + 1);
  const widths = sheet.widths.slice(0, cols);
  const total = widths.reduce((a, b) => a + b, 0);
  const colgroup = `<colgroup>${widths.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join("")}</colgroup>`;
  const starts = [0, ...[...sheet.breaks].sort((a, b) => a - b).filter((r) => r > 0 && r < rows), rows];
  const pages: string[] = [];
  for (let p = 0; p + 1 < starts.length; p++) {
    const body: string[] = [];
    for (let r = starts[p]!; r < starts[p + 1]!; r++) {
      const tds: string[] = [];
      for (let c = 0; c < cols; c++) {
        const key = `${r},${c}`;
        if (covered.has(key)) continue;
        const cell = cells.get(key);
        let span = spans.get(key);
        // Text that does not wrap runs on over the empty cells to its right, as in the sheet.
        if (!span && cell?.text && !cell.wrap && !cell.right) {
          let end = c + 1;
          while (end < cols && !cells.get(`${r},${end}`)?.text && !covered.has(`${r},${end}`) && !spans.has(`${r},${end}`)) end++;
          if (end > c + 1) {
            span = { rows: 1, cols: end - c };
            for (let k = c + 1; k < end; k++) covered.add(`${r},${k}`);
          }
        }
        const style = [
          cell?.bold ? "font-weight:bold" : "",
          cell?.fill ? `background:${cell.fill}` : "",
          cell?.color ? `color:${cell.color}` : "",
          cell?.size ? `font-size:${cell.size}pt` : "",
          cell?.right ? "text-align:right;white-space:nowrap" : "",
        ].filter(Boolean);
        const attrs = `${span && span.cols > 1 ? ` colspan="${span.cols}"` : ""}${span && span.rows > 1 ? ` rowspan="${span.rows}"` : ""}${style.length ? ` style="${style.join(";")}"` : ""}`;
        tds.push(`<td${attrs}>${escape(cell?.text ?? "")}</td>`);
      }
      body.push(`<tr>${tds.join("")}</tr>`);
    }
    pages.push(`<table class="report-page">${colgroup}<tbody>${body.join("")}</tbody></table>`);
  }
  return pages.join("");
}

/** The print stylesheet that goes with `reportHtml`: A4 landscape, each report page on a page of its own. */
export const REPORT_PRINT_CSS = [
  "@page { size: A4 landscape; margin: 12mm 10mm; }",
  ".report-page { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9pt; line-height: 1.35; }",
  ".report-page + .report-page { break-before: page; }",
  ".report-page td { padding: 1px 3px; vertical-align: top; overflow-wrap: anywhere; }",
].join("\n");

/**
 * Reading an .xlsx (exceljs) into the same snapshot the add-in reads through Office.js: tables by
 * name, the hidden template identity, names and protection. Decides nothing.
 */
import type ExcelJS from "exceljs";
import { cellAddress, parseAddress, rangeAddress } from "../core/workbook/a1";
import { DEFINITION_NAMES, META_SHEET, SCHOOL_YEAR_NAME, TABLES, YEAR_NAME, type TableKey } from "../core/workbook/layout";
import { YEAR_MARKS_NAME } from "../core/workbook/marks";
import type { Cell, TableSnapshot, WorkbookSnapshot } from "../core/workbook/model";
import { metaFromCells } from "../core/workbook/meta";

/** A cell's value as Office.js `values` would give it. */
export function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return "";
      return typeof result === "object" && result !== null && "error" in result ? String((result as { error: string }).error) : (result as Cell);
    }
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return String(value.error);
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

/** A cell's content as Office.js `formulas` would give it: "=…" for formulas. */
export function cellFormula(value: ExcelJS.CellValue): Cell {
  if (value && typeof value === "object" && "formula" in value && typeof value.formula === "string") {
    return `=${value.formula.replace(/\b_xldudf_PLAN_([A-Z][A-Z0-9_]*)\(/g, "PLAN.$1(")}`;
  }
  return cellValue(value);
}

function grid(ws: ExcelJS.Worksheet, col: number, row: number, cols: number, rows: number, read: (v: ExcelJS.CellValue) => Cell): Cell[][] {
  const out: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Cell[] = [];
    for (let c = 0; c < cols; c++) line.push(read(ws.getCell(row + r + 1, col + c + 1).value));
    out.push(line);
  }
  return out;
}

function tableSnapshot(ws: ExcelJS.Worksheet, name: string): TableSnapshot | undefined {
  const table = ws.getTable(name) as unknown as { model?: { tableRef?: string; ref?: string } } | undefined;
  const ref = table?.model?.tableRef ?? table?.model?.ref;
  if (!ref) return undefined;
  const [from, to = from] = ref.split(":");
  const a = parseAddress(from!);
  const b = parseAddress(to!);
  const cols = b.col - a.col + 1;
  const rows = b.row - a.row + 1;
  const [header = [], ...formulas] = grid(ws, a.col, a.row, cols, rows, cellFormula);
  const [, ...values] = grid(ws, a.col, a.row, cols, rows, cellValue);
  // exceljs gives every cell of a merged area the first cell's value; Excel gives the others none.
  const merged: string[] = [];
  for (const range of Object.values((ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {})) {
    const { top, left, bottom, right } = range.model;
    if (bottom <= a.row + 1 || top > b.row + 1 || right <= a.col || left > b.col + 1) continue;
    merged.push(rangeAddress(left - 1, top - 1, right - left + 1, bottom - top + 1));
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        const row = r - a.row - 2;
        const col = c - a.col - 1;
        if (row >= 0 && row < values.length && col >= 0 && col < cols) values[row]![col] = formulas[row]![col] = "";
      }
    }
  }
  return { name, sheet: ws.name, col: a.col, row: a.row, headers: header.map((h) => String(h ?? "")), formulas, values, ...(merged.length ? { merged } : {}) };
}

export function snapshotFromWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = {
    tables: {},
    sheets: wb.worksheets.map((ws) => ws.name),
    names: [],
    meta: null,
    year: null,
    protectedSheets: wb.worksheets.filter((ws) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).map((ws) => ws.name),
  };
  for (const key of Object.keys(TABLES) as TableKey[]) {
    for (const ws of wb.worksheets) {
      const table = tableSnapshot(ws, TABLES[key]);
      if (table) {
        snapshot.tables[key] = table;
        break;
      }
    }
  }
  const meta = wb.getWorksheet(META_SHEET);
  snapshot.meta = meta ? metaFromCells((r, c) => cellValue(meta.getCell(r + 1, c + 1).value), meta.rowCount) : null;
  const names = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
  snapshot.names = names.map((n) => n.name);
  // A name whose sheet is gone (or that holds no range) is broken, as Excel reports #REF!.
  snapshot.brokenNames = names
    .filter((n) => n.name.startsWith("PM_") && !n.ranges.some((r) => { const s = parseAddress(r).sheet; return s !== null && wb.getWorksheet(s) !== undefined; }))
    .map((n) => n.name);
  const named = (name: string): Cell => {
    const ref = names.find((n) => n.name === name)?.ranges[0];
    if (!ref) return null;
    const { sheet, col, row } = parseAddress(ref);
    const ws = sheet ? wb.getWorksheet(sheet) : undefined;
    return ws ? cellValue(ws.getCell(row + 1, col + 1).value) : null;
  };
  snapshot.year = named(YEAR_NAME);
  // The year marks (预计 / 初步): one row of cells under one name.
  const marksRef = names.find((n) => n.name === YEAR_MARKS_NAME)?.ranges[0];
  if (marksRef) {
    const [from, to] = marksRef.split(":");
    const start = parseAddress(from!);
    const end = to ? parseAddress(to) : start;
    const ws = start.sheet ? wb.getWorksheet(start.sheet) : undefined;
    if (ws) {
      const values = Array.from({ length: end.col - start.col + 1 }, (_, i) => cellValue(ws.getCell(start.row + 1, start.col + i + 1).value));
      snapshot.yearMarks = { sheet: ws.name, col: start.col, row: start.row, values };
    }
  }
  snapshot.schoolYear = named(SCHOOL_YEAR_NAME);
  for (const n of [...Object.values(DEFINITION_NAMES), YEAR_NAME, SCHOOL_YEAR_NAME]) {
    const ref = names.find((x) => x.name === n)?.ranges[0];
    if (!ref) continue;
    const { sheet, col, row } = parseAddress(ref);
    const ws = sheet ? wb.getWorksheet(sheet) : undefined;
    if (!ws) continue;
    snapshot.namedCells ??= {};
    snapshot.namedCells[n] = { value: cellValue(ws.getCell(row + 1, col + 1).value), sheet: ws.name, address: cellAddress(col, row) };
  }
  return snapshot;
}

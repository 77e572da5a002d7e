/**
 * Executing the core's write operations on an exceljs workbook: the .xlsx writer beside the
 * Office.js one. Decides nothing. What exceljs cannot write is skipped and reported:
 * native charts (the report keeps the chart's data and its in-cell data bars).
 */
import type ExcelJS from "exceljs";
import { dropChart, queueChart } from "./chart";
import { columnLetter, parseAddress } from "../core/workbook/a1";
import type { ValidationSpec } from "../core/workbook/layout";
import type { Cell, WriteOp } from "../core/workbook/model";
import type { ApplyResult } from "../usecases/port";
import { cellValue } from "./snapshot";

interface Box {
  col: number;
  row: number;
  cols: number;
  rows: number;
}

function box(address: string): Box {
  const [from, to = from] = address.replace(/\$/g, "").split(":");
  const a = parseAddress(from!);
  const b = parseAddress(to!);
  return { col: a.col, row: a.row, cols: b.col - a.col + 1, rows: b.row - a.row + 1 };
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
/** The face and size of the workbook's Normal style as exceljs writes it (Calibri 11, like Excel's). */
const DEFAULT_FONT = { name: "Calibri", size: 11 } as const;

/**
 * Structured references as the file format stores them: `[@[X]]` → `Table[[#This Row],[X]]`,
 * `[@[A]:[B]]` → `Table[[#This Row],[A]:[B]]` (the `@` form is Excel's display shorthand).
 */
export function fileFormula(formula: string, table: string | null): string {
  // Excel stores an add-in function as _xldudf_ + its full name with dots as underscores; a plain
  // PLAN.GAP(…) in a file stays #NAME? even with the add-in loaded (excel.md: how files store them).
  const body = (formula.startsWith("=") ? formula.slice(1) : formula).replace(/\bPLAN\.([A-Z][A-Z0-9_]*)\(/g, "_xldudf_PLAN_$1(");
  if (!table) return body;
  return body.replace(/\[@\[([^\]]+)\](?::\[([^\]]+)\])?\]/g, (_, a: string, b?: string) =>
    b ? `${table}[[#This Row],[${a}]:[${b}]]` : `${table}[[#This Row],[${a}]]`,
  );
}

interface TableEntry {
  name: string;
  sheet: string;
  box: Box;
  /** Created by these operations, to be registered with exceljs at the end. */
  pending: boolean;
}

function tableRef(t: ExcelJS.Table): string | undefined {
  const model = (t as unknown as { model?: { tableRef?: string } }).model;
  return model?.tableRef;
}

/** What every operation's handler works on: the workbook, its tables, and what was skipped. */
interface XlsxWriter {
  wb: ExcelJS.Workbook;
  tables: TableEntry[];
  skipped: string[];
  sheet(name: string): ExcelJS.Worksheet;
  table(name: string): TableEntry;
  /** Writes one cell as Office.js `formulas` would: "=…" a formula, "'…" text, "" nothing. */
  write(ws: ExcelJS.Worksheet, col: number, row: number, cell: Cell): void;
  eachCell(ws: ExcelJS.Worksheet, b: Box, f: (cell: ExcelJS.Cell, c: number, r: number) => void): void;
}

type Handlers = { [K in WriteOp["op"]]: (w: XlsxWriter, op: Extract<WriteOp, { op: K }>) => void | Promise<void> };

/** One function per write operation. */
const HANDLERS: Handlers = {
  addSheet: (w, op) => {
    w.wb.addWorksheet(op.sheet, { state: op.veryHidden ? "veryHidden" : "visible" });
  },
  deleteSheet: (w, op) => {
    dropChart(w.wb, op.sheet);
    w.wb.removeWorksheet(w.sheet(op.sheet).id);
  },
  unprotect: (w, op) => {
    w.sheet(op.sheet).unprotect();
  },
  protect: async (w, op) => {
    await w.sheet(op.sheet).protect("", { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, sort: true, formatColumns: true, formatRows: true });
  },
  setCells: (w, op) => {
    const ws = w.sheet(op.sheet);
    const b = box(op.address);
    op.formulas.forEach((row, r) => row.forEach((cell, c) => w.write(ws, b.col + c, b.row + r, cell)));
  },
  createTable: (w, op) => {
    w.tables.push({ name: op.name, sheet: op.sheet, box: box(op.address), pending: true });
  },
  addTableRows: (w, op) => {
    const t = w.table(op.table);
    const ws = w.sheet(t.sheet);
    const first = t.box.row + t.box.rows;
    t.box.rows += op.rows.length;
    op.rows.forEach((row, r) => row.forEach((cell, c) => w.write(ws, t.box.col + c, first + r, cell)));
    // As in Excel, new table rows take the formats and validation of the row above (first is 0-based).
    if (first - 1 > t.box.row) {
      for (let c = 0; c < t.box.cols; c++) {
        const { style } = ws.getCell(first, t.box.col + c + 1);
        for (let r = 0; r < op.rows.length; r++) ws.getCell(first + r + 1, t.box.col + c + 1).style = { ...style };
      }
      const rules = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
      for (const [ref, rule] of Object.entries(rules)) {
        const b = box(ref);
        if (b.row + b.rows !== first || b.col < t.box.col || b.col + b.cols > t.box.col + t.box.cols) continue;
        delete rules[ref];
        rules[`${columnLetter(b.col)}${b.row + 1}:${columnLetter(b.col + b.cols - 1)}${first + op.rows.length}`] = rule;
      }
    }
    if (!t.pending) resizeTable(ws, t);
  },
  addTableColumn: (w, op) => {
    const t = w.table(op.table);
    const ws = w.sheet(t.sheet);
    w.write(ws, t.box.col + t.box.cols, t.box.row, op.header);
    t.box.cols += 1;
    if (!t.pending) resizeTable(ws, t);
  },
  renameTableColumn: (w, op) => {
    const t = w.table(op.table);
    const ws = w.sheet(t.sheet);
    for (let c = 0; c < t.box.cols; c++) {
      if (cellValue(ws.getCell(t.box.row + 1, t.box.col + c + 1).value) === op.from) w.write(ws, t.box.col + c, t.box.row, op.to);
    }
    const model = (ws.getTable(t.name) as unknown as { model?: { columns: Array<{ name: string }> } } | undefined)?.model;
    model?.columns.forEach((col) => col.name === op.from && (col.name = op.to));
  },
  format: (w, op) => {
    const ws = w.sheet(op.sheet);
    w.eachCell(ws, box(op.address), (cell, c, r) => {
      const numberFormat = op.numberFormat?.[r]?.[c];
      if (numberFormat) cell.numFmt = numberFormat;
      if (op.fill === null) cell.fill = { type: "pattern", pattern: "none" };
      else if (op.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(op.fill) } };
      if (op.bold !== undefined || op.italic !== undefined || op.fontColor || op.size || op.fontName) {
        // A font written without its name (bold alone) is read by LibreOffice as its own default, a
        // serif face; Excel keeps the cell's face when only bold is set, so the face is kept here too.
        cell.font = {
          name: DEFAULT_FONT.name,
          size: DEFAULT_FONT.size,
          ...cell.font,
          ...(op.fontName ? { name: op.fontName } : {}),
          ...(op.bold !== undefined ? { bold: op.bold } : {}),
          ...(op.italic !== undefined ? { italic: op.italic } : {}),
          ...(op.fontColor ? { color: { argb: argb(op.fontColor) } } : {}),
          ...(op.size ? { size: op.size } : {}),
        };
      }
      if (op.locked !== undefined) cell.protection = { ...cell.protection, locked: op.locked };
      if (op.wrap !== undefined) cell.alignment = { ...cell.alignment, wrapText: op.wrap, vertical: "top" };
      if (op.align !== undefined) cell.alignment = { ...cell.alignment, horizontal: op.align };
      if (op.valign !== undefined) cell.alignment = { ...cell.alignment, vertical: op.valign };
    });
  },
  merge: (w, op) => {
    const ws = w.sheet(op.sheet);
    ws.mergeCells(op.address.replace(/\$/g, ""));
    const b = box(op.address);
    for (let r = 0; r < b.rows; r++) ws.getRow(b.row + r + 1).height = op.rowHeight;
  },
  columnWidth: (w, op) => {
    const b = box(op.address);
    w.sheet(op.sheet).getColumn(b.col + 1).width = op.points / 7;
  },
  validation: (w, op) => {
    const ws = w.sheet(op.sheet);
    const b = box(op.address);
    const common = {
      allowBlank: true,
      showInputMessage: true,
      promptTitle: op.title,
      prompt: op.prompt,
      showErrorMessage: true,
      // ECMA-376 knows stop, warning and information; "stop" refuses a wrong entry (excel.md), "warning"
      // lets a planner keep text a suggesting list lacks.
      errorStyle: op.rule.kind === "list" && op.rule.suggest ? ("warning" as const) : ("stop" as const),
      errorTitle: op.title,
      error: op.error,
    };
    (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${columnLetter(b.col)}${b.row + 1}:${columnLetter(b.col + b.cols - 1)}${b.row + b.rows}`,
      { ...validation(op.rule), ...common },
    );
  },
  clearConditionalFormats: (w, op) => {
    const ws = w.sheet(op.sheet) as unknown as { conditionalFormattings: Array<{ ref: string }> };
    const ref = op.address.replace(/\$/g, "");
    ws.conditionalFormattings = ws.conditionalFormattings.filter((cf) => cf.ref !== ref);
  },
  conditionalFormat: (w, op) => {
    w.sheet(op.sheet).addConditionalFormatting({
      ref: op.address.replace(/\$/g, ""),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [op.formula.replace(/^=/, "")],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(op.fill) } }, font: { color: { argb: argb(op.fontColor) } } },
        },
      ],
    });
  },
  dataBar: (w, op) => {
    w.sheet(op.sheet).addConditionalFormatting({
      ref: op.address,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: false,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: { argb: argb(op.color) },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  },
  chart: (w, op) => {
    queueChart(w.wb, op);
  },
  pageLayout: (w, op) => {
    const ws = w.sheet(op.sheet);
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: "landscape",
      ...(op.scale ? { fitToPage: false, scale: op.scale } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      // Numbered within the sheet: a report's "第 N 页" counts its own pages, whatever prints before it.
      firstPageNumber: 1,
      printTitlesRow: op.titleRows.replace(/\$/g, ""),
      ...(op.titleColumns ? { printTitlesColumn: op.titleColumns.replace(/\$/g, "") } : {}),
      // exceljs writes `$` + each end: rows get theirs here, so the name is absolute ($A$1:$M$240) as Excel keeps it.
      ...(op.printArea ? { printArea: op.printArea.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
    };
    ws.headerFooter = { ...ws.headerFooter, oddHeader: `&C${op.header}`, oddFooter: `&C${op.footer}` };
    if (op.gridlines === false) ws.views = [{ ...(ws.views[0] ?? { state: "normal" }), showGridLines: false }];
  },
  rowHeight: (w, op) => {
    const b = box(op.address);
    for (let r = 0; r < b.rows; r++) w.sheet(op.sheet).getRow(b.row + r + 1).height = op.points;
  },
  pageBreak: (w, op) => {
    // exceljs breaks after a row: after the one above the page's first row.
    const row = box(op.address).row;
    if (row > 0) w.sheet(op.sheet).getRow(row).addPageBreak();
  },
  freeze: (w, op) => {
    const ws = w.sheet(op.sheet);
    const { col, row } = parseAddress(op.address);
    const keep = ws.views[0]?.showGridLines === false ? { showGridLines: false } : {};
    ws.views = [{ ...keep, state: "frozen", xSplit: col, ySplit: row, topLeftCell: op.address }];
  },
  name: (w, op) => {
    const ref = `'${op.sheet.replace(/'/g, "''")}'!${op.address}`;
    w.wb.definedNames.add(ref, op.name);
  },
  results: (w, op) => {
    const ws = w.sheet(op.sheet);
    for (const [address, result] of op.cells) cacheResult(ws.getCell(address), result);
  },
  // exceljs keeps no filter state (hidden rows) to clear or restore.
  clearFilters: () => undefined,
  restoreFilters: () => undefined,
  deleteName: (w, op) => {
    const names = w.wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }>; remove(loc: string, name: string): void };
    for (const n of names.model.filter((x) => x.name === op.name)) for (const loc of n.ranges) names.remove(loc, op.name);
  },
  select: (w, op) => {
    const ws = w.sheet(op.sheet);
    // Keep a frozen pane and hidden gridlines; only the active cell changes.
    ws.views = [{ ...(ws.views[0] ?? { state: "normal" }), activeCell: op.address.replace(/\$/g, "") } as ExcelJS.WorksheetView];
  },
};

function writer(wb: ExcelJS.Workbook): XlsxWriter {
  const tables: TableEntry[] = [];
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
      const ref = tableRef(t);
      const name = (t as unknown as { name?: string; model?: { name?: string } }).model?.name;
      if (ref && name) tables.push({ name, sheet: ws.name, box: box(ref), pending: false });
    }
  }
  const tableAt = (sheetName: string, col: number, row: number) =>
    tables.find((t) => t.sheet === sheetName && col >= t.box.col && col < t.box.col + t.box.cols && row > t.box.row && row < t.box.row + t.box.rows);
  return {
    wb,
    tables,
    skipped: [],
    sheet(name) {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(`No sheet named ${name}`);
      return ws;
    },
    table(name) {
      const t = tables.find((x) => x.name === name);
      if (!t) throw new Error(`No table named ${name}`);
      return t;
    },
    write(ws, col, row, cell) {
      const target = ws.getCell(row + 1, col + 1);
      if (typeof cell === "string" && cell.startsWith("=")) {
        target.value = { formula: fileFormula(cell, tableAt(ws.name, col, row)?.name ?? null) } as ExcelJS.CellFormulaValue;
      } else if (typeof cell === "string" && cell.startsWith("'")) {
        target.value = cell.slice(1); // Excel's text prefix: the rest is text
      } else {
        target.value = cell === "" ? null : cell;
      }
    },
    eachCell(ws, b, f) {
      for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) f(ws.getCell(b.row + r + 1, b.col + c + 1), c, r);
    },
  };
}

export async function applyToWorkbook(wb: ExcelJS.Workbook, ops: readonly WriteOp[]): Promise<ApplyResult> {
  const w = writer(wb);
  for (const op of ops) await (HANDLERS[op.op] as (w: XlsxWriter, op: WriteOp) => void | Promise<void>)(w, op);
  // Tables are registered last, over the cells written above (exceljs takes their rows at creation).
  for (const t of w.tables.filter((x) => x.pending)) {
    const ws = w.sheet(t.sheet);
    const headers: string[] = [];
    for (let c = 0; c < t.box.cols; c++) headers.push(String(ws.getCell(t.box.row + 1, t.box.col + c + 1).value ?? `Column${c + 1}`));
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 1; r < t.box.rows; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = 0; c < t.box.cols; c++) row.push(ws.getCell(t.box.row + r + 1, t.box.col + c + 1).value);
      rows.push(row);
    }
    ws.addTable({
      name: t.name,
      ref: `${columnLetter(t.box.col)}${t.box.row + 1}`,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  // A cell style whose font names no face (exceljs writes `<font/>` for a style made of a fill or a
  // lock alone) is drawn by LibreOffice in its own default face, wider than Calibri: figures that fit
  // in Excel turn to ###. Such fonts take the workbook's Normal face and size.
  for (const name of new Set(ops.map((op) => ("sheet" in op ? op.sheet : null)).filter((s): s is string => !!s))) {
    const ws = wb.worksheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    ws?.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.style && !cell.font?.name) cell.font = { ...DEFAULT_FONT, ...cell.font };
      }),
    );
  }
  return { skipped: w.skipped };
}

/** Sets the cached result of a formula cell (exceljs cells, not Office.js ranges: nothing to load). */
function cacheResult(target: ExcelJS.Cell, result: Cell): void {
  const formula = target.formula;
  if (formula) target.value = { ...(target.value as ExcelJS.CellFormulaValue), result: result as ExcelJS.CellFormulaValue["result"] };
}

/** exceljs keeps a loaded table's extent in its model; rows or columns written beside it join it. */
function resizeTable(ws: ExcelJS.Worksheet, t: TableEntry) {
  const table = ws.getTable(t.name) as unknown as { model: { tableRef: string; autoFilterRef?: string; columns: Array<{ name: string }> } };
  const ref = `${columnLetter(t.box.col)}${t.box.row + 1}:${columnLetter(t.box.col + t.box.cols - 1)}${t.box.row + t.box.rows}`;
  table.model.tableRef = ref;
  if (table.model.autoFilterRef) table.model.autoFilterRef = ref;
  while (table.model.columns.length < t.box.cols) {
    table.model.columns.push({ name: String(ws.getCell(t.box.row + 1, t.box.col + table.model.columns.length + 1).value ?? "") });
  }
}

function validation(rule: ValidationSpec): Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae"> {
  switch (rule.kind) {
    case "list":
      return { type: "list", formulae: [`"${rule.options.join(",")}"`] };
    case "whole":
      return { type: "whole", operator: "greaterThanOrEqual", formulae: [rule.min] };
    case "decimal":
      return rule.max === undefined
        ? { type: "decimal", operator: "greaterThanOrEqual", formulae: [rule.min] }
        : { type: "decimal", operator: "between", formulae: [rule.min, rule.max] };
    case "custom":
      return { type: "custom", formulae: [rule.formula.replace(/^=/, "")] };
  }
}

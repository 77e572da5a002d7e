/**
 * Reading the workbook into a snapshot: two round trips whatever the number of rows (the first
 * finds which tables and names exist, the second loads them whole). Decides nothing.
 */
import { DEFINITION_NAMES, META_SHEET, SCHOOL_YEAR_NAME, TABLES, YEAR_NAME, type TableKey } from "../core/workbook/layout";
import { parseAddress } from "../core/workbook/a1";
import type { Cell, MetaSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/workbook/model";
import { metaFromCells } from "../core/workbook/meta";
import { YEAR_MARKS_NAME } from "../core/workbook/marks";

const asCells = (rows: unknown[][]): Cell[][] =>
  rows.map((row) => row.map((c) => (c === undefined ? null : (c as Cell))));

export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const wb = context.workbook;
  const keys = Object.keys(TABLES) as TableKey[];
  // isNullObject is known after the sync without loading anything.
  const tables = keys.map((key) => wb.tables.getItemOrNullObject(TABLES[key]));
  const sheets = wb.worksheets;
  sheets.load("items/name,items/protection/protected");
  const names = wb.names;
  names.load("items/name,items/type");
  const meta = wb.worksheets.getItemOrNullObject(META_SHEET);
  const year = wb.names.getItemOrNullObject(YEAR_NAME);
  const schoolYear = wb.names.getItemOrNullObject(SCHOOL_YEAR_NAME);
  const marks = wb.names.getItemOrNullObject(YEAR_MARKS_NAME);
  // The year cells too, so actions that rewrite their lists find them where the planner keeps them.
  const definitionNames = [...Object.values(DEFINITION_NAMES), YEAR_NAME, SCHOOL_YEAR_NAME].map((n) => [n, wb.names.getItemOrNullObject(n)] as const);
  await context.sync();

  // Merged areas need ExcelApi 1.13; where it is missing Excel still reads their other cells as blank.
  const mergeable = typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.13") === true;
  const ranges = tables.map((t) => {
    if (t.isNullObject) return null;
    const range = t.getRange();
    range.load("address,formulas,values");
    const sheet = t.worksheet;
    sheet.load("name");
    const merged = mergeable ? range.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    const filter = t.autoFilter;
    filter.load("isDataFiltered,criteria");
    return { range, sheet, merged, filter };
  });
  const metaRange = meta.isNullObject ? null : meta.getUsedRangeOrNullObject(true);
  metaRange?.load("values,address");
  // getRangeOrNullObject: a name redefined as a constant or pointing at a deleted sheet has no range
  // (getRange would throw and fail every action; excel.md: writing cells).
  const yearRange = year.isNullObject ? null : year.getRangeOrNullObject();
  yearRange?.load("values");
  const schoolYearRange = schoolYear.isNullObject ? null : schoolYear.getRangeOrNullObject();
  schoolYearRange?.load("values");
  const marksRange = marks.isNullObject ? null : marks.getRangeOrNullObject();
  marksRange?.load("values,address");
  const definitionRanges = definitionNames.map(([n, item]) => {
    const range = item.isNullObject ? null : item.getRangeOrNullObject();
    range?.load("values,address");
    return [n, range] as const;
  });
  await context.sync();

  const snapshot: WorkbookSnapshot = {
    tables: {},
    sheets: sheets.items.map((s) => s.name),
    names: names.items.map((n) => n.name),
    meta: metaRange && !metaRange.isNullObject ? parseMeta(metaRange.values, metaRange.address) : null,
    year: yearRange && !yearRange.isNullObject ? ((yearRange.values[0]?.[0] as Cell) ?? null) : null,
    schoolYear: schoolYearRange && !schoolYearRange.isNullObject ? ((schoolYearRange.values[0]?.[0] as Cell) ?? null) : null,
    brokenNames: names.items.filter((n) => n.name.startsWith("PM_") && n.type !== "Range").map((n) => n.name),
    protectedSheets: sheets.items.filter((s) => s.protection.protected).map((s) => s.name),
  };
  if (marksRange && !marksRange.isNullObject) {
    const at = marksRange.address.lastIndexOf("!");
    const { col, row } = parseAddress(marksRange.address.slice(at + 1));
    const sheet = marksRange.address.slice(0, at).replace(/^'|'$/g, "").replace(/''/g, "'");
    snapshot.yearMarks = { sheet, col, row, values: (marksRange.values[0] ?? []).map((c) => (c === undefined ? null : (c as Cell))) };
  }
  for (const [n, range] of definitionRanges) {
    if (!range || range.isNullObject) continue;
    const at = range.address.lastIndexOf("!");
    snapshot.namedCells ??= {};
    snapshot.namedCells[n] = {
      value: (range.values[0]?.[0] as Cell) ?? null,
      sheet: range.address.slice(0, at).replace(/^'|'$/g, "").replace(/''/g, "'"),
      address: range.address.slice(at + 1).replace(/\$/g, "").split(":")[0]!,
    };
  }
  keys.forEach((key, i) => {
    const r = ranges[i];
    if (!r) return;
    const { col, row } = parseAddress(r.range.address);
    const [header = [], ...formulas] = asCells(r.range.formulas);
    const [, ...values] = asCells(r.range.values);
    const table: TableSnapshot = {
      name: TABLES[key],
      sheet: r.sheet.name,
      col,
      row,
      headers: header.map((h) => String(h ?? "")),
      formulas,
      values,
    };
    if (r.filter.isDataFiltered) table.filter = r.filter.criteria;
    if (r.merged && !r.merged.isNullObject) table.merged = r.merged.address.split(",").map((a) => a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, "").trim());
    snapshot.tables[key] = table;
  });
  return snapshot;
}

/** PM_Meta's used range (which starts at A1) as the core reads it. */
export function parseMeta(values: unknown[][], address: string): MetaSnapshot | null {
  const { col, row } = parseAddress(address);
  return metaFromCells((r, c) => values[r - row]?.[c - col], row + values.length);
}

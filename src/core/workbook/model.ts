/**
 * The two plain-data sides of every workbook action: what is read (a snapshot, one round trip)
 * and what is written (a list of operations the Excel adapter executes in one round trip).
 */
import type { TableKey, ValidationSpec } from "./layout";

export type Cell = string | number | boolean | null;

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** Header row's top-left cell, 0-based. */
  col: number;
  row: number;
  headers: string[];
  /** Body as formulas (constants as their values), one array per row. */
  formulas: Cell[][];
  /** Body as computed values. */
  values: Cell[][];
  /**
   * Merged areas that overlap the table (A1, no sheet). Excel reports only the first cell's value;
   * the others read as blank here in both hosts, and the data check names each one.
   */
  merged?: string[];
  /**
   * The table's filter criteria, per column, while its data is filtered (opaque to the core): a
   * write is wrapped in clearing and restoring them (excel.md: filtered tables).
   */
  filter?: unknown[];
}

export interface MetaSnapshot {
  templateId: string;
  version: string;
  /** IDs of the template rows the workbook was given (to tell "deleted by the planner" from "new"). */
  ids: string[];
  /** Cells currently highlighted by validation, as "Sheet!A1". */
  highlights: string[];
  protection: boolean;
  /** The language the template's labels were written in; later inserts keep it. */
  language: "zh" | "en";
  /** The plan applied to the workbook, as JSON (absent in workbooks of earlier releases: the embedded plan). */
  planJson?: string;
}

export interface WorkbookSnapshot {
  tables: Partial<Record<TableKey, TableSnapshot>>;
  sheets: string[];
  /** Workbook-level names that already exist. */
  names: string[];
  /** PM_* names that no longer refer to a range (a deleted sheet's #REF!, or a constant). */
  brokenNames?: string[];
  meta: MetaSnapshot | null;
  /** The monitoring-year cell's value, if the name exists. */
  year: Cell;
  /** The year the schools table's data is for (PM_SchoolYear), if the name exists. */
  schoolYear?: Cell;
  /** Named input cells where they exist: the plan definition's (PM_BaseYear, PM_TargetYear, PM_PlanName, PM_PlanNameEn) and the year cells (PM_Year, PM_SchoolYear). */
  namedCells?: Record<string, { value: Cell; sheet: string; address: string }>;
  /** The cells of PM_YearMarks (one per year above the indicator table's year columns), where the name exists. */
  yearMarks?: { sheet: string; col: number; row: number; values: Cell[] };
  protectedSheets: string[];
}

export type WriteOp =
  | { op: "addSheet"; sheet: string; veryHidden?: boolean }
  | { op: "deleteSheet"; sheet: string }
  | { op: "dataBar"; sheet: string; address: string; color: string }
  | { op: "chart"; sheet: string; dataAddress: string; title: string; anchor: string; bottomRight: string }
  /** Print setup: A4 landscape, one page wide; the printed area (leaving helper data out); gridlines off. */
  /**
   * Printed A4 landscape, pages numbered from 1 within the sheet. Without `scale`: one page wide (a
   * report laid out for it); with it: at that zoom over as many pages as the columns need, the
   * `titleColumns` (ID and name) repeated on each (an input sheet).
   */
  | { op: "pageLayout"; sheet: string; titleRows: string; header: string; footer: string; printArea?: string; gridlines?: boolean; scale?: number; titleColumns?: string }
  /** The height of the rows of `address`, in points. */
  | { op: "rowHeight"; sheet: string; address: string; points: number }
  /** A printed page starts at the row of `address`. */
  | { op: "pageBreak"; sheet: string; address: string }
  /** Rows above and columns left of `address` stay in view while scrolling (a table's header and ID). */
  | { op: "freeze"; sheet: string; address: string }
  | { op: "unprotect"; sheet: string }
  | { op: "protect"; sheet: string }
  | { op: "setCells"; sheet: string; address: string; formulas: Cell[][] }
  | { op: "createTable"; sheet: string; address: string; name: string }
  | { op: "addTableRows"; table: string; rows: Cell[][] }
  | { op: "addTableColumn"; table: string; header: string }
  /** A header of an earlier template version; Excel points formulas at the new name. */
  | { op: "renameTableColumn"; table: string; from: string; to: string }
  | { op: "format"; sheet: string; address: string; numberFormat?: string[][]; fill?: string | null; italic?: boolean; bold?: boolean; fontColor?: string; locked?: boolean; wrap?: boolean; size?: number; align?: "left" | "right"; valign?: "top"; fontName?: string }
  | { op: "columnWidth"; sheet: string; address: string; points: number }
  /** Merges a block into one cell (a paragraph across the page) and sets its rows' height. */
  | { op: "merge"; sheet: string; address: string; rowHeight: number }
  | { op: "validation"; sheet: string; address: string; rule: ValidationSpec; prompt: string; error: string; title: string }
  | { op: "clearConditionalFormats"; sheet: string; address: string }
  | { op: "conditionalFormat"; sheet: string; address: string; formula: string; fill: string; fontColor: string }
  | { op: "name"; name: string; sheet: string; address: string }
  | { op: "deleteName"; name: string }
  | { op: "clearFilters"; table: string }
  /** Cached results of formula cells, for files written outside Excel (Excel calculates its own). */
  | { op: "results"; sheet: string; cells: Array<[string, Cell]> }
  | { op: "restoreFilters"; table: string; criteria: unknown[] }
  | { op: "select"; sheet: string; address: string };

/** Fill colours: input cells, calculated cells, validation findings. */
export const COLORS = {
  input: "#FFF2CC",
  computed: "#E7EEF7",
  error: "#FFC7CE",
  warning: "#FFEB9C",
  header: "#DDEBF7",
} as const;

const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/** Dates with a month's name, day first or month first: "15-Feb", "Feb 2025", "March 5, 2025". */
const DAY_MONTH = new RegExp(`^\\d{1,2}[-\\s/]?${MONTH}\\.?(?:[-\\s/,]+\\d{2,4})?$`, "i");
const MONTH_DAY = new RegExp(`^${MONTH}\\.?[-\\s/]?\\d{1,4}(?:[-\\s/,]+\\d{2,4})?$`, "i");

/**
 * A string as the text it is: Excel parses text written through `formulas` or `values` ("94 %" →
 * 0.94, "2025" → 2025, "TRUE" → a logical, "=…" → a formula; excel.md: writing cells), so text that
 * Excel would read as something else gets its text prefix, the apostrophe, which Excel drops.
 */
export function asText(cell: Cell): Cell {
  if (typeof cell !== "string" || cell === "") return cell;
  const t = cell.trim();
  const parsed =
    /^[=+\-@']/.test(cell) ||
    /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?\s*%?$/.test(t) && /\d/.test(t) ||
    /^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$/.test(t) ||
    /^\d{1,2}:\d{1,2}(?::\d{1,2})?(?:\s*[ap]m)?$/i.test(t) ||
    DAY_MONTH.test(t) ||
    MONTH_DAY.test(t) ||
    // Chinese dates: "2025年3月", "3月5日".
    /^(?:\d{1,4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日)$/.test(t) ||
    /^(?:true|false)$/i.test(t);
  return parsed ? `'${cell}` : cell;
}
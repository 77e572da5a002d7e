/**
 * Write plans of the smaller workbook actions: highlighting validation findings, switching
 * protection, selecting a cell. Each is plain data for the Excel adapter.
 */
import { META_SHEET, type TableKey } from "./layout";
import { rangeAddress } from "./a1";
import { COLORS, type WorkbookSnapshot, type WriteOp } from "./model";
import type { Finding } from "./check";
import { withProtection } from "./insert";
import { allTables, columnFormula, formulaRow } from "./layout";
import { workbookDialect } from "./portable";
import type { Plan } from "../plan/schema";

const splitCell = (where: string) => {
  const bang = where.lastIndexOf("!");
  return { sheet: where.slice(0, bang), address: where.slice(bang + 1) };
};

/**
 * Cells with findings are filled (red for errors, amber for warnings); cells highlighted by the
 * previous run and now clean go back to the input colour. The list is kept in PM_Meta column F.
 */
export function planHighlights(findings: readonly Finding[], snapshot: WorkbookSnapshot): WriteOp[] {
  const next = new Map<string, Finding["severity"]>();
  for (const f of findings) {
    const where = `${f.sheet}!${f.address}`;
    if (next.get(where) !== "error") next.set(where, f.severity);
  }
  const sheets = new Set(snapshot.sheets);
  const ops: WriteOp[] = [];
  for (const where of snapshot.meta?.highlights ?? []) {
    if (next.has(where)) continue;
    const { sheet, address } = splitCell(where);
    if (sheets.has(sheet)) ops.push({ op: "format", sheet, address, fill: COLORS.input });
  }
  for (const [where, severity] of next) {
    const { sheet, address } = splitCell(where);
    ops.push({ op: "format", sheet, address, fill: severity === "error" ? COLORS.error : COLORS.warning });
  }
  const rows = Math.max(next.size, snapshot.meta?.highlights.length ?? 0);
  if (rows > 0) {
    const list = [...next.keys()];
    ops.push({ op: "setCells", sheet: META_SHEET, address: rangeAddress(5, 0, 1, rows), formulas: Array.from({ length: rows }, (_, i) => [list[i] ?? ""]) });
  }
  return withProtection(ops, snapshot);
}

/** Protects (or unprotects) every sheet holding a template table; input cells were unlocked at insert. */
export function planProtection(on: boolean, snapshot: WorkbookSnapshot): WriteOp[] {
  const sheets = new Set(
    (Object.keys(snapshot.tables) as TableKey[]).map((k) => snapshot.tables[k]?.sheet).filter((s): s is string => !!s),
  );
  const protectedNow = new Set(snapshot.protectedSheets);
  const ops: WriteOp[] = [];
  // Protection someone else set is theirs: switching ours off leaves it (and protectionProblem says so).
  const ours = snapshot.meta?.protection === true;
  for (const sheet of sheets) {
    if (on && !protectedNow.has(sheet)) ops.push({ op: "protect", sheet });
    if (!on && ours && protectedNow.has(sheet)) ops.push({ op: "unprotect", sheet });
  }
  ops.push({ op: "setCells", sheet: META_SHEET, address: "A4:B4", formulas: [["protection", on ? "on" : "off"]] });
  return ops;
}

export function planSelect(sheet: string, address: string): WriteOp[] {
  return [{ op: "select", sheet, address }];
}

/**
 * New rows at the end of a template table, with its calculated columns' formulas and blank inputs.
 * Works with protection on: tables do not grow on a protected sheet, so the add-in's own write
 * unprotects and protects again (withProtection).
 */
export function planAddRows(plan: Plan, snapshot: WorkbookSnapshot, key: "indicators" | "tasks" | "schools" | "projects", count: number): WriteOp[] {
  const table = snapshot.tables[key];
  if (!table || count < 1) return [];
  const spec = allTables(plan).find((t) => t.key === key)!;
  // In the dialect the workbook's live columns are written in (a row added to a portable workbook stays portable).
  const dialect = workbookDialect(snapshot);
  const language = snapshot.meta?.language ?? "zh";
  const columns = new Map(spec.columns.map((c) => [c.header, c]));
  // Portable formulas name their row's cells: each new row is written for where it will stand.
  const rows = Array.from({ length: count }, (_, i) => {
    const at = formulaRow(table, table.values.length + i, language);
    return table.headers.map((h) => {
      const column = columns.get(h);
      return column ? (columnFormula(column, dialect, at) ?? "") : "";
    });
  });
  return withProtection([{ op: "addTableRows", table: table.name, rows }], snapshot);
}
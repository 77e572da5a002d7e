/**
 * Which years' figures are estimates (domain notes §7a.6). Final evaluations are drafted during the
 * last year from the year before's actuals and the last year's 预计值: one cell per year above the
 * indicator table's year columns (the name PM_YearMarks) says 预计 Estimated or 初步 Preliminary;
 * blank (or 实际 Actual) is an actual figure. Reports label such years; the verdicts are the same.
 */
import type { Bilingual } from "../i18n";
import { cellAddress } from "./a1";
import type { Finding } from "./check";
import { IH, TABLES } from "./layout";
import type { Cell, WorkbookSnapshot } from "./model";
import { isBlank } from "../values";
import { checkMessages } from "./text";

export const YEAR_MARKS_NAME = "PM_YearMarks";

export type YearMark = "estimate" | "preliminary";

export const YEAR_MARK_LABELS: Record<"actual" | YearMark, Bilingual> = {
  actual: { zh: "实际", en: "Actual" },
  estimate: { zh: "预计", en: "Estimated" },
  preliminary: { zh: "初步", en: "Preliminary" },
};

/** A mark cell in either language: null when blank or actual, undefined when it is no mark at all. */
export function markFromText(cell: Cell | undefined): YearMark | null | undefined {
  if (isBlank(cell) || cell === 0) return null;
  const t = String(cell).trim().toLowerCase();
  const hit = (Object.keys(YEAR_MARK_LABELS) as Array<keyof typeof YEAR_MARK_LABELS>).find((k) => YEAR_MARK_LABELS[k].zh === t || YEAR_MARK_LABELS[k].en.toLowerCase() === t);
  if (hit === undefined) return undefined;
  return hit === "actual" ? null : hit;
}

/** Each mark cell with the year of the indicator column below it. */
function cells(snapshot: WorkbookSnapshot): Array<{ year: number; cell: Cell; address: string; sheet: string }> {
  const marks = snapshot.yearMarks;
  const table = snapshot.tables.indicators;
  if (!marks || !table || marks.sheet !== table.sheet) return [];
  return marks.values.flatMap((cell, i) => {
    const header = table.headers[marks.col + i - table.col] ?? "";
    return /^\d{4}$/.test(header) ? [{ year: Number(header), cell, address: cellAddress(marks.col + i, marks.row), sheet: marks.sheet }] : [];
  });
}

/** The years marked as estimates or preliminary figures. */
export function yearMarks(snapshot: WorkbookSnapshot): Map<number, YearMark> {
  const out = new Map<number, YearMark>();
  for (const c of cells(snapshot)) {
    const mark = markFromText(c.cell);
    if (mark) out.set(c.year, mark);
  }
  return out;
}

/** A mark cell that says neither 实际, 预计 nor 初步: an error naming it (the year's status is unknown). */
export function yearMarkFindings(snapshot: WorkbookSnapshot): Finding[] {
  return cells(snapshot)
    .filter((c) => markFromText(c.cell) === undefined)
    .map((c) => ({
      severity: "error" as const,
      code: "year-mark",
      sheet: c.sheet,
      address: c.address,
      table: TABLES.indicators,
      key: String(c.year),
      header: IH.id,
      message: checkMessages.yearMark(`${c.sheet}!${c.address}`, String(c.cell), c.year),
    }));
}

/** Whether a workbook holds what an action needs, and if not, exactly what is missing. */
import { checkMessages } from "./text";
import { type Bilingual } from "../i18n";
import { TABLES, yearHeader } from "./layout";
import type { WorkbookSnapshot } from "./model";

/**
 * `null` when the indicator table (and, given a year, its year column) is there. A workbook that
 * once had the template (its PM_Meta is there) but lost the table is told so, not told to insert.
 */
export function templateProblem(snapshot: WorkbookSnapshot, year?: number): Bilingual | null {
  const table = snapshot.tables.indicators;
  if (!table) return snapshot.meta ? checkMessages.tableMissing(TABLES.indicators) : checkMessages.notInserted;
  if (year !== undefined && !table.headers.includes(yearHeader(year))) return checkMessages.yearColumnMissing(TABLES.indicators, yearHeader(year));
  return null;
}

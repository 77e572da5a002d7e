/**
 * The one thing a use case needs from a host: read the workbook into a snapshot, apply write
 * operations. Implemented by the Office.js adapter (`excel/port.ts`, inside Excel) and by the
 * exceljs adapter (`xlsx/port.ts`, on .xlsx files), so every use case runs unchanged in both.
 */
import type { Bilingual } from "../core/i18n";
import { protectionProblem, withFilters } from "../core/workbook/insert";
import type { WorkbookSnapshot, WriteOp } from "../core/workbook/model";

export interface ApplyResult {
  /** Operations this host cannot perform, by kind (exceljs draws no charts). */
  skipped: string[];
}

export interface WorkbookPort {
  /** The template's tables, names and identity: a fixed number of round trips, whatever the rows. */
  read(): Promise<WorkbookSnapshot>;
  /** Applies the operations in order: one round trip in Excel. */
  apply(ops: readonly WriteOp[]): Promise<ApplyResult>;
}

/** Applies planned operations unless they need a sheet someone else protected: then nothing is written. */
export async function applyPlanned(
  port: WorkbookPort,
  snapshot: WorkbookSnapshot,
  ops: readonly WriteOp[],
): Promise<{ ok: true; skipped: string[] } | { ok: false; message: Bilingual }> {
  const problem = protectionProblem([...ops], snapshot);
  if (problem) return { ok: false, message: problem };
  const { skipped } = await port.apply(withFilters([...ops], snapshot));
  return { ok: true, skipped };
}

/**
 * The one thing a use case needs from a host: read the workbook into a snapshot, apply write
 * operations. Implemented by the Office.js adapter (`excel/port.ts`, inside Excel) and by the
 * exceljs adapter (`xlsx/port.ts`, on .xlsx files), so every use case runs unchanged in both.
 */
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

/**
 * Flags for a monitoring year: every indicator that misses its target or falls behind its path,
 * worst first. Computed with the same core as PLAN.STATUS, from the values in the workbook.
 */
import { assess, type Status } from "../calc/progress";
import { readValue } from "../values";
import { cellAddress } from "./a1";
import { IH, unitFromLabel, yearHeader } from "./layout";
import type { Plan, Unit } from "../plan/schema";
import type { Cell, WorkbookSnapshot } from "./model";

export interface Flag {
  id: string;
  name: string;
  unit: Unit | null;
  status: Status;
  actual: number;
  expected: number;
  gap: number;
  completion: number;
  elapsed: number;
  sheet: string;
  /** The row's status cell, to select. */
  address: string;
}

export interface YearSummary {
  year: number;
  counts: Record<Status, number>;
  flags: Flag[];
  /** Rows whose figures cannot be read (validation explains why). */
  unreadable: string[];
}

const FLAGGED: Partial<Record<Status, number>> = { regressing: 0, missed: 1, behind: 2 };

/** Shortfall against where the indicator should be: elapsed share (or 1 when missed) minus completion. */
function shortfall(f: Flag): number {
  return (f.status === "missed" ? 1 : f.elapsed) - f.completion;
}

export function yearSummary(plan: Plan, snapshot: WorkbookSnapshot, year: number): YearSummary {
  const counts: Record<Status, number> = { met: 0, onTrack: 0, behind: 0, regressing: 0, missed: 0, noData: 0 };
  const flags: Flag[] = [];
  const unreadable: string[] = [];
  const table = snapshot.tables.indicators;
  if (!table) return { year, counts, flags, unreadable };
  const col = (h: string) => table.headers.indexOf(h);
  const cell = (row: Cell[], h: string): Cell | undefined => (col(h) < 0 ? undefined : row[col(h)]);
  const period = { baseYear: plan.period.baseYear, targetYear: plan.period.targetYear };

  table.values.forEach((row, i) => {
    const id = String(cell(row, IH.id) ?? "").trim();
    if (!id) return;
    const baseline = readValue(cell(row, IH.baseline));
    const target = readValue(cell(row, IH.target));
    const actualCell = cell(row, yearHeader(year));
    const blank = actualCell === null || actualCell === undefined || actualCell === "";
    const actual = blank ? null : readValue(actualCell);
    if (!baseline.ok || !target.ok || (actual && !actual.ok)) {
      unreadable.push(id);
      return;
    }
    const result = assess({ baseline: baseline.value, target: target.value, actual: actual ? actual.value.value : null, year, period });
    if (!result.ok) {
      unreadable.push(id);
      return;
    }
    const a = result.value;
    counts[a.status]++;
    if (FLAGGED[a.status] === undefined || !actual) return;
    flags.push({
      id,
      name: String(cell(row, IH.name) ?? ""),
      unit: unitFromLabel(cell(row, IH.unit)),
      status: a.status,
      actual: actual.value.value,
      expected: a.expected,
      gap: a.gap ?? 0,
      completion: a.completion ?? 0,
      elapsed: a.elapsed,
      sheet: table.sheet,
      address: cellAddress(table.col + Math.max(0, col(IH.status)), table.row + 1 + i),
    });
  });
  flags.sort((x, y) => FLAGGED[x.status]! - FLAGGED[y.status]! || shortfall(y) - shortfall(x));
  return { year, counts, flags, unreadable };
}

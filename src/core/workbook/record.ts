/**
 * Indicators the workbook computes (difference coefficients, standard class-size shares) are
 * recorded per year as values (domain notes §7.6): the schools table says which year its data is
 * for (PM_SchoolYear), and recording writes the computed figures into that year's indicator cells —
 * never over a different value without asking. The report says where a recorded value and the
 * same year's schools data disagree.
 */
import type { Plan, Unit } from "../plan/schema";
import { close } from "../calc/compare";
import { cellAddress } from "./a1";
import { IH, planYears, yearHeader } from "./layout";
import type { Cell, WorkbookSnapshot, WriteOp } from "./model";
import { stageBalance } from "./schools";
import { withProtection } from "./insert";

export interface RecordedCheck {
  id: string;
  unit: Unit;
  year: number;
  sheet: string;
  address: string;
  /** What the indicator cell holds now. */
  recorded: Cell;
  /** What the schools data gives; null when it is incomplete. */
  computed: number | null;
  /** Equal at the precision reports print (coefficients 3 decimals, shares 0.01 points). */
  agrees: boolean;
}

const PRINT_PRECISION = { maxCoefficient: 0.0005, classShare: 0.00005 } as const;

/** Every computed indicator of the plan against the schools data, for the schools data's year. */
export function recordedChecks(plan: Plan, snapshot: WorkbookSnapshot, year: number): RecordedCheck[] {
  const table = snapshot.tables.indicators;
  if (!table || snapshot.schoolYear !== year || table.headers.indexOf(yearHeader(year)) < 0) return [];
  const col = table.headers.indexOf(yearHeader(year));
  const idCol = table.headers.indexOf(IH.id);
  const stages = new Map((["primary", "junior"] as const).map((s) => [s, stageBalance(plan, snapshot, s, "zh")]));
  const out: RecordedCheck[] = [];
  for (const ind of plan.indicators) {
    if (!ind.computed) continue;
    const r = table.values.findIndex((row) => String(row[idCol] ?? "").trim() === ind.id);
    if (r < 0) continue;
    const b = stages.get(ind.computed.stage)!;
    const computed = b.schools === 0 ? null : ind.computed.measure === "maxCoefficient" ? b.max : b.classShare;
    const recorded = table.values[r]![col] ?? null;
    const agrees =
      computed === null || recorded === null || recorded === "" || (typeof recorded === "number" && (close(recorded, computed) || Math.abs(recorded - computed) < PRINT_PRECISION[ind.computed.measure]));
    out.push({ id: ind.id, unit: ind.unit, year, sheet: table.sheet, address: cellAddress(table.col + col, table.row + 1 + r), recorded, computed, agrees });
  }
  return out;
}

export type RecordPlan =
  | { kind: "write"; ops: WriteOp[]; written: RecordedCheck[]; year: number }
  | { kind: "confirm"; conflicts: RecordedCheck[]; year: number }
  | { kind: "nothing"; year: number };

/**
 * Writes the computed figures into blank cells of the schools data's year; a cell holding a
 * different value is a conflict, replaced only when the caller says so.
 */
export function planRecord(plan: Plan, snapshot: WorkbookSnapshot, year: number, onConflict: "ask" | "replace" | "keep"): RecordPlan {
  const checks = recordedChecks(plan, { ...snapshot, schoolYear: year }, year).filter((c) => c.computed !== null);
  const blank = (c: RecordedCheck) => c.recorded === null || c.recorded === "";
  const conflicts = checks.filter((c) => !blank(c) && !c.agrees);
  if (conflicts.length && onConflict === "ask") return { kind: "confirm", conflicts, year };
  const written = checks.filter((c) => blank(c) || (!c.agrees && onConflict === "replace"));
  if (!written.length) return { kind: "nothing", year };
  const ops = written.map((c): WriteOp => ({ op: "setCells", sheet: c.sheet, address: c.address, formulas: [[c.computed]] }));
  return { kind: "write", ops: withProtection(ops, snapshot), written, year };
}

/** The year recording goes into: the schools table's own, else the monitoring year, within the plan. */
export function recordYear(plan: Plan, snapshot: WorkbookSnapshot): number | null {
  const years = planYears(plan);
  for (const y of [snapshot.schoolYear, snapshot.year]) if (typeof y === "number" && years.includes(y)) return y;
  return null;
}

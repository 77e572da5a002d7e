/**
 * The pane's progress view for a monitoring year: counts per status and every indicator and task
 * that is flagged (invalid data, regressing, missed, behind), worst first — straight from the one
 * assessment in assess.ts.
 */
import type { Status } from "../calc/status";
import { assessYear, rankMisses, type RowAssessment } from "./assess";
import type { Plan } from "../plan/schema";
import type { WorkbookSnapshot } from "./model";

export type Flag = RowAssessment;

export interface YearSummary {
  year: number;
  counts: Record<Status, number>;
  flags: Flag[];
  /** Whether any indicator has a value (or invalid data) for the year. */
  hasData: boolean;
}

export function yearSummary(plan: Plan, snapshot: WorkbookSnapshot, year: number): YearSummary {
  const a = assessYear(plan, snapshot, year);
  return {
    year,
    counts: a.counts,
    flags: rankMisses([...a.indicators, ...a.tasks, ...a.milestones]),
    hasData: a.indicators.some((r) => r.actual !== null || r.status === "invalid"),
  };
}

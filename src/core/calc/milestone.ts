/**
 * Qualitative milestones (创建…区, …全覆盖): a state instead of a figure, judged by the same
 * statuses as every target (domain notes §7). Done by the year → reached (early before the planned
 * year, late after it); not done in or after the planned year → missed; before it, in progress is on track and
 * not started is behind once half the time to the planned year has passed (时间过半).
 */
import type { Bilingual } from "../i18n";
import type { Status } from "./status";

export const MILESTONE_STATES = ["notStarted", "inProgress", "done"] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

export const MILESTONE_STATE_LABELS: Record<MilestoneState, Bilingual> = {
  notStarted: { zh: "未开始", en: "Not started" },
  inProgress: { zh: "进行中", en: "In progress" },
  done: { zh: "已完成", en: "Done" },
};

/** A state cell in either language; null when blank, undefined when it is no state at all. */
export function stateFromText(text: unknown): MilestoneState | null | undefined {
  const t = String(text ?? "").trim().toLowerCase();
  // Blank, or a blank cell passed as 0 by some desktop builds.
  if (t === "" || text === 0) return null;
  return MILESTONE_STATES.find((s) => MILESTONE_STATE_LABELS[s].zh === t || MILESTONE_STATE_LABELS[s].en.toLowerCase() === t);
}

export interface MilestoneInput {
  state: MilestoneState | null;
  /** The year it was completed, if recorded. */
  doneYear: number | null;
  plannedYear: number;
  year: number;
  baseYear: number;
}

/**
 * The state as it stood in the monitoring year (§7a.7): done after that year was still under way
 * then, so a report for an earlier year never prints 已完成 for it.
 */
export function stateAsOf(state: MilestoneState | null, doneYear: number | null, year: number): MilestoneState | null {
  return state === "done" && doneYear !== null && doneYear > year ? "inProgress" : state;
}

export function milestoneStatus(m: MilestoneInput): Status {
  if (m.state === null) return "noData";
  // Completed after the monitoring year: in that year it was still under way.
  const done = m.state === "done" && (m.doneYear === null || m.doneYear <= m.year);
  if (done) {
    const when = m.doneYear ?? m.year;
    // Done after the planned year is late, however it stands now (§7a.4).
    return when < m.plannedYear ? "reachedEarly" : m.doneYear !== null && when > m.plannedYear ? "reachedLate" : "reached";
  }
  if (m.year >= m.plannedYear) return "missed";
  if (m.state !== "notStarted") return "onTrack";
  const elapsed = (m.year - m.baseYear) / (m.plannedYear - m.baseYear);
  return elapsed >= 0.5 ? "behind" : "onTrack";
}

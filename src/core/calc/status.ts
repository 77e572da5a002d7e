/**
 * The verdicts a planner signs (domain notes §7) and everything that shows them: labels in both
 * languages, one palette in which every status is distinct (sheet, report and pane), and the
 * order in which misses are ranked. Standards keep 达标 / 未达标 (see `standardLabels`).
 */
import type { Bilingual } from "../i18n";

export const STATUSES = ["reachedEarly", "reached", "reachedLate", "onTrack", "behind", "regressing", "missed", "noData", "invalid"] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, Bilingual> = {
  reachedEarly: { zh: "提前实现", en: "Reached early" },
  reached: { zh: "已实现", en: "Reached" },
  reachedLate: { zh: "逾期实现", en: "Reached late" },
  onTrack: { zh: "符合预期", en: "On track" },
  behind: { zh: "滞后", en: "Behind" },
  regressing: { zh: "倒退", en: "Regressing" },
  missed: { zh: "未实现", en: "Missed" },
  noData: { zh: "无数据", en: "No data" },
  invalid: { zh: "数据有误", en: "Invalid data" },
};

/** Fill and font per status: distinct hues, dark text on light fills (contrast ≥ 4.5:1). */
export const STATUS_COLORS: Record<Status, { fill: string; font: string }> = {
  reachedEarly: { fill: "#A9D08E", font: "#1E4620" },
  reached: { fill: "#C6EFCE", font: "#006100" },
  reachedLate: { fill: "#CCEDE8", font: "#0B4F46" },
  onTrack: { fill: "#DDEBF7", font: "#1F4E78" },
  behind: { fill: "#FFEB9C", font: "#7A4A00" },
  regressing: { fill: "#F4B183", font: "#7B2E00" },
  missed: { fill: "#FFC7CE", font: "#9C0006" },
  noData: { fill: "#EDEDED", font: "#404040" },
  invalid: { fill: "#E4D7F5", font: "#4B2A7A" },
};

/** Statuses that say the target was reached, whenever (a late one counts as reached, and says so). */
export const REACHED: readonly Status[] = ["reachedEarly", "reached", "reachedLate"];
export const isReached = (s: Status): boolean => REACHED.includes(s);

/** A mark beside a reached status for a band or range beyond its far edge (§7a.1). */
export const EXCEEDED_LABEL: Bilingual = { zh: "超额", en: "Exceeded" };

/**
 * A status as a report or the pane prints it: a reached band or range beyond its far edge carries
 * 超额 (§7a.1); a duty every year with a year left blank names that year (§7a.2).
 */
export function statusText(row: { status: Status; exceeded?: boolean; blankYear?: number | null }, language: "zh" | "en"): string {
  const label = STATUS_LABELS[row.status][language];
  if (row.exceeded && isReached(row.status)) return language === "zh" ? `${label}（${EXCEEDED_LABEL.zh}）` : `${label} (${EXCEEDED_LABEL.en.toLowerCase()})`;
  if (row.status === "noData" && row.blankYear) return language === "zh" ? `${label}（${row.blankYear}年）` : `${label} (${row.blankYear})`;
  return label;
}

/** Statuses that are flagged to the planner, worst first. */
export const FLAGGED: readonly Status[] = ["invalid", "regressing", "missed", "behind"];

/** Labels for standards (national thresholds, the 2017 school rule), never for plan targets. */
export const STANDARD_LABELS = {
  pass: { zh: "达标", en: "Met" },
  fail: { zh: "未达标", en: "Not met" },
} as const satisfies Record<string, Bilingual>;

export const emptyCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** A status label in either language back to its status (for cells the sheet computed). */
export function statusFromLabel(label: unknown): Status | null {
  if (typeof label !== "string") return null;
  const text = label.trim().toLowerCase();
  return STATUSES.find((s) => STATUS_LABELS[s].zh === text || STATUS_LABELS[s].en.toLowerCase() === text) ?? null;
}

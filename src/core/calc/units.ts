/**
 * What a value may be, given its unit — one rule for the data check, PLAN.STATUS and the report:
 * no negatives; in a percent cell a value above 1.5 can only be percentage points typed as a
 * number (98.5); between 1 and 1.5 only a gross ratio (毛入园率, 毛入学率) may legitimately be.
 */
import type { Unit } from "../plan/schema";
import { isBlank, readValue } from "../values";
import { isGrossLabel, unitFromLabel } from "../workbook/layout";

export const PERCENT_POINTS_ABOVE = 1.5;

export type UnitProblem = "negative" | "percent-points" | "percent-range";

export function unitProblem(unit: Unit | null, value: number, canExceed100: boolean): UnitProblem | null {
  if (value < 0) return "negative";
  if (unit === "percent" && value > PERCENT_POINTS_ABOVE) return "percent-points";
  if (unit === "percent" && value > 1 && !canExceed100) return "percent-range";
  return null;
}

/**
 * A cell as PLAN.STATUS judges it: null when blank, "invalid" when it cannot be read or breaks the
 * unit rule (the data check names the cell), else the number. `unitLabel` is the row's unit cell;
 * without it plan-style text ("92.52%") is read, as everywhere in PLAN.*.
 */
export function checkedUnitValue(cell: unknown, unitLabel: unknown): number | null | "invalid" {
  if (isBlank(cell)) return null;
  // With the row's unit given (the template's own columns), a value typed as text is what the data
  // check rejects too (Excel's functions would not count it): invalid, as in the report.
  if (!isBlank(unitLabel) && typeof cell === "string") return "invalid";
  const read = readValue(cell);
  if (!read.ok) return "invalid";
  const unit = unitFromLabel(unitLabel) ?? (String(unitLabel ?? "").trim().toLowerCase() === "percent" ? "percent" : null);
  return unitProblem(unit, read.value.value, isGrossLabel(unitLabel)) ? "invalid" : read.value.value;
}

export { countsThings } from "../workbook/layout";

/** Units whose yearly figures add up over the years (things, people, money, area), not levels or shares. */
export const addsUp = (unit: Unit | null | undefined): boolean => unit === "count" || unit === "persons" || unit === "money" || unit === "area";

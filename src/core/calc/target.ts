/**
 * What a target asks for (domain notes §7.2): a figure, maintaining a level, a bound, about a
 * figure (左右), a range, each optionally due every year. Read from plan text as printed
 * (`＜0.40`, `1100人左右`, `2-3项以上`, `每年至少15个`) so the sheet, PLAN.* and the report agree.
 */
import { close, meets } from "./compare";
import { calcMessages } from "../messages";
import { isBlank, normalizeValueText, readValue, type Comparator, type ReadOptions } from "../values";
import { err, ok, type Calc } from "./errors";

export type Sense = "up" | "down";
export type TargetKind = "figure" | "maintain" | "bound" | "about" | "range";

/** Default half-width of a 左右 band, relative to the figure (±5 %). */
export const DEFAULT_BAND = 0.05;

/**
 * A band cell the rules accept: blank (the default), or a number from 0 to 99 %. The data check and
 * the sheet's functions share it, so the sheet never judges with a band the report rejects.
 */
export function bandAccepted(cell: unknown): boolean {
  return isBlank(cell) || (typeof cell === "number" && cell >= 0 && cell < 1);
}

export interface Target {
  kind: TargetKind;
  /** The figure; a bound's value; the centre of an about band; a range's lower end. */
  value: number;
  /** A range's upper end (absent for "a–b…以上", read as ≥ a). */
  max?: number;
  /** A bound's comparator; "=" for figures, maintain and ranges; "~" for about. */
  comparator: Comparator;
  sense: Sense;
  /** About: relative half-width of the band. */
  band: number;
  /** Due every year of the period, not only at its end. */
  perYear: boolean;
  /**
   * About and range targets only: the row has a better direction (`sense`), so the band's near edge
   * decides and anything beyond the far edge is reached too, marked Exceeded (domain notes §7a.1).
   * False for a level to hold (no direction, and no baseline outside the band to show one).
   */
  directed?: boolean;
}

/** A baseline is a measurement, or itself a bound (＜0.42) that says only where the value stood. */
export interface Baseline {
  value: number;
  bound: Exclude<Comparator, "=" | "~"> | null;
}

/** A direction a caller knows (the template's direction column); "maintain" asks to hold the level. */
export type DirectionHint = Sense | "maintain" | null;

export interface TargetOptions {
  baseline?: Baseline | null;
  direction?: DirectionHint;
  /** Relative half-width for about targets; default ±5 %. */
  band?: number | null;
  perYear?: boolean;
  read?: ReadOptions;
  /**
   * The row counts things delivered (schools, places, people): with no direction stated and no
   * baseline outside the band to show one, more than a band or range is more delivered, not a miss.
   */
  counts?: boolean;
}

const RANGE = /^(.+?)\s*(?:-|–|—|~|～|至|到)\s*(.+)$/u;
const PER_YEAR = /^(?:每年|年均)/u;
const OPEN_END = /(?:以上|及以上)$/u;

/** Reads a number for a range end; the unit words and signs of values.ts apply. */
function end(text: string, options?: ReadOptions) {
  const read = readValue(text, options);
  return read.ok && read.value.comparator === "=" ? read.value.value : null;
}

export function readBaseline(cell: unknown, options?: ReadOptions): Calc<Baseline> {
  const read = readValue(cell, options);
  if (!read.ok) return err("value", read.error.message);
  const c = read.value.comparator;
  return ok({ value: read.value.value, bound: c === "=" || c === "~" ? null : c });
}

/**
 * Which way is better for a band or range, and whether that counts (domain notes §7a.1): a direction
 * the row states, else the way a measured baseline outside the band has to move; without either the
 * row is a level to hold and keeps both edges.
 */
function bandSense(options: TargetOptions, low: number, high: number): { sense: Sense; directed: boolean } {
  const hint = options.direction ?? null;
  if (hint === "up" || hint === "down") return { sense: hint, directed: true };
  const b = options.baseline;
  if (hint === null && b && b.bound === null) {
    if (b.value < low && !close(b.value, low)) return { sense: "up", directed: true };
    if (b.value > high && !close(b.value, high)) return { sense: "down", directed: true };
  }
  return { sense: "up", directed: hint === null && options.counts === true };
}

export function readTarget(cell: unknown, options: TargetOptions = {}): Calc<Target> {
  const perYearText = typeof cell === "string" && PER_YEAR.test(normalizeValueText(cell));
  const perYear = options.perYear === true || perYearText;
  const text = typeof cell === "string" ? normalizeValueText(cell).replace(PER_YEAR, "").trim() : cell;
  const band = options.band ?? DEFAULT_BAND;
  if (!(band >= 0 && band < 1)) return err("value", calcMessages.badBand(band));
  if (typeof text === "string") {
    const m = RANGE.exec(text.replace(OPEN_END, ""));
    if (m && !/^[<>≤≥]/.test(text)) {
      const a = end(m[1]!, options.read);
      const b = end(m[2]!, options.read);
      if (a !== null && b !== null) {
        if (a > b) return err("value", calcMessages.rangeOrder(String(cell)));
        const open = OPEN_END.test(text);
        if (open) return ok({ kind: "bound", value: a, comparator: ">=", sense: "up", band, perYear });
        const { sense, directed } = bandSense(options, a, b);
        return ok({ kind: "range", value: a, max: b, comparator: "=", sense, band, perYear, directed });
      }
    }
  }
  const read = readValue(text, options.read);
  if (!read.ok) return err("value", read.error.message);
  const { value, comparator } = read.value;
  const baseline = options.baseline ?? null;
  if (comparator === "<" || comparator === "<=") return ok({ kind: "bound", value, comparator, sense: "down", band, perYear });
  if (comparator === ">" || comparator === ">=") return ok({ kind: "bound", value, comparator, sense: "up", band, perYear });
  const hint = options.direction ?? null;
  const fromBaseline: Sense = baseline && value < baseline.value ? "down" : "up";
  if (comparator === "~") {
    const half = band * Math.abs(value);
    const { sense, directed } = bandSense(options, value - half, value + half);
    return ok({ kind: "about", value, comparator, sense, band, perYear, directed });
  }
  const maintain = hint === "maintain" || (baseline !== null && baseline.bound === null && close(baseline.value, value));
  if (maintain) return ok({ kind: "maintain", value, comparator: "=", sense: hint === "down" ? "down" : "up", band, perYear });
  return ok({ kind: "figure", value, comparator: "=", sense: hint === "up" || hint === "down" ? hint : fromBaseline, band, perYear });
}

/** Whether a value reaches the target (domain notes §7.2); tolerance and strictness as in compare.ts. */
export function reaches(value: number, target: Target): boolean {
  switch (target.kind) {
    case "figure":
    case "maintain":
      return meets(value, target.sense === "up" ? ">=" : "<=", target.value);
    case "bound":
      return meets(value, target.comparator, target.value);
    case "about":
    case "range": {
      const { low, high } = targetInterval(target)!;
      // A directed band is reached from its near edge on; beyond the far edge is Exceeded (§7a.1).
      const fromLow = meets(value, ">=", low);
      const toHigh = meets(value, "<=", high);
      if (target.directed) return target.sense === "up" ? fromLow : toHigh;
      return fromLow && toHigh;
    }
  }
}

/** Beyond a directed band's far edge in the better direction: reached, and more than planned (§7a.1). */
export function exceeds(value: number, target: Target): boolean {
  const interval = targetInterval(target);
  if (!interval || !target.directed) return false;
  return target.sense === "up" ? meets(value, ">", interval.high) : meets(value, "<", interval.low);
}

/** The band or range a value must fall in, for about and range targets. */
export function targetInterval(target: Target): { low: number; high: number } | null {
  if (target.kind === "about") {
    const half = target.band * Math.abs(target.value);
    return { low: target.value - half, high: target.value + half };
  }
  if (target.kind === "range") return { low: target.value, high: target.max ?? Infinity };
  return null;
}

/** Direction words a cell may hold, including the template's own labels in both languages. */
const DIRECTIONS: Record<string, DirectionHint> = {
  // A blank cell that some desktop builds pass as 0 (excel.md: blank cells).
  "0": null,
  "1": "up",
  "-1": "down",
  up: "up",
  down: "down",
  higher: "up",
  lower: "down",
  maintain: "maintain",
  bound: null,
  高: "up",
  低: "down",
  越高越好: "up",
  越低越好: "down",
  "higher is better": "up",
  "lower is better": "down",
  保持: "maintain",
  界限: null,
  控制上限: null,
  "upper limit": null,
};

/** A direction from a cell; `undefined` when the text is not a direction at all. */
export function directionFromText(text: unknown): DirectionHint | undefined {
  if (text === null || text === undefined || String(text).trim() === "") return null;
  const key = String(text).trim().toLowerCase();
  return key in DIRECTIONS ? DIRECTIONS[key] : undefined;
}

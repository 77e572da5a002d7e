/**
 * The verdict table of domain notes §7 as amended by §7a, worked out by hand: each target kind × each
 * status, the amended rule named where it decides.
 * Run through the core (verdict.test.ts), PLAN.STATUS (functions.test.ts) and the report model
 * (report-verdicts.test.ts), so the three paths cannot drift apart.
 */
import type { Status } from "../../src/core/calc/status";

/** [baseline cell, target cell, actual, year, expected status, hand reasoning] */
export type Case = [unknown, unknown, number | null, number, Status, string];

export const CASES: Record<string, Case[]> = {
  "figure, higher is better (普惠性幼儿园覆盖率 0.9252 → 0.94)": [
    [0.9252, 0.94, null, 2023, "noData", "no value"],
    [0.9252, 0.94, 0.94, 2023, "reachedEarly", "0.94 ≥ 0.94 before 2025"],
    [0.9252, 0.94, 0.95, 2025, "reached", "0.95 ≥ 0.94 in 2025"],
    [0.9252, 0.94, 0.935, 2023, "onTrack", "P = 0.0098/0.0148 = 0.662 ≥ τ 0.6"],
    [0.9252, 0.94, 0.93, 2023, "behind", "P = 0.0048/0.0148 = 0.324 < 0.6"],
    [0.9252, 0.94, 0.92, 2023, "regressing", "P = −0.0052/0.0148 < 0"],
    [0.9252, 0.94, 0.939, 2025, "missed", "short in the target year"],
    [0.9252, 0.94, 0.939, 2026, "missed", "short after the target year"],
  ],
  "figure, lower is better (生师比 19.62 → 17)": [
    [19.62, 17, 18.5, 2023, "behind", "P = 1.12/2.62 = 0.4275 < 0.6 (domain notes §2)"],
    [19.62, 17, 18, 2023, "onTrack", "P = 1.62/2.62 = 0.618 ≥ 0.6"],
    [19.62, 17, 16.9, 2022, "reachedEarly", "16.9 ≤ 17"],
    [19.62, 17, 20, 2023, "regressing", "moved away from 17"],
    [19.62, 17, 17.01, 2025, "missed", "17.01 > 17 in 2025"],
  ],
  "maintain (毛入园率 100 → 100; a gross ratio may exceed it)": [
    [1, 1, 1, 2023, "onTrack", "held at 100 %: a level kept is 符合预期, never 提前实现 (§7a.2)"],
    [1, 1, 1.012, 2023, "onTrack", "101.2 % is at or beyond 100 % (issue 9), held (§7a.2)"],
    [1, 1, 1, 2025, "reached", "held at 100 % in the target year"],
    [1, 1, 0.999, 2023, "regressing", "slipped below the level before 2025"],
    [1, 1, 0.999, 2025, "missed", "below the level in 2025"],
  ],
  "bound target, measured baseline that already met it (0.385 → ＜0.40)": [
    [0.385, "＜0.40", 0.39, 2023, "onTrack", "0.39 < 0.40, as at the start: held, not reached early (§7a.2)"],
    [0.385, "＜0.40", 0.39, 2025, "reached", "0.39 < 0.40 in the target year"],
    [0.385, "＜0.40", 0.45, 2023, "regressing", "met the bound, then got worse (issue 9: was 符合进度 433 %)"],
    [0.385, "＜0.40", 0.4, 2023, "regressing", "0.40 is not < 0.40: strictness"],
    [0.385, "＜0.40", 0.45, 2025, "missed", "outside the bound in 2025"],
  ],
  "bound target, measured baseline outside it (0.46 → ＜0.40)": [
    [0.46, "＜0.40", 0.42, 2023, "onTrack", "P = 0.04/0.06 = 0.667 ≥ 0.6"],
    [0.46, "＜0.40", 0.44, 2023, "behind", "P = 0.02/0.06 = 0.333"],
    [0.46, "＜0.40", 0.47, 2023, "regressing", "P < 0"],
  ],
  "baseline itself a bound (＜0.42 → ＜0.40)": [
    [ "＜0.42", "＜0.40", 0.39, 2023, "reachedEarly", "0.39 < 0.40"],
    [ "＜0.42", "＜0.40", 0.41, 2023, "behind", "within ＜0.42, not ＜0.40"],
    [ "＜0.42", "＜0.40", 0.4, 2023, "behind", "0.40 meets ＜0.42 but not ＜0.40"],
    [ "＜0.42", "＜0.40", 0.42, 2023, "regressing", "fails even the 2020 bound (issue 9: was 滞后)"],
    [ "＜0.42", "＜0.40", 0.41, 2025, "missed", "2025 and not < 0.40"],
  ],
  "about (1000 → 1100人左右, band ±5 % = 1045–1155)": [
    [1000, "1100人左右", 1099, 2025, "reached", "1099 within the band (issue 9: was 未达标)"],
    [1000, "1100人左右", 1045, 2025, "reached", "the band's lower end is inside"],
    [1000, "1100人左右", 1044, 2025, "missed", "below 1045"],
    [1000, "1100人左右", 1156, 2025, "reached", "above 1155, the far edge, in the way 1000 had to move: more than planned (§7a.1)"],
    [1000, "1100人左右", 1030, 2023, "onTrack", "P = 30/45 = 0.667 ≥ 0.6 (the path ends at the band's edge, 1045)"],
    [1000, "1100人左右", 1010, 2023, "behind", "P = 10/45 = 0.222"],
  ],
  "range (5–7个 from nothing)": [
    [0, "5个–7个", 6, 2024, "reachedEarly", "6 within [5, 7]"],
    [0, "5个–7个", 8, 2025, "reached", "8 above 7, counted up from nothing: more than planned (§7a.1)"],
    [0, "5个–7个", 3, 2023, "onTrack", "P = 3/5 = 0.6 ≥ 0.6 (path to the nearest end, 5)"],
    [0, "5个–7个", 2, 2023, "behind", "P = 2/5 = 0.4"],
  ],
  "about, lower is better (19.62 → 17:1左右, band ±5 % = 16.15–17.85)": [
    [19.62, "17:1左右", 16, 2025, "reached", "16 below 16.15, in the better direction: reached (§7a.1)"],
    [19.62, "17:1左右", 17.85, 2025, "reached", "the band's near edge is inside"],
    [19.62, "17:1左右", 17.9, 2025, "missed", "above 17.85"],
  ],
  "about, a level to hold (1100 → 1100人左右: no direction, the baseline inside the band)": [
    [1100, "1100人左右", 1156, 2025, "missed", "no direction: both edges stand (§7a.1), 1156 > 1155"],
    [1100, "1100人左右", 1044, 2025, "missed", "below 1045"],
    [1100, "1100人左右", 1150, 2023, "onTrack", "within 1045–1155 before 2025: held (§7a.2)"],
    [1100, "1100人左右", 1100, 2025, "reached", "within 1045–1155"],
  ],
  "a–b…以上 is at least a (2-3项以上)": [
    [0, "2-3项以上", 2, 2025, "reached", "2 ≥ 2"],
    [0, "2-3项以上", 5, 2025, "reached", "no upper end"],
    [0, "2-3项以上", 1, 2025, "missed", "1 < 2"],
  ],
  "count from nothing (B = 0)": [
    [0, 13, 8, 2023, "onTrack", "P = 8/13 = 0.615 ≥ 0.6"],
    [0, 13, 7, 2023, "behind", "P = 7/13 = 0.538"],
  ],
};


/**
 * Hand-worked edges that decide printed verdicts, shared by the report-model tests
 * (report-edges.test.ts) and the sheet-formula tests (test/formulas): the same data must give the same
 * verdict on both paths. Schools: [name, stage, enrolment, the seven raw figures in the order of
 * SCHOOL_INDICATORS (per-100 indicators as head counts)].
 */
export type EdgeSchool = [string, string, number, number[]];

/**
 * Two schools of 100 students per stage, equal weights, so CV = |x₁−x₂|/(x₁+x₂). Primary: teaching
 * area 1 | 3 m² → 0.50; sports 6 | 14 → 0.40. Junior: teaching 11 | 29 → 0.45; sports 10.9 | 29.1 →
 * 0.455; equipment 13 | 27 → 0.35. Every other indicator equal (CV 0).
 */
export const CV_EDGE_SCHOOLS: EdgeSchool[] = [
  ["示例小学甲", "小学", 100, [5, 2, 1, 100, 600, 200_000, 3]],
  ["示例小学乙", "小学", 100, [5, 2, 1, 300, 1400, 200_000, 3]],
  ["示例初中甲", "初中", 100, [6, 2, 1, 1100, 1090, 1300, 3]],
  ["示例初中乙", "初中", 100, [6, 2, 1, 2900, 2910, 2700, 3]],
];
/** The CVs above, per stage, in indicator order. */
export const CV_EDGES = { primary: [0, 0, 0, 0.5, 0.4, 0, 0], junior: [0, 0, 0, 0.45, 0.455, 0.35, 0] };
/** National ≤0.50 / ≤0.45, and the plan's strict ＜0.40 / ＜0.35, for those CVs. */
export const CV_EDGE_VERDICTS = {
  primary: { national: [true, true, true, true, true, true, true], plan: [true, true, true, false, false, true, true] },
  junior: { national: [true, true, true, true, false, true, true], plan: [true, true, true, false, false, false, true] },
};

/**
 * The 2017 school rule against the primary standards 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3 (1,000 students:
 * per-100 = head count ÷ 10, per student = figure ÷ 1,000). 一: every standard exactly. 二: sports
 * 6.375 m² = 85 % × 7.5 exactly (equal in binary too, so a strict comparison fails it), the rest above.
 * 三: 6.374 m² = 84.99 % → fails, met 6. 四: teaching 4.0 and sports 7.0 both short → fails, met 5.
 */
export const RULE_EDGE_SCHOOLS: EdgeSchool[] = [
  ["示例小学一", "小学", 1000, [42, 10, 9, 4500, 7500, 2_000_000, 23]],
  ["示例小学二", "小学", 1000, [50, 20, 10, 5000, 6375, 2_500_000, 30]],
  ["示例小学三", "小学", 1000, [50, 20, 10, 5000, 6374, 2_500_000, 30]],
  ["示例小学四", "小学", 1000, [50, 20, 10, 4000, 7000, 2_500_000, 30]],
];
export const RULE_EDGE_PASSES = [true, true, false, false];

/** A task's yearly figures, and what it has achieved by each year: cumulative (the sum) and latest. */
export const TASK_VALUES: Record<number, number> = { 2021: 1, 2022: 2, 2023: 4, 2024: 8, 2025: 16 };
export const TASK_ACHIEVED: Array<[number, number, number]> = [
  [2021, 1, 1],
  [2022, 3, 2],
  [2023, 7, 4],
  [2024, 15, 8],
  [2025, 31, 16],
];

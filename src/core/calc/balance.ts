/**
 * School-level rules of the 2017 high-quality balance method (教督〔2017〕6号) and class size.
 */
import { calcMessages } from "../messages";
import { err, ok, type Calc } from "./errors";
import { atLeast, meets } from "./compare";
import { flatten, isBlank, readArg } from "./samples";
import type { Plan } from "../plan/schema";

export type BalanceStage = "primary" | "junior";

/** The seven resource indicators, in the order of the 2017 method. */
export const BALANCE_INDICATORS = [
  { id: "degree", zh: "每百名学生拥有高于规定学历教师数", en: "Teachers above the required degree per 100 students" },
  { id: "backbone", zh: "每百名学生拥有县级以上骨干教师数", en: "County-level or higher key teachers per 100 students" },
  { id: "artsPe", zh: "每百名学生拥有体育、艺术（美术、音乐）专任教师数", en: "PE and arts teachers per 100 students" },
  { id: "teachingArea", zh: "生均教学及辅助用房面积（m²）", en: "Teaching and auxiliary floor area per student (m²)" },
  { id: "sportsArea", zh: "生均体育运动场馆面积（m²）", en: "Sports ground and hall area per student (m²)" },
  { id: "equipment", zh: "生均教学仪器设备值（元）", en: "Teaching equipment value per student (yuan)" },
  { id: "multimedia", zh: "每百名学生拥有网络多媒体教室数", en: "Networked multimedia classrooms per 100 students" },
] as const;

/** Standards per stage, in BALANCE_INDICATORS order. */
export const BALANCE_STANDARDS: Record<BalanceStage, readonly number[]> = {
  primary: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3],
  junior: [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4],
};

/** County rule: each of the seven CVs at or under this (national); the plan's own targets are stricter. */
export const CV_THRESHOLDS: Record<BalanceStage, number> = { primary: 0.5, junior: 0.45 };

/**
 * The plan's own bound on a stage's difference coefficient (Wujin: ＜0.40 primary, ＜0.35 junior),
 * as "<" or "<=" (a plain or approximate target is read as an upper bound); null if the plan has none.
 */
export function planCoefficientBound(plan: Plan, stage: BalanceStage): { comparator: "<" | "<="; value: number } | null {
  const ind = plan.indicators.find((i) => i.unit === "coefficient" && i.stage === stage);
  if (!ind) return null;
  return { comparator: ind.target.comparator === "<" ? "<" : "<=", value: ind.target.value };
}

/** A missed indicator must still reach this share of its standard. */
export const BALANCE_FLOOR = 0.85;

/** Standard class size: primary ≤ 45, junior ≤ 50. */
export const STANDARD_CLASS_SIZE: Record<BalanceStage, number> = { primary: 45, junior: 50 };

const STAGE_NAMES: Record<string, BalanceStage> = {
  小学: "primary",
  primary: "primary",
  初中: "junior",
  junior: "junior",
  "junior secondary": "junior",
  "lower secondary": "junior",
};

export function stageFromText(text: unknown): BalanceStage | null {
  if (typeof text !== "string") return null;
  return STAGE_NAMES[text.trim().toLowerCase()] ?? null;
}

/**
 * School rule: all indicators met, or all but one with the missed one ≥ 85% of its standard.
 * Values and standards are read in order; a blank value is an error (a pass must not be unearned).
 */
export function meetsBalance(values: unknown, standards: unknown): Calc<boolean> {
  let stds: number[];
  const single = flatten(standards);
  if (single.length === 1) standards = single[0];
  const stage = stageFromText(standards);
  if (stage) {
    stds = [...BALANCE_STANDARDS[stage]];
  } else if (typeof standards === "string") {
    return err("value", calcMessages.unknownStage("standards", standards));
  } else {
    stds = [];
    const cells = flatten(standards);
    for (let i = 0; i < cells.length; i++) {
      const read = readArg(cells[i], "standards", i + 1);
      if (!read.ok) return read;
      if (read.value.value <= 0) return err("value", calcMessages.nonPositiveStandard(i + 1, read.value.value));
      stds.push(read.value.value);
    }
  }
  const cells = flatten(values);
  if (cells.length !== stds.length) {
    return err("value", calcMessages.sizeMismatch("values", cells.length, "standards", stds.length));
  }
  const numbers: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (isBlank(cells[i])) return err("na", calcMessages.blankBalanceValue(i + 1));
    const read = readArg(cells[i], "values", i + 1);
    if (!read.ok) return read;
    numbers.push(read.value.value);
  }
  return ok(schoolRule(numbers, stds).pass);
}

/**
 * The 2017 school rule over values and their standards, with the tolerance of compare.ts (9
 * teachers for 1,000 students meet 0.9 per 100): every indicator met, or all but one with that one
 * at 85 % of its standard or more. `missed` lists the indices below standard.
 */
export function schoolRule(values: readonly number[], standards: readonly number[]): { pass: boolean; missed: number[] } {
  const missed = values.map((v, k) => (atLeast(v, standards[k]!) ? -1 : k)).filter((k) => k >= 0);
  const pass = missed.length === 0 || (missed.length === 1 && atLeast(values[missed[0]!]!, BALANCE_FLOOR * standards[missed[0]!]!));
  return { pass, missed };
}

export function meetsSchoolRule(values: readonly number[], stage: BalanceStage): { pass: boolean; missed: number[] } {
  return schoolRule(values, BALANCE_STANDARDS[stage]);
}

/** Share of classes at or under the standard size; `standard` a size or a stage name. Blanks skipped. */
export function classShare(classSizes: unknown, standard: unknown): Calc<number> {
  let limit: number;
  const single = flatten(standard);
  if (single.length === 1) standard = single[0];
  const stage = stageFromText(standard);
  if (stage) limit = STANDARD_CLASS_SIZE[stage];
  else if (typeof standard === "string" && !/\d/.test(standard)) {
    return err("value", calcMessages.unknownStage("standard", standard));
  } else {
    const read = readArg(standard, "standard");
    if (!read.ok) return read;
    if (read.value.value <= 0) return err("value", calcMessages.nonPositiveStandard(1, read.value.value));
    limit = read.value.value;
  }
  const cells = flatten(classSizes);
  let classes = 0;
  let atStandard = 0;
  for (let i = 0; i < cells.length; i++) {
    if (isBlank(cells[i])) continue;
    const read = readArg(cells[i], "classSizes", i + 1);
    if (!read.ok) return read;
    const size = read.value.value;
    if (!Number.isInteger(size) || size <= 0) return err("value", calcMessages.badClassSize(i + 1, size));
    classes++;
    if (meets(size, "<=", limit)) atStandard++;
  }
  if (classes === 0) return err("na", calcMessages.emptyRange("classSizes"));
  return ok(atStandard / classes);
}

/*
 * PLAN.* custom functions: thin wrappers over the pure core. The JSDoc below is the single source of
 * the formula-bar text: English from the description and @param lines (read by
 * custom-functions-metadata into functions.json), Chinese from the @zh and @zhparam lines (read by
 * scripts/functions-locale.mjs into functions.zh-CN.json). Function IDs are frozen once shipped.
 *
 * Every value argument accepts plan-style text (`19.62:1`, `＜0.40`, `92.52%`). Ranges arrive as 2D
 * arrays (a column, a row or a block). In a values range a blank cell skips its row on purpose.
 */
import {
  assess,
  completion,
  expectedValue,
  gap,
  inferSense,
  pace,
  type Period,
  type Sense,
} from "../core/calc/progress";
import { classShare, meetsBalance } from "../core/calc/balance";
import { measure, readArg, readNumber, readOptionalNumber, readSample, isBlank, flatten, type MeasureName } from "../core/calc/samples";
import { err, type Calc } from "../core/calc/errors";
import { calcMessages, labels, statusLabels, type Language } from "../core/i18n";
import { DEFAULT_PERIOD } from "../core/calc/progress";
import { displayLanguage, unwrap } from "./runtime";

function period(baseYear: unknown, targetYear: unknown): Calc<Period> {
  const b = readOptionalNumber(baseYear, "baseYear", DEFAULT_PERIOD.baseYear);
  if (!b.ok) return b;
  const t = readOptionalNumber(targetYear, "targetYear", DEFAULT_PERIOD.targetYear);
  if (!t.ok) return t;
  return { ok: true, value: { baseYear: b.value, targetYear: t.value } };
}

/** Direction words a cell may hold, including the template's own labels in both languages. */
const SENSES: Record<string, Sense | null> = {
  "1": "up",
  "-1": "down",
  up: "up",
  down: "down",
  higher: "up",
  lower: "down",
  高: "up",
  低: "down",
  // "maintain" and "bound" leave the direction to the target (its bound, or baseline → target).
  ...Object.fromEntries(
    (["higher", "lower", "maintain", "bound"] as const).flatMap((d) => {
      const sense = d === "higher" ? "up" : d === "lower" ? "down" : null;
      return [
        [labels.direction[d].zh, sense],
        [labels.direction[d].en.toLowerCase(), sense],
      ];
    }),
  ),
};

function readDirection(arg: unknown): Calc<Sense | null> {
  if (isBlank(arg)) return { ok: true, value: null };
  const key = String(arg).trim().toLowerCase();
  return key in SENSES ? { ok: true, value: SENSES[key]! } : err("value", calcMessages.unknownDirection(String(arg)));
}

function readLanguage(arg: unknown): Calc<Language> {
  if (isBlank(arg)) return { ok: true, value: displayLanguage() };
  const text = String(arg).trim().toLowerCase();
  if (text === "zh" || text === "zh-cn" || text === "中文") return { ok: true, value: "zh" };
  if (text === "en" || text === "en-us" || text === "english") return { ok: true, value: "en" };
  return err("value", calcMessages.unknownLanguage(String(arg)));
}

/**
 * Reads a number from plan-style text: 19.62:1 → 19.62, ＜0.40 → 0.4, 92.52% → 0.9252, 11. 65 → 11.65.
 * @customfunction PARSE
 * @param text A value as plans print it, e.g. "19.62:1", "＜0.40", "92.52%", "65%以上".
 * @returns The number (percentages as fractions).
 * @zh 按规划文本的写法读取数值：19.62:1 → 19.62，＜0.40 → 0.4，92.52% → 0.9252，11. 65 → 11.65。
 * @zhparam text 规划中印刷的数值，如 "19.62:1"、"＜0.40"、"92.52%"、"65%以上"。
 */
export function parse(text: any): number {
  return unwrap(() => readNumber(text, "text"));
}

/**
 * Signed distance still to go to the target: target − actual when higher is better, actual − target when lower is better. 0 or less means reached (a strict bound such as <0.40 is not reached at equality).
 * @customfunction GAP
 * @param actual The actual value.
 * @param target The target, a number or plan text; a bound such as "<0.40" implies lower is better.
 * @param [direction] 1 or "up" if higher is better, -1 or "down" if lower is better. Default: from the target's bound, else higher is better.
 * @returns The gap, in the target's units.
 * @zh 距目标尚差多少（带符号）：越高越好时为 目标−实际，越低越好时为 实际−目标。小于等于 0 表示已达到（严格界限如 ＜0.40 在相等时不算达到）。
 * @zhparam actual 实际值。
 * @zhparam target 目标值，可为数字或规划文本；"＜0.40" 之类的界限表示越低越好。
 * @zhparam direction 1 或 "up" 表示越高越好，-1 或 "down" 表示越低越好。默认：按目标的界限判断，否则越高越好。
 */
export function gapFunction(actual: any, target: any, direction?: any): number {
  return unwrap(() => {
    const a = readArg(actual, "actual");
    if (!a.ok) return a;
    const t = readArg(target, "target");
    if (!t.ok) return t;
    const d = readDirection(direction);
    if (!d.ok) return d;
    const sense = d.value ?? inferSense(null, t.value);
    return { ok: true, value: gap(a.value.value, t.value.value, sense) };
  });
}

/**
 * Value on the straight path from baseline (base year) to target (target year). Years after the target year give the target.
 * @customfunction EXPECTED
 * @param baseline The baseline value (in the base year).
 * @param target The target value (in the target year).
 * @param year The monitoring year.
 * @param [baseYear] The plan's base year. Default 2020.
 * @param [targetYear] The plan's target year. Default 2025.
 * @returns The expected value for the year.
 * @zh 从基期值（基期年）到目标值（目标年）直线路径上该年应达到的值；目标年之后为目标值。
 * @zhparam baseline 基期值（基期年的数值）。
 * @zhparam target 目标值（目标年的数值）。
 * @zhparam year 监测年份。
 * @zhparam baseYear 规划基期年，默认 2020。
 * @zhparam targetYear 规划目标年，默认 2025。
 */
export function expected(baseline: any, target: any, year: any, baseYear?: any, targetYear?: any): number {
  return unwrap(() => {
    const b = readNumber(baseline, "baseline");
    if (!b.ok) return b;
    const t = readNumber(target, "target");
    if (!t.ok) return t;
    const y = readNumber(year, "year");
    if (!y.ok) return y;
    const p = period(baseYear, targetYear);
    if (!p.ok) return p;
    return expectedValue(b.value, t.value, y.value, p.value);
  });
}

/**
 * Completion (actual − baseline) / (target − baseline), not clamped; works when lower is better. For a maintain target (baseline = target): 1 when met, else 0.
 * @customfunction PROGRESS
 * @param baseline The baseline value.
 * @param actual The actual value.
 * @param target The target value.
 * @returns The share of the planned change achieved (1 = 100%).
 * @zh 完成度 (实际−基期)/(目标−基期)，不截断；越低越好的指标同样适用。保持类目标（基期=目标）达到为 1，否则为 0。
 * @zhparam baseline 基期值。
 * @zhparam actual 实际值。
 * @zhparam target 目标值。
 */
export function progress(baseline: any, actual: any, target: any): number {
  return unwrap(() => {
    const b = readNumber(baseline, "baseline");
    if (!b.ok) return b;
    const a = readNumber(actual, "actual");
    if (!a.ok) return a;
    const t = readNumber(target, "target");
    if (!t.ok) return t;
    return { ok: true, value: completion(b.value, a.value, t.value) };
  });
}

/**
 * Status of an indicator in a year: Met, On track, Behind, Regressing, Missed or No data.
 * @customfunction STATUS
 * @param baseline The baseline, a number or plan text such as "<0.42".
 * @param actual The actual value for the year; blank gives No data.
 * @param target The target, a number or plan text such as "<0.40".
 * @param year The monitoring year.
 * @param [baseYear] The plan's base year. Default 2020.
 * @param [targetYear] The plan's target year. Default 2025.
 * @param [language] "zh" or "en". Default: Excel's display language.
 * @returns The status label.
 * @zh 指标在该年的状态：已达标、符合进度、滞后、倒退、未达标或无数据。
 * @zhparam baseline 基期值，可为数字或规划文本，如 "＜0.42"。
 * @zhparam actual 该年实际值；留空为“无数据”。
 * @zhparam target 目标值，可为数字或规划文本，如 "＜0.40"。
 * @zhparam year 监测年份。
 * @zhparam baseYear 规划基期年，默认 2020。
 * @zhparam targetYear 规划目标年，默认 2025。
 * @zhparam language "zh" 或 "en"，默认跟随 Excel 显示语言。
 */
export function status(
  baseline: any,
  actual: any,
  target: any,
  year: any,
  baseYear?: any,
  targetYear?: any,
  language?: any,
): string {
  return unwrap(() => {
    const lang = readLanguage(language);
    if (!lang.ok) return lang;
    const b = readArg(baseline, "baseline");
    if (!b.ok) return b;
    let a: number | null = null;
    if (!isBlank(flatten(actual)[0])) {
      const read = readNumber(flatten(actual)[0], "actual");
      if (!read.ok) return read;
      a = read.value;
    }
    const t = readArg(target, "target");
    if (!t.ok) return t;
    const y = readNumber(year, "year");
    if (!y.ok) return y;
    const p = period(baseYear, targetYear);
    if (!p.ok) return p;
    const result = assess({ baseline: b.value, actual: a, target: t.value, year: y.value, period: p.value });
    if (!result.ok) return result;
    return { ok: true, value: statusLabels[result.value.status][lang.value] };
  });
}

/**
 * Pace: actual compound annual growth rate divided by the rate required to reach the target (Open SDG method; zeros count as 0.001). 0.95 or more is on track, 0.60–0.95 needs acceleration, 0–0.60 limited progress, below 0 deterioration.
 * @customfunction PACE
 * @param baseline The baseline value.
 * @param actual The actual value.
 * @param target The target value.
 * @param year The year of the actual value.
 * @param [baseYear] The plan's base year. Default 2020.
 * @param [targetYear] The plan's target year. Default 2025.
 * @returns The ratio of actual to required growth.
 * @zh 进度比：实际年均复合增长率 ÷ 达成目标所需的年均增长率（Open SDG 方法，0 按 0.001 计）。≥0.95 符合进度，0.60–0.95 需加快，0–0.60 进展有限，＜0 倒退。
 * @zhparam baseline 基期值。
 * @zhparam actual 实际值。
 * @zhparam target 目标值。
 * @zhparam year 实际值所属年份。
 * @zhparam baseYear 规划基期年，默认 2020。
 * @zhparam targetYear 规划目标年，默认 2025。
 */
export function paceFunction(baseline: any, actual: any, target: any, year: any, baseYear?: any, targetYear?: any): number {
  return unwrap(() => {
    const b = readNumber(baseline, "baseline");
    if (!b.ok) return b;
    const a = readNumber(actual, "actual");
    if (!a.ok) return a;
    const t = readNumber(target, "target");
    if (!t.ok) return t;
    const y = readNumber(year, "year");
    if (!y.ok) return y;
    const p = period(baseYear, targetYear);
    if (!p.ok) return p;
    return pace(b.value, a.value, t.value, y.value, p.value);
  });
}

function equity(name: MeasureName, values: unknown, weights: unknown): number {
  return unwrap(() => {
    const sample = readSample(values, weights, { values: "values", weights: "weights" });
    if (!sample.ok) return sample;
    return measure(name, sample.value, "values");
  });
}

/**
 * Coefficient of variation, population form (S / mean). With weights (enrolment per school) it is the official inter-school difference coefficient: the student-weighted CV. Blank values skip their row.
 * @customfunction CV
 * @param values One value per school (per-student or per-100-student figures).
 * @param [weights] Enrolment per school, same size as values. Omit for the unweighted CV.
 * @returns The coefficient of variation.
 * @zh 差异系数（变异系数，总体形式：标准差 ÷ 平均数）。给出权重（各校在校生数）时即官方的校际差异系数（按学生数加权）。数值为空的行被跳过。
 * @zhparam values 每校一个数值（生均或每百名学生指标）。
 * @zhparam weights 各校在校生数，与 values 大小相同；省略则不加权。
 */
export function cv(values: any[][], weights?: any[][]): number {
  return equity("cv", values, weights);
}

/**
 * Gini coefficient, weighted by enrolment when weights are given (0 = equal, 1 = all in one school). Values must not be negative.
 * @customfunction GINI
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The Gini coefficient.
 * @zh 基尼系数；给出权重（在校生数）时按学生加权（0 为完全均等）。数值不能为负。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function giniFunction(values: any[][], weights?: any[][]): number {
  return equity("gini", values, weights);
}

/**
 * Theil T index, weighted by enrolment when weights are given (0 = equal). Values must not be negative.
 * @customfunction THEIL
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The Theil T index.
 * @zh 泰尔指数 T；给出权重（在校生数）时按学生加权（0 为完全均等）。数值不能为负。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function theilFunction(values: any[][], weights?: any[][]): number {
  return equity("theil", values, weights);
}

/**
 * McLoone index: what the schools below the (weighted) median have, relative to bringing them all to the median (1 = the lower half is at the median).
 * @customfunction MCLOONE
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The McLoone index, between 0 and 1.
 * @zh 麦克朗指数：中位数以下学校的实际总量与把它们都提高到中位数所需总量之比（1 表示下半部分都达到中位数）。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function mclooneFunction(values: any[][], weights?: any[][]): number {
  return equity("mcloone", values, weights);
}

/**
 * Verstegen index: what the schools above the (weighted) median have, relative to the median (1 or more).
 * @customfunction VERSTEGEN
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The Verstegen index, 1 or more.
 * @zh 维斯特根指数：中位数以上学校的实际总量与按中位数计算的总量之比（不小于 1）。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function verstegenFunction(values: any[][], weights?: any[][]): number {
  return equity("verstegen", values, weights);
}

/**
 * Federal range ratio (P95 − P5) / P5, with percentiles over students when weights are given.
 * @customfunction RANGERATIO
 * @param values One value per school.
 * @param [weights] Enrolment per school, same size as values.
 * @returns The range ratio.
 * @zh 联邦极差率 (P95 − P5) / P5；给出权重时按学生计算百分位数。
 * @zhparam values 每校一个数值。
 * @zhparam weights 各校在校生数，与 values 大小相同。
 */
export function rangeRatioFunction(values: any[][], weights?: any[][]): number {
  return equity("rangeRatio", values, weights);
}

/**
 * Share of classes at or under the standard size. Blank cells are skipped.
 * @customfunction CLASSSHARE
 * @param classSizes Students per class, one cell per class.
 * @param standard The standard size, or a stage: "小学"/"primary" (45) or "初中"/"junior" (50).
 * @returns The share of standard-size classes (1 = 100%).
 * @zh 标准班额比例：班额不超过标准的班级所占比例。空单元格被跳过。
 * @zhparam classSizes 各班学生数，每班一个单元格。
 * @zhparam standard 标准班额，或学段："小学"/"primary"（45 人）、"初中"/"junior"（50 人）。
 */
export function classShareFunction(classSizes: any[][], standard: any): number {
  return unwrap(() => classShare(classSizes, standard));
}

/**
 * TRUE when a school meets the 2017 balance rule: every resource indicator at its standard, or all but one with that one at 85% of its standard or more.
 * @customfunction BALANCE
 * @param values The school's seven indicator values, in the order of the 2017 method.
 * @param standards The seven standards, or a stage: "小学"/"primary" or "初中"/"junior" for the built-in standards.
 * @returns TRUE if the school meets the rule.
 * @zh 学校是否达到 2017 年优质均衡标准：各项资源配置指标均达标，或仅一项未达标且该项不低于标准的 85%。
 * @zhparam values 该校七项指标值，按 2017 年办法的顺序。
 * @zhparam standards 七项标准值，或学段："小学"/"primary"、"初中"/"junior" 使用内置标准。
 */
export function balance(values: any[][], standards: any[][]): boolean {
  return unwrap(() => meetsBalance(values, standards));
}
